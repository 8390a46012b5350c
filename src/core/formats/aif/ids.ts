import type { AifId } from './types.ts';

/**
 * New AIF ids for what the map has and the file had not (an edge of a new relation, the mirrored CA node of
 * a contradiction): counting up from past the largest numeric id in use, as AIFdb and OVA number theirs,
 * and skipping every id in use, node and edge ids alike, so that a new id collides with nothing. Numbers
 * when the file used numbers (OVA3), else strings (AIFdb).
 */
export function createIdSource(used: Iterable<string>, numeric: boolean): () => AifId {
  const taken = new Set(used);
  let next = 1;
  for (const id of taken) {
    // Up to 15 digits, so that the count stays exact.
    if (/^\d{1,15}$/.test(id)) next = Math.max(next, Number(id) + 1);
  }
  return () => {
    while (taken.has(String(next))) next++;
    const id = next++;
    taken.add(String(id));
    return numeric ? id : String(id);
  };
}
