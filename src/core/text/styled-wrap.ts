import type { InlineRun } from './inline-runs.ts';
import type { FontWeight, TextMeasurer } from './measure.ts';
import { wrapText, type WrapStyle, type WrappedText } from './wrap.ts';

/** A run of a wrapped line, and where it starts: its distance from the line's start, in px. */
export interface LineRun extends InlineRun {
  readonly x: number;
}

/** Formatted text wrapped into lines: each line's plain text and its runs. */
export interface WrappedRuns extends WrappedText {
  readonly runs: readonly (readonly LineRun[])[];
}

const ELLIPSIS = '…';

/**
 * Wraps formatted text as `wrapText` wraps plain text, measuring bold runs in the semibold face. Italic is
 * the upright face slanted by the renderer, with the same advances, so it measures as upright (see
 * docs/ARCHITECTURE.md, "Text formatting"). White space is drawn unbolded (it is invisible, and a link's
 * underline keeps to its run), so that every space takes the width the line breaking counts for it.
 */
export function wrapRuns(runs: readonly InlineRun[], measurer: TextMeasurer, style: WrapStyle): WrappedRuns {
  const { plain, owner } = flatten(runs);
  const bold = new Uint8Array(plain.length);
  for (let i = 0; i < plain.length; i++) {
    bold[i] = runs[owner[i]!]!.bold && plain[i] !== ' ' ? 1 : 0;
  }
  const face = (i: number): FontWeight => (bold[i] ? 'semibold' : style.weight);
  /** Width of plain[start, end), each stretch in its face. */
  const widthOf = (start: number, end: number): number => {
    let width = 0;
    for (let a = start; a < end;) {
      let b = a + 1;
      while (b < end && bold[b] === bold[a]) b++;
      width += measurer.width(plain, face(a), style.size, a, b);
      a = b;
    }
    return width;
  };
  const inPlace: TextMeasurer = {
    width: (text, weight, size, start = 0, end = text.length) =>
      text === plain && size === style.size
        ? widthOf(start, end)
        : measurer.width(text, weight, size, start, end),
  };
  const wrapped = wrapText(plain, inPlace, style);
  const ellipsisWidth = measurer.width(ELLIPSIS, style.weight, style.size);
  const lines: string[] = [];
  const lineRuns: LineRun[][] = [];
  let width = 0;
  let from = 0;
  wrapped.lines.forEach((line, k) => {
    const cut = wrapped.truncated && k === wrapped.lines.length - 1;
    let body = cut && line.endsWith(ELLIPSIS) ? line.slice(0, -ELLIPSIS.length) : line;
    // Lines are consecutive stretches of the text, apart by one space or none (a word broken in pieces).
    if (!plain.startsWith(body, from) && plain[from] === ' ') from++;
    let end = from + body.length;
    if (cut) {
      // The ellipsis was fitted with upright widths: a bold line may need a shorter cut.
      while (end > from && widthOf(from, end) + ellipsisWidth > style.maxWidth) end--;
      while (end > from && plain[end - 1] === ' ') end--;
      body = plain.slice(from, end);
    }
    const pieces = slice(runs, plain, owner, bold, from, end);
    let lineWidth = widthOf(from, end);
    if (cut) {
      pieces.push({ text: ELLIPSIS, bold: false, italic: false });
      lineWidth += ellipsisWidth;
    }
    lines.push(cut ? body + ELLIPSIS : body);
    lineRuns.push(placed(pieces, measurer, style));
    width = Math.max(width, lineWidth);
    from = end;
  });
  return { lines, width, truncated: wrapped.truncated, runs: lineRuns };
}

/** Each run with its distance from the line's start: widths add up, since text is drawn without kerning. */
function placed(pieces: readonly InlineRun[], measurer: TextMeasurer, style: WrapStyle): LineRun[] {
  let x = 0;
  return pieces.map((piece) => {
    const run = { ...piece, x };
    x += measurer.width(piece.text, piece.bold ? 'semibold' : style.weight, style.size);
    return run;
  });
}

/**
 * The runs' text as one string with white space made single spaces and trimmed (as a line of a box shows
 * it), and for each of its characters the run it came from.
 */
function flatten(runs: readonly InlineRun[]): { plain: string; owner: Uint32Array } {
  let plain = '';
  const owners: number[] = [];
  let pendingSpace = -1;
  runs.forEach((run, r) => {
    for (const char of run.text) {
      if (/\s/u.test(char)) {
        if (plain !== '' && pendingSpace < 0) pendingSpace = r;
        continue;
      }
      if (pendingSpace >= 0) {
        plain += ' ';
        owners.push(pendingSpace);
        pendingSpace = -1;
      }
      plain += char;
      for (let u = 0; u < char.length; u++) owners.push(r);
    }
  });
  return { plain, owner: Uint32Array.from(owners) };
}

/**
 * The runs of plain[start, end), equal neighbours merged. A space takes the slant of the character before
 * it, so that a slanted stretch never starts with one (a text element drops its leading space), and is a
 * link's only inside its text (an underline stops at the link's last word); spaces are never bold.
 */
function slice(
  runs: readonly InlineRun[],
  plain: string,
  owner: Uint32Array,
  bold: Uint8Array,
  start: number,
  end: number,
): InlineRun[] {
  const pieces: InlineRun[] = [];
  for (let i = start; i < end; i++) {
    const run = runs[owner[i]!]!;
    const last = pieces[pieces.length - 1];
    const space = plain[i] === ' ' && last !== undefined;
    const italic = space ? last.italic : run.italic;
    const href = space && last.href !== run.href ? undefined : run.href;
    const isBold = bold[i] === 1;
    if (last && last.bold === isBold && last.italic === italic && last.href === href) {
      pieces[pieces.length - 1] = { ...last, text: last.text + plain[i]! };
    } else {
      const piece = { text: plain[i]!, bold: isBold, italic };
      pieces.push(href === undefined ? piece : { ...piece, href });
    }
  }
  return pieces;
}
