import { readData } from './inline.ts';
import { jsonLine } from './json-line.ts';

/**
 * The `{…}` data block argmap writes: a YAML flow mapping whose keys and string values are bare words where
 * YAML reads them as the same strings (`{id: reset-begun, quote: "…"}`), the other values JSON (which is
 * YAML), on one line.
 * The reader turns such a block into JSON and parses it as JSON, far faster than YAML; anything else goes to
 * the YAML reader.
 */

/** A word YAML (1.1 and 1.2 alike) reads back as this string when it is written bare, as key or value. */
const bareWord = /^[A-Za-z][\w-]*$/;
const yamlWords = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
const isBare = (word: string): boolean => bareWord.test(word) && !yamlWords.test(word);

/** The data field that keeps a data block as written when it cannot be read as YAML. */
export const unparsedDataKey = 'unparsed';

/** `{key: value, …}` on one line; slashes escaped so that no `//` or `/*` can start a comment. */
export function dataBlock(data: Record<string, unknown>): string {
  const asWritten = unparsedAsWritten(data);
  if (asWritten !== undefined) return asWritten;
  const entries = Object.keys(data).map((key) => {
    const value = data[key];
    const bareValue = typeof value === 'string' && isBare(value);
    return `${isBare(key) ? key : jsonLine(key)}: ${bareValue ? value : jsonLine(value)}`;
  });
  return `{${entries.join(', ')}}`.replace(/\//g, '\\/');
}

/**
 * A data block the reader could not read as YAML comes back as it was written, so that the file reads as
 * before, to Argdown too; undefined when the data is anything else, or would read back as other data.
 */
function unparsedAsWritten(data: Record<string, unknown>): string | undefined {
  const keys = Object.keys(data);
  const text = data[unparsedDataKey];
  if (keys.length !== 1 || typeof text !== 'string' || !/^\{[^\n\r/]*\}$/.test(text)) return undefined;
  const again = readData(text, 1, []);
  return again?.[unparsedDataKey] === text && Object.keys(again).length === 1 ? text : undefined;
}

/**
 * The block as JSON when it is one argmap writes (bare words quoted); undefined when it is not, or names a key
 * twice (YAML reports that, JSON would keep the last).
 */
export function dataBlockAsJson(source: string): string | undefined {
  let out = '';
  let depth = 0;
  /** The last character written that is not white space: a bare key follows `{` or `,`. */
  let last = '';
  const keys = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '"') {
      const end = stringEnd(source, i);
      if (end < 0) return undefined;
      const text = source.slice(i, end + 1);
      if (depth === 1 && /^\s*:/.test(source.slice(end + 1, end + 20)) && !claim(keys, text))
        return undefined;
      out += text;
      last = '"';
      i = end;
      continue;
    }
    if (/[A-Za-z]/.test(c) && (last === '{' || last === ',' || last === ':') && depth === 1) {
      const word = /^[A-Za-z][\w-]*/.exec(source.slice(i, i + 200))![0];
      const after = source.slice(i + word.length, i + word.length + 20);
      const isKey = last !== ':';
      if (!isBare(word) || !(isKey ? /^\s*:/ : /^\s*[,}]/).test(after)) return undefined;
      if (isKey && !claim(keys, JSON.stringify(word))) return undefined;
      out += JSON.stringify(word);
      last = '"';
      i += word.length - 1;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    if (c === '}' || c === ']') depth--;
    out += c;
    if (!/\s/.test(c)) last = c;
  }
  return out;
}

/** Index of the quote that closes the JSON string opened at `start`, or -1. */
function stringEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"') return i;
  }
  return -1;
}

/** Adds a top-level key (as its JSON text); false when it was there already. */
function claim(keys: Set<string>, key: string): boolean {
  const name = JSON.parse(key) as string;
  if (keys.has(name)) return false;
  keys.add(name);
  return true;
}
