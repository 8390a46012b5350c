import type * as z from 'zod';
import { jsonPointer, type Problem } from '../../problems.ts';

/** Turns zod issues into problems with JSON pointers and messages a map author understands. */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly (string | number)[],
  value: unknown,
): Problem[] {
  return issues.map((issue) => {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    const pointer = jsonPointer(path);
    if (issue.code === 'invalid_union' && 'discriminator' in issue) {
      const found = valueAt(value, issue.path as (string | number)[]);
      return {
        severity: 'error',
        code: found === undefined ? 'schema' : 'unknown-type',
        pointer,
        message:
          found === undefined
            ? 'missing "type" (one of "statement", "argument")'
            : `unknown node type ${JSON.stringify(found)} (expected "statement" or "argument")`,
      };
    }
    if (issue.code === 'invalid_value' && issue.path.at(-1) === 'type') {
      const found = valueAt(value, issue.path as (string | number)[]);
      const expected = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return {
        severity: 'error',
        code: found === undefined ? 'schema' : 'unknown-type',
        pointer,
        message:
          found === undefined
            ? `missing "type" (one of ${expected})`
            : `unknown relation type ${JSON.stringify(found)} (expected one of ${expected})`,
      };
    }
    if (issue.code === 'invalid_type') {
      const found = valueAt(value, issue.path as (string | number)[]);
      const key = String(issue.path.at(-1) ?? 'value');
      return {
        severity: 'error',
        code: 'schema',
        pointer,
        message:
          found === undefined
            ? `missing required "${key}" (${article(issue.expected)})`
            : `"${key}" must be ${article(issue.expected)}, not ${describe(found)}`,
      };
    }
    return { severity: 'error', code: 'schema', pointer, message: issue.message };
  });
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
