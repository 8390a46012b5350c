import type { Source } from '../../model/types.ts';
import { own, type AifShape, type JsonObject } from './types.ts';

// OVA's text pane is rich text: tags or entities mean HTML, which is no source text for quotes.
const htmlMarkup = /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** The source a map gets from OVA3's analysed `text` when it is plain text; none from HTML or a nodeset. */
export function sourceFromOvaText(shape: AifShape, document: JsonObject): Source | undefined {
  if (shape !== 'ova3') return undefined;
  const text = own(document, 'text');
  if (typeof text !== 'string' || text.trim() === '' || htmlMarkup.test(text)) return undefined;
  return { text };
}
