import type { ArgumentMap, MapNode, NodeId, Relation, RelationId } from './types.ts';

/**
 * The boxes of `map` among `shown`, in file order, and the relations among them (see `keptRelations`): the
 * part of a map a presentation step shows, or the part that is drawn (`in-map.ts`).
 */
export function partOf(
  map: ArgumentMap,
  shown: ReadonlySet<NodeId>,
): { readonly nodes: MapNode[]; readonly relations: Relation[] } {
  return {
    nodes: map.nodes.filter((n) => shown.has(n.id)).map((node) => cutNode(node, shown)),
    relations: keptRelations(map.relations, shown),
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
