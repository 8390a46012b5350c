import { JsonScanner, type JsonSyntaxError, type JsonVisit } from './json-scanner.ts';
import { maxNestingDepth } from './limits.ts';

export type { JsonSyntaxError } from './json-scanner.ts';

/**
 * JSON text with positions. `JSON.parse` is fast but says little about where a document is broken, so a
 * second, iterative scanner (`json-scanner.ts`) walks the text only when needed: to place a syntax error at
 * line:column, and to map JSON pointers of problems back to where their values start. Every walk here is
 * linear in the text, whatever its shape (see "Limits" in docs/ARCHITECTURE.md).
 */

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export type JsonParse =
  | { readonly ok: true; readonly value: unknown; readonly text: string }
  | { readonly ok: false; readonly error: JsonSyntaxError; readonly position: TextPosition };

/** Parses JSON text; a leading byte-order mark is accepted (it is replaced by a space to keep offsets). */
export function parseJsonText(input: string): JsonParse {
  const text = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  // Deep nesting is refused before anything walks the value: every reader and writer after this one may
  // then recurse safely.
  const tooDeep = depthError(text);
  if (tooDeep) return { ok: false, error: tooDeep, position: positionAt(text, tooDeep.offset) };
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    const error = scanJson(text) ?? { offset: 0, message: 'the text is not valid JSON' };
    return { ok: false, error, position: positionAt(text, error.offset) };
  }
}

/** The first `[` or `{` nested deeper than `maxNestingDepth` (strings skipped), in one pass over the text. */
export function depthError(text: string, max = maxNestingDepth): JsonSyntaxError | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: skip to its closing quote (an unterminated one ends the text; the parser reports it).
      for (i++; i < n; i++) {
        const s = text.charCodeAt(i);
        if (s === 92) i++;
        else if (s === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > max)
        return {
          offset: i,
          message: `nesting deeper than ${max} levels of objects and arrays`,
          limit: true,
        };
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

/** Walks a JSON text; calls `visit` at the start of every value; returns the first syntax error, if any. */
export function scanJson(text: string, visit?: JsonVisit): JsonSyntaxError | undefined {
  return new JsonScanner(text, visit).scan();
}

/** 1-based line and column (in UTF-16 units) of an offset; \r\n, \n and \r all end a line. */
export function positionAt(text: string, offset: number): TextPosition {
  return lineIndex(text)(offset);
}

/**
 * Where each line of a text starts, found in one pass; the returned function places an offset by binary
 * search, so that placing many problems costs a logarithm each, not a walk from the start of the text.
 */
export function lineIndex(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    const end = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= end) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: end - starts[lo]! + 1 };
  };
}

/** The segments of an RFC 6901 pointer ('' is the whole document). */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The wanted pointers as a tree of segments; `offset` is filled in where the scan finds that value. */
interface Wanted {
  readonly children: Map<string, Wanted>;
  offset?: number;
}

/**
 * Where the values named by JSON pointers start. A pointer to a value that is missing (a required key)
 * falls back to its nearest existing ancestor, so every problem can still be shown at a place. One scan of
 * the text finds them all: the wanted pointers form a tree followed value by value, a constant step each.
 */
export function locatePointers(text: string, pointers: Iterable<string>): Map<string, TextPosition> {
  const root: Wanted = { children: new Map() };
  const list = [...pointers];
  for (const pointer of list) {
    let at = root;
    for (const segment of pointerSegments(pointer)) {
      let next = at.children.get(segment);
      if (!next) at.children.set(segment, (next = { children: new Map() }));
      at = next;
    }
  }
  // `open[k]` is the wanted value at depth k of the current path, if the path so far is wanted at all.
  const open: (Wanted | undefined)[] = [root];
  scanJson(text, (path, offset) => {
    const depth = path.length;
    const parent = depth === 0 ? undefined : open[depth - 1];
    const here = depth === 0 ? root : parent?.children.get(String(path[depth - 1]));
    open[depth] = here;
    if (here && here.offset === undefined) here.offset = offset;
  });
  const place = lineIndex(text);
  const located = new Map<string, TextPosition>();
  for (const pointer of list) {
    let at: Wanted | undefined = root;
    let offset = root.offset;
    for (const segment of pointerSegments(pointer)) {
      at = at.children.get(segment);
      if (!at || at.offset === undefined) break;
      offset = at.offset;
    }
    if (offset !== undefined) located.set(pointer, place(offset));
  }
  return located;
}
