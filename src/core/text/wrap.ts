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

/**
 * Greedy line breaking at white space (widths are additive because rendering does not kern). A word wider
 * than a line is broken after a hyphen or slash if that suffices, else between characters (never inside a
 * surrogate pair or before a combining mark).
 */
export function wrapText(text: string, measurer: TextMeasurer, style: WrapStyle): WrappedText {
  const measure = (s: string) => measurer.width(s, style.weight, style.size);
  const space = measure(' ');
  const words = text.split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  const widths: number[] = [];
  let line = '';
  let lineWidth = 0;
  const flush = () => {
    if (line !== '') {
      lines.push(line);
      widths.push(lineWidth);
    }
    line = '';
    lineWidth = 0;
  };

  for (const word of words) {
    if (lines.length > style.maxLines) break;
    const wordWidth = measure(word);
    if (line !== '' && lineWidth + space + wordWidth <= style.maxWidth) {
      line += ' ' + word;
      lineWidth += space + wordWidth;
      continue;
    }
    flush();
    if (wordWidth <= style.maxWidth) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    const pieces = breakWord(word, measure, style.maxWidth, style.maxLines);
    for (const piece of pieces.slice(0, -1)) {
      lines.push(piece.text);
      widths.push(piece.width);
    }
    const last = pieces[pieces.length - 1]!;
    line = last.text;
    lineWidth = last.width;
  }
  flush();

  if (lines.length <= style.maxLines) {
    return { lines, width: Math.max(0, ...widths), truncated: false };
  }
  const kept = lines.slice(0, style.maxLines);
  const lastLine = fitWithEllipsis(kept[kept.length - 1]!, measure, style.maxWidth);
  kept[kept.length - 1] = lastLine;
  widths[kept.length - 1] = measure(lastLine);
  return { lines: kept, width: Math.max(0, ...widths.slice(0, kept.length)), truncated: true };
}

interface Piece {
  readonly text: string;
  readonly width: number;
}

function breakWord(word: string, measure: (s: string) => number, maxWidth: number, limit: number): Piece[] {
  // Break opportunities after hyphens, dashes and slashes first; widths add up, so they are summed.
  const pieces: Piece[] = [];
  let current = '';
  let width = 0;
  const push = () => {
    if (current !== '') pieces.push({ text: current, width });
    current = '';
    width = 0;
  };
  for (const part of word.split(/(?<=[-‐–—/])/)) {
    if (pieces.length > limit) break;
    const partWidth = measure(part);
    if (width + partWidth <= maxWidth) {
      current += part;
      width += partWidth;
      continue;
    }
    push();
    if (partWidth <= maxWidth) {
      current = part;
      width = partWidth;
      continue;
    }
    for (const cluster of clusters(part)) {
      const clusterWidth = measure(cluster);
      if (current !== '' && width + clusterWidth > maxWidth) {
        push();
        if (pieces.length > limit) break;
      }
      current += cluster;
      width += clusterWidth;
    }
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
