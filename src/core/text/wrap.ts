import type { FontWeight, TextMeasurer } from './measure.ts';

export interface WrapStyle {
  readonly weight: FontWeight;
  readonly size: number;
  /** Widest a line may be, in px. */
  readonly maxWidth: number;
  /** Lines beyond this are dropped and the last kept line ends with an ellipsis. */
  readonly maxLines: number;
}

export interface WrappedText {
  readonly lines: readonly string[];
  /** Width of the widest line. */
  readonly width: number;
  /** True when lines were dropped (the whole text is in the details panel). */
  readonly truncated: boolean;
}

const ELLIPSIS = '…';

let lineWidths = new Float64Array(64);

/**
 * Greedy line breaking at white space (widths are additive because rendering does not kern). A word wider
 * than a line is broken after a hyphen or slash if that suffices, else between characters (never inside a
 * surrogate pair or before a combining mark).
 */
export function wrapText(text: string, measurer: TextMeasurer, style: WrapStyle): WrappedText {
  const measure = (s: string) => measurer.width(s, style.weight, style.size);
  const space = measurer.width(' ', style.weight, style.size);
  const lines: string[] = [];
  // Line widths, in a buffer shared by every call (wrapping is synchronous): one array less per box.
  let widths = lineWidths;
  const pushWidth = (k: number, width: number) => {
    if (k >= widths.length) {
      const grown = new Float64Array(widths.length * 2);
      grown.set(widths);
      widths = lineWidths = grown;
    }
    widths[k] = width;
  };
  // The current line is text[lineStart, lineEnd): lines are cut out of the text once, not built word by word
  // (a large map wraps hundreds of thousands of words). `spaced` notes a separator other than one space.
  // No closure shares these: a double in a closure's context is boxed anew on every write.
  let lineStart = -1;
  let lineEnd = -1;
  let lineWidth = 0;
  let spaced = false;

  for (let i = 0; i < text.length && lines.length <= style.maxLines;) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    const wordWidth = measurer.width(text, style.weight, style.size, i, end);
    if (lineStart >= 0 && lineWidth + space + wordWidth <= style.maxWidth) {
      if (i - lineEnd !== 1 || text.charCodeAt(lineEnd) !== 32) spaced = true;
      lineEnd = end;
      lineWidth += space + wordWidth;
    } else {
      if (lineStart >= 0) {
        lines.push(cutLine(text, lineStart, lineEnd, spaced));
        pushWidth(lines.length - 1, lineWidth);
      }
      spaced = false;
      if (wordWidth <= style.maxWidth) {
        lineStart = i;
        lineEnd = end;
        lineWidth = wordWidth;
      } else {
        const pieces = breakWord(
          text,
          i,
          end,
          (a, b) => measurer.width(text, style.weight, style.size, a, b),
          style,
        );
        for (const piece of pieces.slice(0, -1)) {
          lines.push(piece.text);
          pushWidth(lines.length - 1, piece.width);
        }
        const last = pieces[pieces.length - 1]!;
        lineStart = end - last.text.length;
        lineEnd = end;
        lineWidth = last.width;
      }
    }
    i = end;
  }
  if (lineStart >= 0) {
    lines.push(cutLine(text, lineStart, lineEnd, spaced));
    pushWidth(lines.length - 1, lineWidth);
  }

  if (lines.length <= style.maxLines) {
    let width = 0;
    for (let k = 0; k < lines.length; k++) width = Math.max(width, widths[k]!);
    return { lines, width, truncated: false };
  }
  const kept = lines.slice(0, style.maxLines);
  const lastLine = fitWithEllipsis(kept[kept.length - 1]!, measure, style.maxWidth);
  kept[kept.length - 1] = lastLine;
  widths[kept.length - 1] = measure(lastLine);
  return { lines: kept, width: Math.max(0, ...widths.subarray(0, kept.length)), truncated: true };
}

/** A line cut out of the text, its separators made single spaces where they were not. */
function cutLine(text: string, start: number, end: number, spaced: boolean): string {
  const line = text.slice(start, end);
  return spaced ? line.replace(/\s+/g, ' ') : line;
}

/** The white space of `\s` in regular expressions, by character code. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

interface Piece {
  readonly text: string;
  readonly width: number;
}

/**
 * Pieces of the word text[start, end), measured in place (a measurer may know more of the text than its
 * characters: the formatting of a run, see `styled-wrap.ts`).
 */
function breakWord(
  text: string,
  start: number,
  end: number,
  measure: (from: number, to: number) => number,
  style: WrapStyle,
): Piece[] {
  // Break opportunities after hyphens, dashes and slashes first; widths add up, so they are summed.
  const pieces: Piece[] = [];
  let from = start;
  let at = start;
  let width = 0;
  const push = () => {
    if (at > from) pieces.push({ text: text.slice(from, at), width });
    from = at;
    width = 0;
  };
  const word = text.slice(start, end);
  let partStart = start;
  for (const part of word.split(/(?<=[-‐–—/])/)) {
    if (pieces.length > style.maxLines) break;
    const partEnd = partStart + part.length;
    const partWidth = measure(partStart, partEnd);
    if (width + partWidth <= style.maxWidth) {
      at = partEnd;
      width += partWidth;
      partStart = partEnd;
      continue;
    }
    push();
    if (partWidth <= style.maxWidth) {
      at = partEnd;
      width = partWidth;
      partStart = partEnd;
      continue;
    }
    let clusterStart = partStart;
    for (const cluster of clusters(part)) {
      const clusterEnd = clusterStart + cluster.length;
      const clusterWidth = measure(clusterStart, clusterEnd);
      if (at > from && width + clusterWidth > style.maxWidth) {
        push();
        if (pieces.length > style.maxLines) break;
      }
      at = clusterEnd;
      width += clusterWidth;
      clusterStart = clusterEnd;
    }
    partStart = partEnd;
  }
  push();
  return pieces;
}

/** Characters with their combining marks (a simple, dependable approximation of grapheme clusters). */
function clusters(text: string): string[] {
  return text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
}

function fitWithEllipsis(line: string, measure: (s: string) => number, maxWidth: number): string {
  const chars = clusters(line);
  while (chars.length > 0 && measure(chars.join('') + ELLIPSIS) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + ELLIPSIS;
}
