/**
 * Argdown's inline formatting in a node's text: `**bold**`, `__bold__`, `*italic*`, `_italic_`, links
 * `[text](url)` and backslash escapes. The model keeps the text as written (so that every format's round
 * trip keeps it exactly); this reads it into runs of equally formatted text for drawing.
 *
 * Emphasis follows CommonMark's delimiter rules (https://spec.commonmark.org/0.31.2/#emphasis-and-strong-emphasis):
 * a run of `*` or `_` opens only where it is left-flanking and closes only where it is right-flanking, and
 * `_` not inside a word; as in Argdown, a closing `*` also ends a word. So text written by people who never meant Markdown reads as they wrote it: a lone
 * `*`, `2 * 3`, `snake_case_name` or `**` without its pair stay literal.
 */

export interface InlineRun {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  /** The link's address; only http(s) and mailto addresses, others are drawn as plain text. */
  readonly href?: string;
}

/** Characters that may start markup; a text without any is one plain run. */
const markupChar = /[*_[\\]/;

/** Whether the text may hold inline markup (a cheap test before parsing). */
export function mayHaveMarkup(text: string): boolean {
  return markupChar.test(text);
}

/** The text's runs, adjacent runs of equal format merged. Empty text gives no run. */
export function parseInlineRuns(text: string): InlineRun[] {
  if (!mayHaveMarkup(text)) return text === '' ? [] : [{ text, bold: false, italic: false }];
  return merge(resolve(tokenize(text)));
}

/** The text as read, without its markup: what search and accessible names use. */
export function plainText(text: string): string {
  if (!mayHaveMarkup(text)) return text;
  return parseInlineRuns(text)
    .map((run) => run.text)
    .join('');
}

/** Whether any run is formatted or a link: else the text draws as its plain text. */
export function isFormatted(runs: readonly InlineRun[]): boolean {
  return runs.some((run) => run.bold || run.italic || run.href !== undefined);
}

/** Only addresses that open a page or a mail: never `javascript:`, `data:` or the like. */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^(?:https?:\/\/|mailto:)\S+$/i.test(trimmed)) return undefined;
  // No control character: a browser drops some of them, which could change what the address says.
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return undefined;
  }
  return trimmed;
}

type Token =
  | { kind: 'text'; text: string; bold: number; italic: number }
  | { kind: 'link'; runs: InlineRun[]; href: string | undefined; bold: number; italic: number }
  | {
      kind: 'delim';
      char: '*' | '_';
      count: number;
      readonly length: number;
      readonly canOpen: boolean;
      readonly canClose: boolean;
      bold: number;
      italic: number;
    };

