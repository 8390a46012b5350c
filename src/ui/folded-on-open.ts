import { argumentsHoldingReconstructions } from '../core/layout/drawn-target.ts';
import { buildForest, type TreeNode } from '../core/layout/forest.ts';
import type { LoadedMap } from '../core/load.ts';
import { drawnPart } from '../core/model/in-map.ts';
import { indexMap, type MapIndex } from '../core/model/map-index.ts';

/**
 * The arguments whose reconstructions a map opens folded (`folds.ts`). A map read from Argdown opens as
 * Argdown's own map draws it: an argument whose reconstruction holds only untitled statements, which
 * Argdown's map leaves out, is one box, its objections in view and its premises a click on its pill away.
 * Titled premises stay in view, as in Argdown's map. Maps of other formats open whole.
 */
export function foldedOnOpen(loaded: Pick<LoadedMap, 'map' | 'format'>): string[] {
  if (loaded.format !== 'argdown' || !loaded.map) return [];
  const index = indexMap(drawnPart(loaded.map));
  const all = buildForest(index).all;
  return argumentsHoldingReconstructions(index).filter((id) => {
    const tree = all.get(id);
    return (
      tree !== undefined &&
      tree.children.some((c) => c.inReconstruction) &&
      tree.children.every((c) => !c.inReconstruction || untitledBelow(index, c))
    );
  });
}

/** The folds a map read opens with: found where it was read (the worker), or here. */
export const foldsOf = (read: Pick<LoadedMap, 'map' | 'format'> & { readonly folded?: readonly string[] }) =>
  read.folded ?? foldedOnOpen(read);

/** The box and everything under it are statements without a title. */
function untitledBelow(index: MapIndex, root: TreeNode): boolean {
  const stack = [root];
  while (stack.length > 0) {
    const tree = stack.pop()!;
    const node = index.node(tree.id);
    if (node?.type !== 'statement' || node.title !== undefined) return false;
    stack.push(...tree.children);
  }
  return true;
}
