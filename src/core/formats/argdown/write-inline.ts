import type { ArgumentMap, MapNode, NodeId } from '../../model/types.ts';
import { normaliseSpace, slug } from './syntax.ts';
import { loneSurrogate, startsPlainLine } from './write-names.ts';
import type { PlannedReconstruction, ReconstructionPlan } from './write-reconstructions.ts';

/**
 * Untitled statements the writer puts straight into the premise–conclusion structure that uses them
 * (`(1) Russia feels insecure`), as Argdown authors write them, instead of declaring each under a stand-in
 * title first (`untitled.ts`). The reader gives such a line back as the same untitled statement, its id the
 * slug of its text. A statement qualifies when
 * - it has nothing to say but its text: no title, tags, data, or a group other than the one in force where
 *   the relations are written;
 * - the steps of one reconstruction are the only relations that name it;
 * - no other box has the same text;
 * - and the reader, which orders boxes by where it first meets them, puts it back in its place: the
 *   statements written this way are the last of the map's boxes, in the order the structures name them.
 */
export function inlineStatements(
  map: ArgumentMap,
  plan: ReconstructionPlan,
  groupAtRelations: string | undefined,
): Set<NodeId> {
  const candidates = candidateStatements(map, plan, groupAtRelations);
  if (candidates.size === 0) return candidates;
  const met = orderMet(map, plan, candidates);
  // The longest tail of the map's boxes that are all candidates met in their map order.
  let first = map.nodes.length;
  while (first > 0) {
    const id = map.nodes[first - 1]!.id;
    const at = met.get(id);
    const next = first < map.nodes.length ? met.get(map.nodes[first]!.id)! : Infinity;
    if (at === undefined || at >= next) break;
    first--;
  }
  return new Set(map.nodes.slice(first).map((n) => n.id));
}

function candidateStatements(
  map: ArgumentMap,
  plan: ReconstructionPlan,
  groupAtRelations: string | undefined,
): Set<NodeId> {
  const texts = new Map<string, number>();
  for (const node of map.nodes) {
    const text = normaliseSpace(node.text);
    texts.set(text, (texts.get(text) ?? 0) + 1);
  }
  const owner = stepOwners(map, plan);
  const named = new Map<NodeId, Set<PlannedReconstruction | undefined>>();
  const name = (id: NodeId, by: PlannedReconstruction | undefined) => {
    const set = named.get(id) ?? new Set();
    set.add(by);
    named.set(id, set);
  };
  for (const relation of map.relations) {
    const by = owner.get(relation.id);
    for (const id of relation.from) name(id, by);
    name(relation.to, by);
  }
  const out = new Set<NodeId>();
  for (const node of map.nodes) {
    const by = named.get(node.id);
    if (!by || by.size !== 1 || by.has(undefined)) continue;
    if (saysOnlyItsText(node, groupAtRelations) && texts.get(node.text) === 1) out.add(node.id);
  }
  return out;
}

/**
 * The reconstruction each inference step belongs to, and the relation from its argument to its conclusion
 * that the reader draws by itself; relations written under its statements are not its own.
 */
function stepOwners(map: ArgumentMap, plan: ReconstructionPlan): Map<string, PlannedReconstruction> {
  const owner = new Map<string, PlannedReconstruction>();
  const byArgument = new Map<NodeId, PlannedReconstruction>();
  const under = new Set<string>();
  for (const reconstruction of plan.byFirstStep.values()) {
    for (const step of reconstruction.steps) owner.set(step.id, reconstruction);
    for (const r of [...reconstruction.under.values()].flat()) under.add(r.id);
    if (reconstruction.argument !== undefined) byArgument.set(reconstruction.argument, reconstruction);
  }
  for (const relation of map.relations) {
    const bearing = relation.from.length === 1 ? byArgument.get(relation.from[0]!) : undefined;
    if (bearing && plan.covered.has(relation.id) && !owner.has(relation.id) && !under.has(relation.id))
      owner.set(relation.id, bearing);
  }
  return owner;
}

function saysOnlyItsText(node: MapNode, groupAtRelations: string | undefined): boolean {
  return (
    node.type === 'statement' &&
    node.title === undefined &&
    normaliseSpace(node.text) === node.text &&
    !loneSurrogate.test(node.text) &&
    startsPlainLine(node.text) &&
    slug(node.text, 'statement') === node.id &&
    !node.tags?.length &&
    node.quote === undefined &&
    node.note === undefined &&
    node.implicit === undefined &&
    node.speaker === undefined &&
    node.extra === undefined &&
    node.group === groupAtRelations
  );
}

/** Where the relation blocks first name each candidate, in the order `reconstructionText` writes them. */
function orderMet(
  map: ArgumentMap,
  plan: ReconstructionPlan,
  candidates: ReadonlySet<NodeId>,
): Map<NodeId, number> {
  const met = new Map<NodeId, number>();
  const meet = (id: NodeId) => {
    if (candidates.has(id) && !met.has(id)) met.set(id, met.size);
  };
  for (const relation of map.relations) {
    const planned = plan.byFirstStep.get(relation.id);
    if (plan.covered.has(relation.id) || planned === undefined) continue;
    planned.steps.forEach((step, i) => {
      for (const p of i === 0 ? step.from : step.from.slice(1)) meet(p);
      meet(step.to);
    });
  }
  return met;
}
