import type { ArgumentMap, MapNode, NodeId, Relation, RelationId } from '../model/types.ts';

/**
 * The part of a map made of the `shown` boxes, to be laid out as a map of its own (a presentation step's
 * scene, docs/ARCHITECTURE.md, "Presenting"): the boxes in file order, so that a box keeps its place among
 * its siblings from step to step; the relations among them (see `keptRelations`). Groups and the tour are
 * left out: frames of a few boxes say little on a slide.
 */
export function cutMap(map: ArgumentMap, shown: ReadonlySet<NodeId>): ArgumentMap {
  const relations = keptRelations(map.relations, shown);
  return {
    ...(map.title !== undefined ? { title: map.title } : {}),
    ...(map.source !== undefined ? { source: map.source } : {}),
    groups: [],
    nodes: map.nodes.filter((n) => shown.has(n.id)).map(({ group: _group, ...node }) => cutNode(node, shown)),
    relations,
  };
}

/**
 * A box as the cut holds it: an argument's premises and conclusion cut to the shown ones, as its inference's
 * premises are, so that the premises hang under the argument in every step that shows them with it.
 */
function cutNode(node: MapNode, shown: ReadonlySet<NodeId>): MapNode {
  if (node.type !== 'argument') return node;
  const { premises, conclusion, ...rest } = node;
  const kept = premises?.filter((id) => shown.has(id)) ?? [];
  return {
    ...rest,
    ...(kept.length > 0 ? { premises: kept } : {}),
    ...(conclusion !== undefined && shown.has(conclusion) ? { conclusion } : {}),
  };
}

/**
 * The relations whose both ends are among the shown boxes, in file order: premises cut to the shown ones; an
 * undercut kept when the relation it attacks is kept (an undercut of an undercut once its target is).
 */
function keptRelations(relations: readonly Relation[], shown: ReadonlySet<NodeId>): Relation[] {
  const shownPremises = (relation: Relation) => relation.from.filter((id) => shown.has(id));
  const kept: (Relation | undefined)[] = relations.map((relation) => {
    if (relation.type === 'undercut' || !shown.has(relation.to)) return undefined;
    const from = shownPremises(relation);
    return from.length > 0 ? ({ ...relation, from } as Relation) : undefined;
  });
  // Undercuts by the relation they attack, then kept outwards from the kept relations (linear in the map).
  const undercutsOf = new Map<RelationId, number[]>();
  relations.forEach((relation, i) => {
    if (relation.type !== 'undercut') return;
    const attacking = undercutsOf.get(relation.to);
    if (attacking) attacking.push(i);
    else undercutsOf.set(relation.to, [i]);
  });
  const keptIds = new Set<RelationId>(kept.flatMap((relation) => (relation ? [relation.id] : [])));
  const pending = [...keptIds];
  while (pending.length > 0) {
    for (const i of undercutsOf.get(pending.pop()!) ?? []) {
      const undercut = relations[i]!;
      const from = shownPremises(undercut);
      if (kept[i] || from.length === 0) continue;
      kept[i] = { ...undercut, from } as Relation;
      if (!keptIds.has(undercut.id)) {
        keptIds.add(undercut.id);
        pending.push(undercut.id);
      }
    }
  }
  return kept.filter((relation): relation is Relation => relation !== undefined);
}
