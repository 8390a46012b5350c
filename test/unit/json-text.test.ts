import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locatePointers, parseJsonText, positionAt, scanJson } from '../../src/core/formats/json-text.ts';
import { maxNestingDepth } from '../../src/core/formats/limits.ts';

describe('JSON syntax errors', () => {
  it.each([
    ['{"a":1,}', 1, 8, "trailing comma before '}'"],
    ['[1,2,]', 1, 6, "trailing comma before ']'"],
    ['{"a" 1}', 1, 6, "expected ':'"],
    ["{'a':1}", 1, 2, 'double quotes'],
    ['{"a":[1,2', 1, 10, "missing ']'"],
    ['', 1, 1, 'empty'],
    ['{"a":"x\ny"}', 1, 8, 'control character'],
    ['{"a":1} x', 1, 9, "unexpected 'x'"],
    ['{"a":tru}', 1, 6, 'expected a value'],
    ['{\r\n  "a": 1\r\n  "b": 2\r\n}', 3, 3, "expected ',' or '}'"],
    ['{"a":"\\q"}', 1, 7, 'bad escape'],
    ['{"a":"\\u12G4"}', 1, 7, 'bad \\u escape'],
    ['{"a":"open', 1, 6, 'unterminated string'],
  ])('%j → %i:%i %s', (text, line, column, words) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toEqual({ line, column });
    expect(result.error.message).toContain(words);
  });

  it('accepts a byte-order mark; scans deep nesting without recursion, and refuses it past the limit', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toMatchObject({ ok: true, value: { a: 1 } });
    const deep = '['.repeat(10000) + ']'.repeat(9999);
    expect(scanJson(deep)).toMatchObject({ message: "unexpected end of the input: missing ']'" });
    expect(parseJsonText(deep)).toMatchObject({
      ok: false,
      error: { message: `nesting deeper than ${maxNestingDepth} levels of objects and arrays`, limit: true },
      position: { line: 1, column: maxNestingDepth + 1 },
    });
    const within = '['.repeat(maxNestingDepth) + ']'.repeat(maxNestingDepth);
    expect(parseJsonText(within).ok).toBe(true);
    // Brackets inside strings are no nesting, escaped quotes and backslashes included.
    const strings = `["${'['.repeat(1000)}", "a\\"${'{'.repeat(1000)}", "\\\\", "${'['.repeat(1000)}"]`;
    expect(parseJsonText(strings).ok).toBe(true);
  });

  it('counts lines across \\n, \\r\\n and \\r', () => {
    expect(positionAt('a\nb\r\nc\rd', 7)).toEqual({ line: 4, column: 1 });
  });
});

describe('locating JSON pointers', () => {
  const text = '{\n  "nodes": [\n    {"id": "a"},\n    {"id": "b", "x": [1, {"y/z": 2}]}\n  ]\n}';
  it('finds values, escaped keys, and falls back to the nearest ancestor', () => {
    const found = locatePointers(text, ['/nodes/1/id', '/nodes/1/x/1/y~1z', '/nodes/0/text', '/zz']);
    expect(Object.fromEntries(found)).toEqual({
      '/nodes/1/id': { line: 4, column: 12 },
      '/nodes/1/x/1/y~1z': { line: 4, column: 34 },
      '/nodes/0/text': { line: 3, column: 5 },
      '/zz': { line: 1, column: 1 },
    });
  });
});

describe('px', () => {
  it('formats like String(Math.round(v * 100) / 100)', async () => {
    const { px } = await import('../../src/core/round.ts');
    for (const v of [
      0,
      -0,
      1,
      -1,
      0.5,
      1.25,
      -1.375,
      2.005,
      1e6 + 0.333,
      -0.004,
      12.3,
      99.999,
      0.1 + 0.2,
      NaN,
      Infinity,
      -Infinity,
    ]) {
      expect(px(v)).toBe(String(Math.round(v * 100) / 100));
    }
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (v) => {
        expect(px(v)).toBe(String(Math.round(v * 100) / 100));
      }),
      { numRuns: 5000 },
    );
  });
});
