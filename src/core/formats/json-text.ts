import { jsonPointer } from '../problems.ts';
import { JsonScanner, type JsonSyntaxError, type JsonVisit } from './json-scanner.ts';

export type { JsonSyntaxError } from './json-scanner.ts';

/**
 * JSON text with positions. `JSON.parse` is fast but says little about where a document is broken, so a
 * second, iterative scanner (`json-scanner.ts`) walks the text only when needed: to place a syntax error at
 * line:column, and to map JSON pointers of problems back to where their values start.
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
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    const error = scanJson(text) ?? { offset: 0, message: 'the text is not valid JSON' };
    return { ok: false, error, position: positionAt(text, error.offset) };
  }
}

/** Walks a JSON text; calls `visit` at the start of every value; returns the first syntax error, if any. */
export function scanJson(text: string, visit?: JsonVisit): JsonSyntaxError | undefined {
  return new JsonScanner(text, visit).scan();
}

/** 1-based line and column (in UTF-16 units) of an offset; \r\n, \n and \r all end a line. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Where the values named by JSON pointers start. A pointer to a value that is missing (a required key)
 * falls back to its nearest existing ancestor, so every problem can still be shown at a place.
 */
export function locatePointers(text: string, pointers: Iterable<string>): Map<string, TextPosition> {
  const wanted = new Set<string>();
  for (const pointer of pointers)
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      wanted.add(p);
      if (p === '') break;
    }
  const offsets = new Map<string, number>();
  scanJson(text, (path, offset) => {
    const pointer = jsonPointer(path);
    if (wanted.has(pointer)) offsets.set(pointer, offset);
  });
  const located = new Map<string, TextPosition>();
  for (const pointer of pointers) {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const offset = offsets.get(p);
      if (offset !== undefined) {
        located.set(pointer, positionAt(text, offset));
        break;
      }
      if (p === '') break;
    }
  }
  return located;
}
