import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { depthError } from '../json-text.ts';
import { dataBlockAsJson, unparsedDataKey } from './data-block.ts';
import { maxNestingDepth, maxYamlAliases } from '../limits.ts';
import { isEscapable, normaliseSpace } from './syntax.ts';

/** A problem found on one line, placed by column (1-based) in that line. */
export interface LineProblem {
  readonly severity: 'error' | 'warning';
  readonly column: number;
  readonly message: string;
}

export type Data = Readonly<Record<string, unknown>>;

/** What one line (or the part after a relation symbol) says: an element, or plain text with tags and data. */
export interface InlineElement {
  readonly kind: 'statement' | 'argument';
  /** `[Title]` / `<Title>`; undefined for an untitled statement (plain text). */
  readonly title: string | undefined;
  /** Text after `:` (or the whole line when untitled); undefined for a bare reference. */
  readonly text: string | undefined;
  /** `[Title]:` with nothing after the colon: its text is on the lines that follow. */
  readonly textFollows?: boolean;
  readonly tags: readonly string[];
  readonly data: Data | undefined;
  /** Column where the element starts. */
  readonly column: number;
}

/** A Markdown link `[text](…)` at the start: text, not a statement's title. */
export const startsWithLink = (content: string): boolean => /^\[(?:\\.|[^\]\\])*\]\(/.test(content);

/**
 * Reads `[Title]: text #tag #(two words) {key: value}`, `<Title>: text`, a bare `[Title]` / `<Title>`, or
 * untitled text. `column` is where `content` starts in its line, so that problems point into the line.
 */
export function parseInline(
  content: string,
  column: number,
  problems: LineProblem[],
): InlineElement | undefined {
  const open = content[0];
  if ((open === '[' && !startsWithLink(content)) || open === '<') {
    const close = open === '[' ? ']' : '>';
    const kind = open === '[' ? 'statement' : 'argument';
    const end = findUnescaped(content, close, 1);
    if (end < 0) {
      problems.push({
        severity: 'error',
        column,
        message: `${open === '[' ? 'statement' : 'argument'} title is not closed: "${close}" expected`,
      });
      return undefined;
    }
    const title = normaliseSpace(unescape(content.slice(1, end)));
    if (title === '') {
      problems.push({ severity: 'error', column, message: `empty title "${open}${close}"` });
      return undefined;
    }
    let rest = content.slice(end + 1);
    let restColumn = column + end + 1;
    const defined = /^\s*:/.exec(rest);
    if (defined) {
      restColumn += defined[0].length;
      rest = rest.slice(defined[0].length);
    }
    const body = readBody(rest, restColumn, problems);
    if (!defined && body.text !== '') {
      problems.push({
        severity: 'error',
        column: restColumn,
        message: `":" expected after ${open}${title}${close} before its text`,
      });
    }
    return {
      kind,
      title,
      text: defined && body.text !== '' ? body.text : undefined,
      ...(defined && body.text === '' ? { textFollows: true } : {}),
      tags: body.tags,
      data: body.data,
      column,
    };
  }
  const body = readBody(content, column, problems);
  if (body.text === '' && body.tags.length === 0 && body.data === undefined) return undefined;
  if (body.text === '') {
    problems.push({ severity: 'error', column, message: 'a statement needs a text, not only tags or data' });
    return undefined;
  }
  return { kind: 'statement', title: undefined, text: body.text, tags: body.tags, data: body.data, column };
}

export interface Body {
  readonly text: string;
  readonly tags: string[];
  readonly data: Data | undefined;
}

/** The start of a data block, `{key:` or `{"key":`, as opposed to a brace in prose. */
const dataStart = /\{[ \t]{0,20}(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[\w$-]{1,200})[ \t]{0,20}:/y;

/** Text with its `#tags` and trailing `{data}` taken out and its escapes resolved. */
export function readBody(raw: string, column: number, problems: LineProblem[]): Body {
  // Plain text (no escape, tag or data) needs no scan.
  if (!/[\\#{]/.test(raw)) return { text: normaliseSpace(raw), tags: [], data: undefined };
  let text = '';
  const tags: string[] = [];
  let data: Data | undefined;
  let closed: boolean | undefined;
  for (let i = 0; i < raw.length;) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length && isEscapable(raw[i + 1]!)) {
      // An escaped emphasis mark stays escaped: the text keeps its inline markup (src/core/text/inline-runs.ts).
      text += raw[i + 1] === '*' || raw[i + 1] === '_' ? raw.slice(i, i + 2) : raw[i + 1];
      i += 2;
      continue;
    }
    const atWordStart = i === 0 || /\s/.test(raw[i - 1]!);
    if (c === '#' && atWordStart && i + 1 < raw.length && !/\s/.test(raw[i + 1]!)) {
      if (raw[i + 1] === '(') {
        const close = raw.indexOf(')', i + 2);
        if (close < 0) {
          problems.push({
            severity: 'error',
            column: column + i,
            message: 'tag "#(" is not closed: ")" expected',
          });
          i = raw.length;
          continue;
        }
        const tag = normaliseSpace(raw.slice(i + 2, close));
        if (tag !== '') tags.push(tag);
        i = close + 1;
      } else {
        let end = i + 1;
        while (end < raw.length && !/\s/.test(raw[end]!)) end++;
        // Punctuation after a tag ends the sentence, not the tag: "#key, and" tags "key".
        while (end > i + 2 && /[.,;:!?]/.test(raw[end - 1]!)) end--;
        tags.push(raw.slice(i + 1, end));
        i = end;
      }
      continue;
    }
    if (c === '{' && atWordStart && (closed ??= raw.trimEnd().endsWith('}'))) {
      data = readData(raw.trimEnd().slice(i), column + i, problems);
      break;
    }
    // `{key: …` that never closes on its line is a data block left open, not words of the box's text.
    dataStart.lastIndex = i;
    if (c === '{' && atWordStart && dataStart.test(raw)) {
      problems.push({
        severity: 'error',
        column: column + i,
        message: 'data block "{" is not closed: "}" expected at the end of the line',
      });
      break;
    }
    text += c;
    i++;
  }
  return { text: normaliseSpace(text), tags, data };
}

/** A YAML flow mapping, `{key: value, …}`, attached to an element. */
export function readData(source: string, column: number, problems: LineProblem[]): Data | undefined {
  // Data written by argmap is JSON with bare keys (`data-block.ts`): read as JSON first, being far faster.
  const deep = depthError(source);
  if (deep) {
    const message = `data block is not valid: nesting deeper than ${maxNestingDepth} levels`;
    problems.push({ severity: 'error', column: column + deep.offset, message });
    return undefined;
  }
  const json = dataBlockAsJson(source);
  if (json !== undefined) {
    try {
      const value: unknown = JSON.parse(json);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Data;
    } catch {
      // Not JSON after all: YAML decides, and reports where it is wrong.
    }
  }
  const read = yamlMapping(source, 'data block', 'a mapping, like {key: value}', false);
  if ('error' in read) {
    // Argdown itself reads a document without reading its data blocks, so one it cannot read as YAML does
    // not stop the map from opening: it is said, and kept as written, to be mended later.
    problems.push({
      severity: 'warning',
      column: column + read.error.column - 1,
      message: `${read.error.message}; kept as written in the field "${unparsedDataKey}"`,
    });
    return { [unparsedDataKey]: source };
  }
  return read.value;
}

/** Front matter: the YAML between the `===` lines (empty is no field at all). Errors are placed within it. */
export function readYamlMapping(source: string): {
  value: Data | undefined;
  error?: { line: number; column: number; message: string };
} {
  const read = yamlMapping(source, 'front matter', 'a YAML mapping', true);
  return 'error' in read ? { value: undefined, error: read.error } : read;
}

/** YAML text that must hold a mapping (`what` names it in messages), or the first thing wrong with it. */
function yamlMapping(
  source: string,
  what: string,
  mapping: string,
  emptyIsMapping: boolean,
): { value: Data } | { error: { line: number; column: number; message: string } } {
  // The YAML library's own check for repeated keys compares each key with all the keys before it, which
  // takes minutes on front matter of many keys; the same check is made below in one pass.
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { uniqueKeys: false, lineCounter });
  const syntax = doc.errors[0];
  // Collections nested thousands deep overflow the YAML library's call stack: said as what it is, at the
  // first bracket too deep when brackets show it.
  if (syntax && /call stack/i.test(syntax.message)) {
    const deep = depthError(source);
    const { line, col } = lineCounter.linePos(deep?.offset ?? syntax.pos[0]);
    return {
      error: {
        line,
        column: col,
        message: `${what} is not valid YAML: nesting deeper than ${maxNestingDepth} levels`,
      },
    };
  }
  if (syntax) {
    const pos = syntax.linePos?.[0];
    const message = syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return {
      error: {
        line: pos?.line ?? 1,
        column: pos?.col ?? 1,
        message: `${what} is not valid YAML: ${message}`,
      },
    };
  }
  const wrong = nodeProblem(doc.contents);
  if (wrong) {
    const { line, col } = lineCounter.linePos(wrong.offset);
    return { error: { line, column: col, message: `${what} is not valid YAML: ${wrong.message}` } };
  }
  const value = yamlValue(doc);
  if (value instanceof Error)
    return { error: { line: 1, column: 1, message: `${what} is not valid YAML: ${value.message}` } };
  if ((value === null || value === undefined) && emptyIsMapping) return { value: {} };
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { error: { line: 1, column: 1, message: `${what} must be ${mapping}` } };
  return { value: value as Data };
}

/**
 * The first key written twice in one mapping, or the first collection nested deeper than `maxNestingDepth`,
 * anywhere in the document: the nodes are walked with a stack (no recursion) and each mapping's keys go into
 * a set.
 */
function nodeProblem(root: unknown): { message: string; offset: number } | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isSeq(node) && !isMap(node)) continue;
    if (depth > maxNestingDepth)
      return { message: `nesting deeper than ${maxNestingDepth} levels`, offset: node.range?.[0] ?? 0 };
    if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
      continue;
    }
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (isScalar(key)) {
        // 1 and "1" are different keys to YAML: the type is part of the name.
        const name = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(name))
          return { message: `the key "${String(key.value)}" is repeated`, offset: key.range?.[0] ?? 0 };
        seen.add(name);
      }
      stack.push({ node: pair.value, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The document as plain values. Building them can still fail after a clean parse (an alias to an anchor
 * that is not there, or aliases that would expand a few bytes into gigabytes): that is an error in the
 * file, returned, not thrown.
 */
function yamlValue(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS({ maxAliasCount: maxYamlAliases });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Index of `char` at or after `from` that is not escaped with a backslash, or -1. */
export function findUnescaped(s: string, char: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length && isEscapable(s[i + 1]!)) i++;
    else if (s[i] === char) return i;
  }
  return -1;
}

export function unescape(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
