import { conclusionOf, type MapIndex } from '../model/map-index.ts';
import { isInferential, type NodeId, type Relation, type RelationId } from '../model/types.ts';

/**
 * The box a relation is drawn into. As Argdown's map draws a reconstructed argument, premises → argument →
 * conclusion, the inference of an argument's reconstruction (its premises to its conclusion) is drawn into
 * the argument's box when that box itself argues for or against the conclusion: the premises hang under the
 * argument, and folding the argument folds its premises away. Every other relation, and undercuts of the
 * inference, are drawn as they bear (`conclusionOf`).
 */
export function drawnTargetOf(index: MapIndex, relation: Relation): NodeId | undefined {
  const target = conclusionOf(index, relation);
  if (target === undefined) return undefined;
  let base = relation;
  // conclusionOf found a node, so the chain of undercuts ends at a relation into it.
  while (base.type === 'undercut') base = index.relation(base.to)!;
  return ownersOf(index).get(base.id) ?? target;
}

/**
 * The inference drawn into argument `id`'s box, if any: the argument takes its place among its conclusion's
 * children, where the reconstruction was written.
 */
export function inferenceDrawnInto(index: MapIndex, id: NodeId): Relation | undefined {
  const inference = ownersOf(index).inferenceOf.get(id);
  return inference === undefined ? undefined : index.relation(inference);
}

/** The arguments whose reconstruction is drawn under their box (`inferenceDrawnInto`), in map order. */
export function argumentsHoldingReconstructions(index: MapIndex): NodeId[] {
  return [...ownersOf(index).inferenceOf.keys()];
}

interface Owners {
  readonly get: (inference: RelationId) => NodeId | undefined;
  readonly inferenceOf: ReadonlyMap<NodeId, RelationId>;
}

const owners = new WeakMap<MapIndex, Owners>();

/** Each reconstruction's inference, by relation id, with the argument whose premises and conclusion it joins. */
function ownersOf(index: MapIndex): Owners {
  const known = owners.get(index);
  if (known) return known;
  const found = new Map<RelationId, NodeId>();
  const inferenceOf = new Map<NodeId, RelationId>();
  for (const node of index.map.nodes) {
    if (node.type !== 'argument' || !node.premises?.length || node.conclusion === undefined) continue;
    const conclusion = node.conclusion;
    const argues = index.premiseOf(node.id).some((r) => isInferential(r) && r.to === conclusion);
    if (!argues || node.premises.includes(node.id)) continue;
    const within = reconstructed(index, node.premises, conclusion);
    const inference = index
      .incoming(conclusion)
      .find((r) => isInferential(r) && !found.has(r.id) && r.from.every((id) => within.has(id)));
    if (!inference) continue;
    found.set(inference.id, node.id);
    inferenceOf.set(node.id, inference.id);
  }
  const made: Owners = { get: (id) => found.get(id), inferenceOf };
  owners.set(index, made);
  return made;
}

/**
 * The statements of a reconstruction: its premises and the intermediate conclusions drawn from them, step by
 * step (an inference whose premises are all among them adds its conclusion), short of the final conclusion.
 */
function reconstructed(index: MapIndex, premises: readonly NodeId[], conclusion: NodeId): Set<NodeId> {
  const within = new Set(premises);
  const pending = [...premises];
  while (pending.length > 0) {
    for (const r of index.premiseOf(pending.pop()!)) {
      if (r.type === 'undercut' || r.type === 'contradiction' || r.to === conclusion || within.has(r.to))
        continue;
      if (!r.from.every((id) => within.has(id))) continue;
      within.add(r.to);
      pending.push(r.to);
    }
  }
  return within;
}
