import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { NodeId } from '../model/types.ts';
import type { Forest, TreeNode } from './forest.ts';

export interface Spacing {
  /** Between co-premises of one relation (drawn under one bar). */
  readonly linked: number;
  /** Between children of one node that belong to different relations. */
  readonly sibling: number;
  /** Between neighbouring boxes of different parents. */
  readonly cousin: number;
  /** Between the trees of different theses. */
  readonly thesis: number;
  /** Between levels. */
  readonly level: number;
  /** Added between neighbours of different groups, to make room for the group frames. */
  readonly groupBoundary: number;
}

/** Box extent along the sibling axis (breadth) and along the parent → child axis (depth). */
export interface Extent {
  readonly breadth: number;
  readonly depth: number;
}

export interface TidyPlacement {
  /** Centre of each shown box along the breadth axis. */
  readonly centre: ReadonlyMap<NodeId, number>;
  /** Start of each level along the depth axis (levels are sized over all nodes, shown or not). */
  readonly levelStart: readonly number[];
  readonly levelSize: readonly number[];
}

type Datum =
  TreeNode | { readonly id: ''; readonly children: readonly TreeNode[]; readonly relation: undefined };

/**
 * Tidy tree after Reingold–Tilford, in Buchheim, Jünger and Leipert's linear-time form (d3-hierarchy's
 * `tree`), made to work with boxes of different widths by a separation that is the sum of the two half
 * widths plus a gap. Levels are layered; each level is as deep as its deepest box in the whole forest, so
 * collapsing a subtree never moves the levels. Subtrees are placed rigidly: a subtree's inner layout does not
 * depend on what is beside it.
 */
export function placeTidy(
  forest: Forest,
  collapsed: ReadonlySet<NodeId>,
  extent: (id: NodeId) => Extent,
  spacing: Spacing,
  groupOf: (id: NodeId) => string | undefined = () => undefined,
): TidyPlacement {
  const root: Datum = { id: '', children: forest.roots, relation: undefined };
  const shownChildren = (d: Datum): readonly TreeNode[] | undefined =>
    d.id !== '' && collapsed.has(d.id) ? undefined : d.children.length > 0 ? d.children : undefined;
  const h = hierarchy<Datum>(root, shownChildren);

  const separation = (a: HierarchyPointNode<Datum>, b: HierarchyPointNode<Datum>): number => {
    const half =
      (extent(a.data.id).breadth + extent(b.data.id).breadth) / 2 +
      (groupOf(a.data.id) !== groupOf(b.data.id) ? spacing.groupBoundary : 0);
    if (a.parent !== b.parent) return half + spacing.cousin;
    if (a.parent?.data.id === '') return half + spacing.thesis;
    return half + (a.data.relation === b.data.relation ? spacing.linked : spacing.sibling);
  };
  const laidOut = tree<Datum>().nodeSize([1, 1]).separation(separation)(h);

  const centre = new Map<NodeId, number>();
  // eachBefore walks with a plain stack; `each` runs a generator, one allocation per node.
  laidOut.eachBefore((n) => {
    if (n.data.id !== '') centre.set(n.data.id, n.x);
  });

  const levelSize: number[] = [];
  for (const node of forest.all.values()) {
    levelSize[node.depth] = Math.max(levelSize[node.depth] ?? 0, extent(node.id).depth);
  }
  const levelStart: number[] = [];
  let at = 0;
  for (let depth = 0; depth < levelSize.length; depth++) {
    levelStart.push(at);
    at += (levelSize[depth] ?? 0) + spacing.level;
  }
  return { centre, levelStart, levelSize };
}
