import { primaryRelation } from '../model/graph.ts';
import type { MapIndex } from '../model/map-index.ts';
import type { NodeId, Relation, RelationId } from '../model/types.ts';
import { drawnTargetOf, inferenceDrawnInto } from './drawn-target.ts';

/** A node in the drawn tree: placed under its parent by `relation` (its primary relation). */
export interface TreeNode {
  readonly id: NodeId;
  /** Its number in the forest (0, 1, 2, …): per-node data of a layout lives in arrays at this index. */
  readonly index: number;
  readonly relation: RelationId | undefined;
  readonly depth: number;
  readonly children: TreeNode[];
  /** It hangs under its argument as a premise of the argument's reconstruction (`folds.ts`). */
  readonly inReconstruction: boolean;
  /** Descendants in the full tree (shown or not). */
  size: number;
}

export interface Forest {
  readonly roots: readonly TreeNode[];
  /** Every node, whether shown or hidden under a collapsed ancestor. */
  readonly all: ReadonlyMap<NodeId, TreeNode>;
}

/**
 * The spanning forest the layout draws: each node hangs under the box its primary relation (the first one in
 * file order) is drawn into (`drawn-target.ts`). Children are grouped by relation, relations ordered by file order with each
 * undercut right after the relation it attacks, premises in `from` order. Theses are the roots, in file
 * order; nodes left over sit on cycles, and the first of them in file order becomes a root (the cycle is
 * broken there). Built iteratively: 10,000-deep chains are fine.
 */
export function buildForest(index: MapIndex): Forest {
  // The parent of each node by its place in the file (an array: this runs on every layout of maps of ten
  // thousand nodes), and the children of each parent.
  const nodes = index.map.nodes;
  const parentAt: (NodeId | undefined)[] = new Array<NodeId | undefined>(nodes.length);
  const childrenOf = new Map<
    NodeId,
    { id: NodeId; relation: Relation; unit: Relation; inReconstruction: boolean }[]
  >();
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]!.id;
    const relation = primaryRelation(index, id);
    const parent = relation && drawnTargetOf(index, relation);
    if (!relation || parent === undefined || !index.node(parent)) continue;
    parentAt[i] = parent;
    // An argument drawn with its reconstruction sits where the reconstruction's inference was written.
    const drawnInto = inferenceDrawnInto(index, id);
    const unit = drawnInto?.type !== 'undercut' && drawnInto?.to === parent ? drawnInto : relation;
    const inReconstruction = parent !== relation.to && inferenceDrawnInto(index, parent) === relation;
    const list = childrenOf.get(parent);
    if (list) list.push({ id, relation, unit, inReconstruction });
    else childrenOf.set(parent, [{ id, relation, unit, inReconstruction }]);
  }
  // Only undercuts need a key of several positions; other relations compare by their own (no key is made).
  const keys = new Map<string, number[]>();
  const keyOf = (relation: Relation): number[] => {
    let key = keys.get(relation.id);
    if (!key) keys.set(relation.id, (key = unitKey(index, relation)));
    return key;
  };
  const compareUnits = (a: Relation, b: Relation): number =>
    a === b
      ? 0
      : a.type !== 'undercut' && b.type !== 'undercut'
        ? index.relationOrder(a.id) - index.relationOrder(b.id)
        : compareKeys(keyOf(a), keyOf(b));
  for (const list of childrenOf.values()) {
    if (list.length > 1) sortSmall(list, (a, b) => compareUnits(a.unit, b.unit) || premiseOrder(a, b));
  }

  const all = new Map<NodeId, TreeNode>();
  const roots: TreeNode[] = [];
  const grow = (rootId: NodeId): void => {
    const root: TreeNode = {
      id: rootId,
      index: all.size,
      relation: undefined,
      depth: 0,
      children: [],
      inReconstruction: false,
      size: 0,
    };
    all.set(rootId, root);
    roots.push(root);
    const stack: TreeNode[] = [root];
    const order: TreeNode[] = [];
    while (stack.length > 0) {
      const current = stack.pop()!;
      order.push(current);
      for (const child of childrenOf.get(current.id) ?? []) {
        if (all.has(child.id)) continue;
        const node: TreeNode = {
          id: child.id,
          index: all.size,
          relation: child.relation.id,
          depth: current.depth + 1,
          children: [],
          inReconstruction: child.inReconstruction,
          size: 0,
        };
        all.set(child.id, node);
        current.children.push(node);
      }
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i]!;
      let size = 0;
      for (const child of node.children) size += 1 + child.size;
      node.size = size;
    }
  };

  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]!.id;
    if (parentAt[i] === undefined && !all.has(id)) grow(id);
  }
  for (const node of nodes) if (!all.has(node.id)) grow(node.id);
  return { roots, all };
}

/** Relations by file order, an undercut sorting right after the relation it attacks. */
function compareKeys(keyA: readonly number[], keyB: readonly number[]): number {
  for (let i = 0; i < Math.min(keyA.length, keyB.length); i++) {
    if (keyA[i] !== keyB[i]) return keyA[i]! - keyB[i]!;
  }
  return keyA.length - keyB.length;
}

/** File positions from the base relation down to this one, e.g. [3] or [3, 7] for an undercut of r3. */
function unitKey(index: MapIndex, relation: Relation): number[] {
  if (relation.type !== 'undercut') return [index.relationOrder(relation.id)];
  const key: number[] = [];
  const seen = new Set<string>();
  for (let r: Relation | undefined = relation; r && !seen.has(r.id);) {
    seen.add(r.id);
    key.unshift(index.relationOrder(r.id));
    r = r.type === 'undercut' ? index.relation(r.to) : undefined;
  }
  return key;
}

function premiseOrder(a: { id: NodeId; relation: Relation }, b: { id: NodeId; relation: Relation }): number {
  return a.relation.from.indexOf(a.id) - b.relation.from.indexOf(b.id);
}

/**
 * Sorts a short list in place, stably (insertion sort): siblings are few, and Array.prototype.sort allocates
 * for every list, which over the thousands of parents of a large map costs more than the comparisons.
 */
function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): void {
  if (list.length > 16) {
    list.sort(compare);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(list[j]!, item) > 0; j--) list[j + 1] = list[j]!;
    list[j + 1] = item;
  }
}
