import type { NodeId } from '../model/types.ts';
import type { TreeNode } from './forest.ts';

/**
 * Folding an argument's reconstruction only (docs/ARCHITECTURE.md, "Layout"). An argument drawn with its
 * reconstruction holds its premises under its box (`drawn-target.ts`); Argdown's map draws such an argument
 * as a single box, and a map read from Argdown opens so. The fold is a key of its own in the layout's
 * `collapsed` set, so that everything that keeps or passes the view (share links, "This view" exports,
 * printing) keeps it too: the argument's premises, and what hangs under them, are hidden; what else hangs
 * under the argument (its objections) stays.
 */
const prefix = '\u0001reconstruction:';

/** The key that folds argument `id`'s reconstruction. */
export const reconstructionFold = (id: NodeId): string => prefix + id;

/** The box a key of a `collapsed` set is about: itself, or the argument whose reconstruction it folds. */
export const boxOfKey = (key: string): NodeId => (key.startsWith(prefix) ? key.slice(prefix.length) : key);

const none: readonly TreeNode[] = Object.freeze([]);

/** The children of a tree node drawn under the `collapsed` set. */
export function shownChildren(node: TreeNode, collapsed: ReadonlySet<string>): readonly TreeNode[] {
  if (collapsed.has(node.id)) return none;
  if (collapsed.size > 0 && collapsed.has(reconstructionFold(node.id)))
    return node.children.filter((child) => !child.inReconstruction);
  return node.children;
}

/** How many boxes a fold of the node's reconstruction hides (0 when it holds none). */
export function reconstructionSize(node: TreeNode): number {
  let size = 0;
  for (const child of node.children) if (child.inReconstruction) size += 1 + child.size;
  return size;
}

/**
 * The `collapsed` set after a box's pill is clicked: a box that is collapsed or whose reconstruction is folded
 * opens whole; an open box collapses.
 */
export function toggledBox(collapsed: ReadonlySet<string>, id: NodeId): Set<string> {
  const open = collapsed.has(id) || collapsed.has(reconstructionFold(id));
  const kept = openKeys(collapsed, id);
  return new Set(open ? kept : [...kept, id]);
}

/**
 * The `collapsed` set after an argument's reconstruction is folded or shown (its premises only, its
 * objections staying in view); the box itself ends open either way.
 */
export function toggledReconstruction(collapsed: ReadonlySet<string>, id: NodeId): Set<string> {
  const fold = reconstructionFold(id);
  const kept = openKeys(collapsed, id);
  return new Set(collapsed.has(fold) ? kept : [...kept, fold]);
}

/** The keys but those that fold box `id` or its reconstruction. */
const openKeys = (collapsed: ReadonlySet<string>, id: NodeId): string[] => {
  const fold = reconstructionFold(id);
  return [...collapsed].filter((key) => key !== id && key !== fold);
};
