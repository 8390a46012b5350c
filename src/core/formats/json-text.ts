import { jsonPointer } from '../problems.ts';

/**
 * JSON text with positions. `JSON.parse` is fast but says little about where a document is broken, so a
 * second, iterative scanner walks the text only when needed: to place a syntax error at line:column, and to
 * map JSON pointers of problems back to where their values start. Iterative, so that 10,000-deep nesting
 * cannot overflow the stack.
 */

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
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

type Path = (string | number)[];
type Visit = (path: Path, offset: number) => void;

const quote = (c: string | undefined): string =>
  c === undefined ? 'the end of the input' : `'${c === '\n' ? '\\n' : c}'`;

/** Walks a JSON text; calls `visit` at the start of every value; returns the first syntax error, if any. */
export function scanJson(text: string, visit?: Visit): JsonSyntaxError | undefined {
  let i = 0;
  const path: Path = [];
  const frames: ('object' | 'array')[] = [];
  const fail = (message: string, at = i): JsonSyntaxError => ({ offset: at, message });

  const skipSpace = (): void => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
    }
  };

  const readString = (): JsonSyntaxError | string => {
    const start = i++;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === 92) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('bad \\u escape in a string');
          i += 5;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i++;
        else return fail(`bad escape \\${next ?? ''} in a string`);
      } else if (c < 0x20) {
        return fail('a control character (such as a line break) inside a string must be escaped');
      }
    }
    return fail('unterminated string', start);
  };

  const readKey = (): JsonSyntaxError | undefined => {
    skipSpace();
    const c = text[i];
    if (c === '}') return fail("a trailing comma before '}' is not allowed in JSON");
    if (c !== '"')
      return fail(
        c === "'" ? 'keys must use double quotes' : `expected a key in double quotes but found ${quote(c)}`,
      );
    const key = readString();
    if (typeof key !== 'string') return key;
    skipSpace();
    if (text[i] !== ':') return fail(`expected ':' after the key "${key}" but found ${quote(text[i])}`);
    i++;
    path.push(key);
    return undefined;
  };

  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const readScalar = (): JsonSyntaxError | undefined => {
    const c = text[i];
    if (c === '"') {
      const value = readString();
      return typeof value === 'string' ? undefined : value;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return undefined;
      }
    }
    number.lastIndex = i;
    if (number.test(text)) {
      i = number.lastIndex;
      return undefined;
    }
    if (c === "'") return fail('strings must use double quotes');
    if ((c === ']' || c === '}') && /,\s*$/.test(text.slice(Math.max(0, i - 64), i))) {
      return fail(`a trailing comma before '${c}' is not allowed in JSON`);
    }
    return fail(`expected a value but found ${quote(c)}`);
  };

  skipSpace();
  if (i >= text.length) return fail('the input is empty');
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      skipSpace();
      if (i >= text.length) return fail('unexpected end of the input: a value is missing');
      visit?.(path, i);
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          expectValue = false;
        } else if (c === '{') {
          frames.push('object');
          const error = readKey();
          if (error) return error;
        } else {
          frames.push('array');
          path.push(0);
        }
        continue;
      }
      const error = readScalar();
      if (error) return error;
      expectValue = false;
      continue;
    }
    skipSpace();
    const frame = frames[frames.length - 1];
    const c = text[i];
    if (!frame)
      return c === undefined ? undefined : fail(`unexpected ${quote(c)} after the end of the JSON value`);
    const close = frame === 'object' ? '}' : ']';
    if (c === ',') {
      i++;
      if (frame === 'array') {
        skipSpace();
        if (text[i] === ']') return fail("a trailing comma before ']' is not allowed in JSON");
        path[path.length - 1] = (path[path.length - 1] as number) + 1;
      } else {
        path.pop();
        const error = readKey();
        if (error) return error;
      }
      expectValue = true;
      continue;
    }
    if (c === close) {
      i++;
      frames.pop();
      path.pop();
      continue;
    }
    if (c === undefined) return fail(`unexpected end of the input: missing '${close}'`);
    return fail(`expected ',' or '${close}' but found ${quote(c)}`);
  }
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
