import { plainText } from './text/inline-runs.ts';
import type { ArgumentMap, NodeId } from './model/types.ts';

/** Lower case without accents: "Россия", "Pristina" and "Priština" match as a reader expects. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ');
}

export interface SearchHit {
  readonly id: NodeId;
  /** Where the words were found, best first: title, text, tag, note, speaker, quote. */
  readonly field: 'title' | 'text' | 'tag' | 'note' | 'speaker' | 'quote';
  /** A line of that field around the first word found, the word itself apart (to be marked). */
  readonly context: SearchContext;
}

/** A piece of a field's text: what comes before the match, the match as written, what follows. */
export interface SearchContext {
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

const fieldRank: Record<SearchHit['field'], number> = {
  title: 0,
  text: 1,
  tag: 2,
  note: 3,
  speaker: 4,
  quote: 5,
};

/**
 * Boxes whose title, text, tags, note, speaker or quote contain every word of the query (case- and accent-insensitive),
 * best field first, then in file order.
 */
export function searchNodes(map: ArgumentMap, query: string): SearchHit[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const hits: (SearchHit & { order: number })[] = [];
  map.nodes.forEach((node, order) => {
    const fields: [SearchHit['field'], string | undefined][] = [
      ['title', node.title],
      // What the box shows: `**bold**` is found by "bold", and by the words around it.
      ['text', plainText(node.text)],
      ['tag', node.tags?.join(' ')],
      ['note', node.note],
      ['speaker', node.speaker],
      ['quote', node.quote],
    ];
    const all = foldForSearch(fields.map(([, value]) => value ?? '').join(' '));
    if (!words.every((word) => all.includes(word))) return;
    const best = fields.find(
      ([, value]) => value && words.some((word) => foldForSearch(value).includes(word)),
    );
    const field = best?.[0] ?? 'text';
    hits.push({
      id: node.id,
      field,
      context: searchContext(best?.[1] ?? plainText(node.text), words),
      order,
    });
  });
  return hits
    .sort((a, b) => fieldRank[a.field] - fieldRank[b.field] || a.order - b.order)
    .map(({ order: _order, ...hit }) => hit);
}

/**
 * The words of `text` around the first of `words` it holds (folded as `foldForSearch` folds), about
 * `radius` characters each side, cut at word boundaries with an ellipsis.
 */
export function searchContext(text: string, words: readonly string[], radius = 40): SearchContext {
  const { folded, origin } = foldWithOrigin(text);
  const found = words
    .map((word) => ({ at: folded.indexOf(word), length: word.length }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (!found) return { before: '', match: '', after: cut(text, radius * 2, 'end') };
  const start = origin[found.at]!;
  const end = origin[found.at + found.length - 1]! + 1;
  const endOfChar = end + (/[\uDC00-\uDFFF]/.test(text[end] ?? '') ? 1 : 0);
  return {
    before: cut(text.slice(0, start), radius, 'start'),
    match: text.slice(start, endOfChar),
    after: cut(text.slice(endOfChar), radius, 'end'),
  };
}

/** The folded text, and for each of its characters the index in `text` it came from. */
function foldWithOrigin(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = /\s/.test(char) ? (folded.endsWith(' ') ? '' : ' ') : foldForSearch(char);
    for (let i = 0; i < piece.length; i++) origin.push(at);
    folded += piece;
    at += char.length;
  }
  return { folded, origin };
}

/** At most about `length` characters of `text` next to the match (`start`: the end nearest it kept). */
function cut(text: string, length: number, keep: 'start' | 'end'): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= length) return flat;
  if (keep === 'start') {
    const piece = flat.slice(flat.length - length);
    const space = piece.indexOf(' ');
    return `…${space >= 0 && space < length / 2 ? piece.slice(space) : piece}`;
  }
  const piece = flat.slice(0, length);
  const space = piece.lastIndexOf(' ');
  return `${space > length / 2 ? piece.slice(0, space) : piece}…`;
}
