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
  return merge(resolve(tokenize(text, true)));
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

/**
 * Tokens of the text: text, links and runs of delimiters. A link's text is read without links (a link in a
 * link is text, as in CommonMark), so reading never nests deeper than one level.
 */
function tokenize(s: string, links: boolean): Token[] {
  const closing = links && s.includes('](') ? closings(s) : undefined;
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
    } else if (c === '[' && closing) {
      const link = readLink(s, i, closing);
      if (link) {
        flush();
        tokens.push({
          kind: 'link',
          runs: merge(resolve(tokenize(link.text, false))),
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

/** Where each bracket and parenthesis closes, and where white space is next: found in one pass each. */
interface Closings {
  /** For each `[` and `(`, its matching `]` or `)` (balanced, escaped ones skipped). */
  readonly close: ReadonlyMap<number, number>;
  /** For each position, the first white space at or after it (the text's length if none). */
  readonly nextWhite: Int32Array;
}

function closings(s: string): Closings {
  const close = new Map<number, number>();
  const brackets: number[] = [];
  const parens: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') brackets.push(i);
    else if (c === '(') parens.push(i);
    else if (c === ']' && brackets.length > 0) close.set(brackets.pop()!, i);
    else if (c === ')' && parens.length > 0) close.set(parens.pop()!, i);
  }
  const nextWhite = new Int32Array(s.length + 1);
  nextWhite[s.length] = s.length;
  for (let i = s.length - 1; i >= 0; i--) nextWhite[i] = /\s/.test(s[i]!) ? i : nextWhite[i + 1]!;
  return { close, nextWhite };
}

/** Longest address read: longer ones are text. */
const MAX_URL = 2048;

/**
 * A link `[text](url)` starting at `at`: the text's brackets and the address's parentheses balanced (an
 * address may hold parentheses, as Wikipedia's do), no white space in the address; undefined otherwise.
 */
function readLink(
  s: string,
  at: number,
  { close, nextWhite }: Closings,
): { text: string; url: string; end: number } | undefined {
  const textEnd = close.get(at);
  if (textEnd === undefined || textEnd === at + 1 || s[textEnd + 1] !== '(') return undefined;
  const urlEnd = close.get(textEnd + 1);
  if (urlEnd === undefined || urlEnd === textEnd + 2 || urlEnd - textEnd - 2 > MAX_URL) return undefined;
  if (nextWhite[textEnd + 2]! < urlEnd) return undefined;
  return { text: s.slice(at + 1, textEnd), url: s.slice(textEnd + 2, urlEnd), end: urlEnd + 1 };
}

/**
 * CommonMark's "process emphasis": each closer, left to right, takes the nearest opener of its character
 * before it; two characters each (bold) where both have two, else one (italic). Everything between the
 * pair takes the format; delimiters between them that found no partner stay literal. Linear, as the
 * spec's: a closer that finds no opener marks how far down the next closer of its kind need look
 * (`bottom`), and formats are added over ranges by differences, summed once at the end.
 */
function resolve(tokens: Token[]): Token[] {
  const openers: number[] = [];
  const bottom = new Map<string, number>();
  const boldDelta = new Int32Array(tokens.length + 1);
  const italicDelta = new Int32Array(tokens.length + 1);
  for (let k = 0; k < tokens.length; k++) {
    const closer = tokens[k]!;
    if (closer.kind !== 'delim') continue;
    const kind = `${closer.char}${closer.canOpen ? 1 : 0}${closer.length % 3}`;
    if (closer.canClose) {
      let o = openers.length - 1;
      while (closer.count > 0 && o >= Math.min(bottom.get(kind) ?? 0, openers.length)) {
        const opener = tokens[openers[o]!]! as Extract<Token, { kind: 'delim' }>;
        if (opener.char !== closer.char || !pairs(opener, closer)) {
          o--;
          continue;
        }
        const used = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
        const delta = used === 2 ? boldDelta : italicDelta;
        delta[openers[o]! + 1]!++;
        delta[k]!--;
        opener.count -= used;
        closer.count -= used;
        // Openers between the pair can no longer match anything after it.
        openers.length = opener.count > 0 ? o + 1 : o;
        for (const [key, at] of bottom) if (at > openers.length) bottom.set(key, openers.length);
        o = openers.length - 1;
      }
      if (closer.count > 0) bottom.set(kind, openers.length);
    }
    if (closer.count > 0 && closer.canOpen) openers.push(k);
  }
  let bold = 0;
  let italic = 0;
  tokens.forEach((token, t) => {
    bold += boldDelta[t]!;
    italic += italicDelta[t]!;
    token.bold = bold;
    token.italic = italic;
  });
  return tokens;
}

/** The rule of three: `*foo**bar*` is not `*foo*` + `*bar*` (a run that may both open and close). */
function pairs(
  opener: Extract<Token, { kind: 'delim' }>,
  closer: Extract<Token, { kind: 'delim' }>,
): boolean {
  const either = opener.canClose || closer.canOpen;
  return !(
    either &&
    (opener.length + closer.length) % 3 === 0 &&
    (opener.length % 3 !== 0 || closer.length % 3 !== 0)
  );
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
