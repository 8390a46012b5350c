import type { ArgumentMap, NodeId } from './model/types.ts';

/** Lower case without accents: "Россия", "Pristina" and "Priština" match as a reader expects. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ');
}

export interface SearchHit {
  readonly id: NodeId;
  /** Where the words were found, best first: title, text, tag, note, quote. */
  readonly field: 'title' | 'text' | 'tag' | 'note' | 'quote';
}

const fieldRank: Record<SearchHit['field'], number> = { title: 0, text: 1, tag: 2, note: 3, quote: 4 };

/**
 * Boxes whose title, text, tags, note or quote contain every word of the query (case- and accent-insensitive),
 * best field first, then in file order.
 */
export function searchNodes(map: ArgumentMap, query: string): SearchHit[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const hits: (SearchHit & { order: number })[] = [];
  map.nodes.forEach((node, order) => {
    const fields: [SearchHit['field'], string | undefined][] = [
      ['title', node.title],
      ['text', node.text],
      ['tag', node.tags?.join(' ')],
      ['note', node.note],
      ['quote', node.quote],
    ];
    const all = foldForSearch(fields.map(([, value]) => value ?? '').join(' '));
    if (!words.every((word) => all.includes(word))) return;
    const best = fields.find(
      ([, value]) => value && words.some((word) => foldForSearch(value).includes(word)),
    );
    hits.push({ id: node.id, field: best?.[0] ?? 'text', order });
  });
  return hits
    .sort((a, b) => fieldRank[a.field] - fieldRank[b.field] || a.order - b.order)
    .map(({ id, field }) => ({ id, field }));
}
