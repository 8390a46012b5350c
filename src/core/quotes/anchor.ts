/**
 * Finding a node's `quote` in the source text. Matching tolerates only typographic differences: curly vs
 * straight quotes, non-breaking (and other Unicode) spaces vs plain spaces, and runs of white space. The
 * source is normalised once; each normalised character remembers its offset in the original text, so a match
 * maps back to the exact passage to highlight.
 */

export interface QuoteRange {
  /** Offsets into the original source text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export type QuoteFinder = (quote: string) => QuoteRange | undefined;

const singleQuotes = /[\u2018\u2019\u201a\u201b\u2032]/;
const doubleQuotes = /[\u201c\u201d\u201e\u201f\u2033]/;
const space = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function canonical(c: string): string {
  if (singleQuotes.test(c)) return "'";
  if (doubleQuotes.test(c)) return '"';
  return c;
}

interface Normalised {
  readonly text: string;
  /** offsets[i] = offset in the original of normalised character i. */
  readonly offsets: readonly number[];
}

/** Quotes canonical, each run of white space one plain space, leading/trailing space dropped. */
export function normaliseForQuotes(original: string): Normalised {
  let text = '';
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < original.length; i++) {
    const c = original[i] as string;
    if (space.test(c)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      text += ' ';
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    text += canonical(c);
    offsets.push(i);
  }
  return { text, offsets };
}

export function createQuoteFinder(sourceText: string): QuoteFinder {
  const source = normaliseForQuotes(sourceText);
  return (quote) => {
    const wanted = normaliseForQuotes(quote).text;
    if (wanted === '') return undefined;
    const at = source.text.indexOf(wanted);
    if (at < 0) return undefined;
    const start = source.offsets[at] as number;
    const end = (source.offsets[at + wanted.length - 1] as number) + 1;
    return { start, end };
  };
}
