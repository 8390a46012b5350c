import { primaryRelation } from '../model/graph.ts';
import { conclusionOf, type MapIndex } from '../model/map-index.ts';
import type { ArgumentMap, NodeId, Relation, RelationId } from '../model/types.ts';
import type { PresentationStep } from './steps.ts';

/**
 * The map of one presentation step, to be laid out on its own (docs/ARCHITECTURE.md, "Presenting"): the boxes
 * revealed so far and the box each of them hangs under, so that no box stands without its line; the
 * relations among those boxes (linked premises reduced to the ones shown, undercuts of relations kept). The
 * step is laid out compact, as a small map of its own, instead of at its places in the whole map, where what
 * a step reveals can lie a screen apart. Boxes keep the map's file order, so that a box keeps its place among
 * its siblings from step to step. Groups and the tour are left out: frames of a few boxes say little on a
 * slide.
 */
export function stepMap(index: MapIndex, step: PresentationStep): ArgumentMap {
  const shown = new Set<NodeId>(step.show.filter((id) => index.node(id) !== undefined));
  for (const id of [...shown]) {
    const relation = primaryRelation(index, id);
    const parent = relation && conclusionOf(index, relation);
    if (parent !== undefined) shown.add(parent);
  }
  return cutMap(index.map, shown);
}

/**
 * The part of a map made of the `shown` boxes, in file order, with the relations among them (see
 * `keptRelations`), without groups or tour.
 */
export function cutMap(map: ArgumentMap, shown: ReadonlySet<NodeId>): ArgumentMap {
  const relations = keptRelations(map.relations, shown);
  return {
    ...(map.title !== undefined ? { title: map.title } : {}),
    ...(map.source !== undefined ? { source: map.source } : {}),
    groups: [],
    nodes: map.nodes.filter((n) => shown.has(n.id)).map(({ group: _group, ...node }) => node),
    relations,
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
