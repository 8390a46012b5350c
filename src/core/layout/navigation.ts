import type { NodeId } from '../model/types.ts';
import type { Direction, LaidOutMap } from './types.ts';

export type Step = 'parent' | 'first-child' | 'previous-sibling' | 'next-sibling';

/** Arrow keys as steps along the drawn tree: towards the thesis, into the reasons, along the siblings. */
export function stepForKey(key: string, direction: Direction): Step | undefined {
  const down = direction === 'down';
  switch (key) {
    case 'ArrowUp':
      return down ? 'parent' : 'previous-sibling';
    case 'ArrowDown':
      return down ? 'first-child' : 'next-sibling';
    case 'ArrowLeft':
      return down ? 'previous-sibling' : 'parent';
    case 'ArrowRight':
      return down ? 'next-sibling' : 'first-child';
    default:
      return undefined;
  }
}

/**
 * The box a step leads to from `from`, among the shown boxes; undefined at the edge of the tree. Theses
 * count as siblings of each other.
 */
export function stepFrom(laidOut: LaidOutMap, from: NodeId, step: Step): NodeId | undefined {
  const node = laidOut.nodes.find((n) => n.id === from);
  if (!node) return undefined;
  if (step === 'parent') return node.parent;
  if (step === 'first-child') return laidOut.nodes.find((n) => n.parent === from)?.id;
  // Nodes are in pre-order, so siblings appear in their drawn order.
  const siblings = laidOut.nodes.filter((n) => n.parent === node.parent);
  const at = siblings.indexOf(node);
  return siblings[step === 'next-sibling' ? at + 1 : at - 1]?.id;
}
