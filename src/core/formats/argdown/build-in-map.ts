import { inMapKey, proseNodes } from '../../model/in-map.ts';
import type { ArgumentMap, MapNode } from '../../model/types.ts';

/**
 * Argdown's map leaves out the statements tied to nothing; argmap leaves out the untitled ones, the prose
 * around the argument (`proseNodes`), unless their data says `isInMap: true`. Such a box is marked
 * `isInMap: false` (`model/in-map.ts`), kept but not drawn, and the `isInMap: true` that only asked for it
 * to be drawn is dropped. A document without any relation is a list of claims and is drawn whole.
 */
export function markLeftOut(map: ArgumentMap): readonly MapNode[] {
  if (map.relations.length === 0) return map.nodes;
  const loose = proseNodes(map);
  if (loose.size === 0) return map.nodes;
  return map.nodes.map((node) => {
    if (!loose.has(node.id)) return node;
    const { [inMapKey]: asked, ...rest } = node.extra ?? {};
    if (asked === true) return withExtra(node, rest);
    return { ...node, extra: { ...rest, [inMapKey]: false } };
  });
}

function withExtra(node: MapNode, extra: Record<string, unknown>): MapNode {
  const { extra: _old, ...plain } = node;
  return Object.keys(extra).length > 0 ? { ...plain, extra } : plain;
}
