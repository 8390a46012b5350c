import type { ArgumentMap } from '../../model/types.ts';
import type { Problem } from '../../problems.ts';
import { buildMap, type ArgdownPlaces } from './build.ts';
import { readYamlMapping } from './inline.ts';
import { readDocument } from './read.ts';
import { sourceLines, type SourceProblem } from './source-lines.ts';

export type { ArgdownPlaces } from './build.ts';

export interface ParsedArgdown {
  /** The map read from the text; elements with errors are left out, the rest is kept. */
  readonly map: ArgumentMap;
  /** Every problem of the file, each with line:column, in text order. */
  readonly problems: readonly Problem[];
  /** Where each node, relation and group was written, for placing later problems (validation) in the text. */
  readonly places: ArgdownPlaces;
}

/**
 * Reads Argdown text (the subset in docs/ARCHITECTURE.md: statements and arguments with titles, references and
 * definitions, relation trees with every relation symbol, premise–conclusion structures, headings as
 * groups, tags, `{data}`, YAML front matter, comments). It never stops at the first error: each line is read
 * on its own, so one pass reports every error, and what could be read is kept.
 */
export function parseArgdown(text: string): ParsedArgdown {
  const found: SourceProblem[] = [];
  const source = sourceLines(text, found);
  let frontMatter: Parameters<typeof buildMap>[1];
  if (source.frontMatter) {
    const { value, error } = readYamlMapping(source.frontMatter.text);
    const first = source.frontMatter.firstLine;
    if (error)
      found.push({
        severity: 'error',
        line: first + error.line - 1,
        column: error.column,
        message: error.message,
      });
    if (value) frontMatter = { value, place: { line: first, column: 1 } };
  }
  const doc = readDocument(source, found);
  const { map, places } = buildMap(doc, frontMatter, found);
  const problems = found
    .map((p, order) => ({ p, order }))
    .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || a.order - b.order)
    .map(({ p }): Problem => ({
      severity: p.severity,
      code: 'syntax',
      message: p.message,
      line: p.line,
      column: p.column,
    }));
  return { map, problems, places };
}