const isAsciiPunctuation = (c: string) => /^[!-/:-@[-`{-~]$/.test(c);
const isPunctuation = (c: string) => /^[\p{P}\p{S}]$/u.test(c);
const isWhite = (c: string) => c === '' || /^\s$/u.test(c);

/** The code point before `at` or from `at`, '' at the ends (which count as white space). */
function charBefore(s: string, at: number): string {
  if (at <= 0) return '';
  const low = s.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? s.slice(at - 2, at) : s[at - 1]!;
}
const charAfter = (s: string, at: number) => (at >= s.length ? '' : String.fromCodePoint(s.codePointAt(at)!));

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') tokens.push({ kind: 'text', text, bold: 0, italic: 0 });
    text = '';
  };
  for (let i = 0; i < s.length;) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && isAsciiPunctuation(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
    } else if (c === '[') {
      const link = readLink(s, i);
      if (link) {
        flush();
        tokens.push({
          kind: 'link',
          runs: parseInlineRuns(link.text),
          href: safeHref(link.url),
          bold: 0,
          italic: 0,
        });
        i = link.end;
      } else {
        text += c;
        i++;
      }
    } else if (c === '*' || c === '_') {
      let end = i;
      while (s[end] === c) end++;
      const before = charBefore(s, i);
      const after = charAfter(s, end);
      const left = !isWhite(after) && (!isPunctuation(after) || isWhite(before) || isPunctuation(before));
      const right = !isWhite(before) && (!isPunctuation(before) || isWhite(after) || isPunctuation(after));
      const canOpen = c === '*' ? left : left && (!right || isPunctuation(before));
      // A closing `*` must also end a word, as in Argdown: `2*3*4` stays a product.
      const canClose =
        c === '*'
          ? right && (isWhite(after) || isPunctuation(after))
          : right && (!left || isPunctuation(after));
      flush();
      tokens.push({
        kind: 'delim',
        char: c,
        count: end - i,
        length: end - i,
        canOpen,
        canClose,
        bold: 0,
        italic: 0,
      });
      i = end;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return tokens;
}

/**
 * A link `[text](url)` starting at `at`: the text's brackets and the address's parentheses balanced (an
 * address may hold parentheses, as Wikipedia's do), no white space in the address; undefined otherwise.
 */
function readLink(s: string, at: number): { text: string; url: string; end: number } | undefined {
  let depth = 0;
  let i = at;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (i >= s.length || s[i + 1] !== '(') return undefined;
  const textEnd = i;
  depth = 0;
  for (i = textEnd + 1; i < s.length; i++) {
    const c = s[i]!;
    if (/\s/.test(c)) return undefined;
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) break;
  }
  if (i >= s.length || textEnd === at + 1 || i === textEnd + 2) return undefined;
  return { text: s.slice(at + 1, textEnd), url: s.slice(textEnd + 2, i), end: i + 1 };
}

/**
 * CommonMark's "process emphasis": each closer, left to right, takes the nearest opener of its character
 * before it; two characters each (bold) where both have two, else one (italic). Everything between the
 * pair takes the format; delimiters between them that found no partner stay literal.
 */
function resolve(tokens: Token[]): Token[] {
  const openers: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const closer = tokens[k]!;
    if (closer.kind !== 'delim') continue;
    if (closer.canClose) {
      for (let o = openers.length - 1; o >= 0 && closer.count > 0; o--) {
        const opener = tokens[openers[o]!]! as Extract<Token, { kind: 'delim' }>;
        if (opener.char !== closer.char || opener.count === 0) continue;
        // The rule of three: `*foo**bar*` is not `*foo*` + `*bar*`.
        const either = opener.canClose || closer.canOpen;
        if (
          either &&
          (opener.length + closer.length) % 3 === 0 &&
          (opener.length % 3 !== 0 || closer.length % 3 !== 0)
        )
          continue;
        const used = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
        for (let t = openers[o]! + 1; t < k; t++) {
          if (used === 2) tokens[t]!.bold++;
          else tokens[t]!.italic++;
        }
        opener.count -= used;
        closer.count -= used;
        // Openers between the pair can no longer match anything after it.
        openers.length = opener.count > 0 ? o + 1 : o;
        o = openers.length;
      }
    }
    if (closer.count > 0 && closer.canOpen) openers.push(k);
  }
  return tokens;
}

function merge(tokens: readonly Token[]): InlineRun[] {
  const runs: InlineRun[] = [];
  const push = (text: string, bold: boolean, italic: boolean, href: string | undefined) => {
    if (text === '') return;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic && last.href === href) {
      runs[runs.length - 1] = { ...last, text: last.text + text };
    } else runs.push(href === undefined ? { text, bold, italic } : { text, bold, italic, href });
  };
  for (const token of tokens) {
    const bold = token.bold > 0;
    const italic = token.italic > 0;
    if (token.kind === 'text') push(token.text, bold, italic, undefined);
    else if (token.kind === 'delim') push(token.char.repeat(token.count), bold, italic, undefined);
    else for (const run of token.runs) push(run.text, bold || run.bold, italic || run.italic, token.href);
  }
  return runs;
}
