import { conclusionOf, type MapIndex } from './map-index.ts';
import { isInferential, type NodeId, type Relation } from './types.ts';

/** Premise → conclusion edges; contradiction is a symmetric side link and makes no parent. */

/** Nodes that are a premise of nothing: the theses, in file order. */
export function roots(index: MapIndex): NodeId[] {
  return index.map.nodes
    .filter((node) => !index.premiseOf(node.id).some(isInferential))
    .map((node) => node.id);
}

/** The nodes `id` argues for or against, in file order of the relations. */
export function parents(index: MapIndex, id: NodeId): NodeId[] {
  const found = new Set<NodeId>();
  for (const relation of index.premiseOf(id)) {
    if (!isInferential(relation)) continue;
    const target = conclusionOf(index, relation);
    if (target !== undefined) found.add(target);
  }
  return [...found];
}

/** Relations (support, attack, and undercuts of those) whose conclusion is `id`, in file order. */
export function relationsInto(index: MapIndex, id: NodeId): Relation[] {
  const out: Relation[] = [];
  const visit = (relation: Relation, seen: Set<string>): void => {
    if (seen.has(relation.id)) return;
    seen.add(relation.id);
    out.push(relation);
    for (const undercut of index.undercutsOf(relation.id)) visit(undercut, seen);
  };
  const seen = new Set<string>();
  for (const relation of index.incoming(id)) if (isInferential(relation)) visit(relation, seen);
  return out.sort((a, b) => index.relationOrder(a.id) - index.relationOrder(b.id));
}

/** The premises that argue for or against `id`, directly or by undercutting an inference into it. */
export function children(index: MapIndex, id: NodeId): NodeId[] {
  const found = new Set<NodeId>();
  for (const relation of relationsInto(index, id)) for (const premise of relation.from) found.add(premise);
  found.delete(id);
  return [...found].filter((premise) => index.node(premise) !== undefined);
}

/**
 * The relation that places `id` in the tree: the first inferential relation in file order that has `id` as a
 * premise and a resolvable conclusion. Other relations of a shared node are drawn as cross-links.
 */
export function primaryRelation(index: MapIndex, id: NodeId): Relation | undefined {
  // A plain loop: every layout asks this of every box, twice.
  const relations = index.premiseOf(id);
  for (let i = 0; i < relations.length; i++) {
    const relation = relations[i]!;
    if (isInferential(relation) && conclusionOf(index, relation) !== undefined) return relation;
  }
  return undefined;
}

export function ancestors(index: MapIndex, id: NodeId): NodeId[] {
  return reach(id, (node) => parents(index, node));
}

export function descendants(index: MapIndex, id: NodeId): NodeId[] {
  return reach(id, (node) => children(index, node));
}

/** Breadth-first closure, excluding the start unless a cycle leads back to it. */
function reach(start: NodeId, next: (id: NodeId) => readonly NodeId[]): NodeId[] {
  const seen = new Set<NodeId>();
  const queue = [...next(start)];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as NodeId;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...next(id));
  }
  return [...seen];
}
