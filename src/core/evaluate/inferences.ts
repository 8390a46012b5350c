import type { ArgumentMap, NodeId, RelationId } from '../model/types.ts';

/**
 * The map as the evaluator reads it: numbered nodes and _inferences_, one per support, attack and undercut,
 * two per contradiction (a mutual attack: one each way). An inference has premises (node numbers) and
 * bears on a node (supports and attacks) or on other inferences (an undercut on every inference of the
 * relation it attacks). Relations naming nodes or relations the map lacks are left out.
 */
export interface InferenceGraph {
  readonly nodeIds: readonly NodeId[];
  readonly nodeAt: ReadonlyMap<NodeId, number>;
  readonly inferences: readonly Inference[];
  /** The inferences made from each relation (two for a contradiction). */
  readonly ofRelation: ReadonlyMap<RelationId, readonly number[]>;
  /** Per node, the inferences it is a premise of. */
  readonly premiseOf: Rows;
  /** Per node, the supports and attacks bearing on it. */
  readonly supportsOf: Rows;
  readonly attacksOf: Rows;
  /** Per inference, the undercuts bearing on it. */
  readonly undercutsOf: Rows;
}

export interface Inference {
  readonly relation: RelationId;
  readonly kind: 'support' | 'attack' | 'undercut';
  readonly premises: readonly number[];
  /** The node it bears on; -1 for an undercut. */
  readonly target: number;
  /** The inferences an undercut bears on (empty for the others). */
  readonly undercuts: readonly number[];
}

export function inferenceGraph(map: ArgumentMap): InferenceGraph {
  const nodeIds = map.nodes.map((n) => n.id);
  const nodeAt = new Map<NodeId, number>();
  nodeIds.forEach((id, i) => {
    if (!nodeAt.has(id)) nodeAt.set(id, i);
  });
  const inferences: Inference[] = [];
  const ofRelation = new Map<RelationId, number[]>();
  const add = (inference: Inference) => {
    const list = ofRelation.get(inference.relation);
    if (list) list.push(inferences.length);
    else ofRelation.set(inference.relation, [inferences.length]);
    inferences.push(inference);
  };
  const undercuts: { relation: RelationId; premises: number[]; to: RelationId }[] = [];
  for (const r of map.relations) {
    const premises = r.from.map((id) => nodeAt.get(id));
    if (premises.some((p) => p === undefined) || premises.length === 0 || ofRelation.has(r.id)) continue;
    const from = premises as number[];
    if (r.type === 'undercut') {
      undercuts.push({ relation: r.id, premises: from, to: r.to });
      ofRelation.set(r.id, []);
      continue;
    }
    const target = nodeAt.get(r.to);
    if (target === undefined) continue;
    if (r.type === 'contradiction') {
      add({ relation: r.id, kind: 'attack', premises: from, target, undercuts: [] });
      for (const p of from)
        add({ relation: r.id, kind: 'attack', premises: [target], target: p, undercuts: [] });
    } else add({ relation: r.id, kind: r.type, premises: from, target, undercuts: [] });
  }
  ofRelation.forEach((list, id) => list.length === 0 && ofRelation.delete(id));
  placeUndercuts(undercuts, inferences, ofRelation);
  return { nodeIds, nodeAt, inferences, ofRelation, ...adjacency(nodeIds.length, inferences) };
}

/**
 * Undercuts become inferences once what they attack is known: an undercut of an undercut needs the
 * inferences of the one it attacks. Taken in rounds until none is placed; an undercut whose target never
 * appears (a relation the map lacks, or undercuts attacking each other in a ring) is left out.
 */
function placeUndercuts(
  pending: { relation: RelationId; premises: number[]; to: RelationId }[],
  inferences: Inference[],
  ofRelation: Map<RelationId, number[]>,
): void {
  let left = pending;
  while (left.length > 0) {
    const next: typeof left = [];
    for (const u of left) {
      const targets = ofRelation.get(u.to);
      if (!targets) {
        next.push(u);
        continue;
      }
      ofRelation.set(u.relation, [inferences.length]);
      inferences.push({
        relation: u.relation,
        kind: 'undercut',
        premises: u.premises,
        target: -1,
        undercuts: targets,
      });
    }
    if (next.length === left.length) return;
    left = next;
  }
}

/** A premise list without repeats (a node named twice among a relation's premises counts once). */
export const distinct = (premises: readonly number[]): readonly number[] =>
  premises.length === 1 ? premises : [...new Set(premises)];

/**
 * The lists of what bears on what, in compressed rows: one offsets array and one flat array per list, so
 * that a map of a hundred thousand boxes makes a handful of arrays, not hundreds of thousands.
 */
function adjacency(
  nodeCount: number,
  inferences: readonly Inference[],
): Pick<InferenceGraph, 'premiseOf' | 'supportsOf' | 'attacksOf' | 'undercutsOf'> {
  const premiseOf = new Rows(nodeCount);
  const supportsOf = new Rows(nodeCount);
  const attacksOf = new Rows(nodeCount);
  const undercutsOf = new Rows(inferences.length);
  const each = (visit: (rows: Rows, at: number, i: number) => void) =>
    inferences.forEach((inference, i) => {
      for (const p of distinct(inference.premises)) visit(premiseOf, p, i);
      if (inference.kind === 'support') visit(supportsOf, inference.target, i);
      else if (inference.kind === 'attack') visit(attacksOf, inference.target, i);
      else for (const t of inference.undercuts) visit(undercutsOf, t, i);
    });
  each((rows, at) => rows.count(at));
  for (const rows of [premiseOf, supportsOf, attacksOf, undercutsOf]) rows.open();
  each((rows, at, i) => rows.add(at, i));
  return { premiseOf, supportsOf, attacksOf, undercutsOf };
}

/** Lists of numbers by row, filled in two passes: count, then add. */
export class Rows {
  private readonly start: Int32Array;
  private items = new Int32Array(0);
  private readonly filled: Int32Array;

  constructor(readonly length: number) {
    this.start = new Int32Array(length + 1);
    this.filled = new Int32Array(length);
  }

  count(row: number): void {
    this.start[row + 1]! += 1;
  }

  open(): void {
    for (let r = 0; r < this.length; r++) this.start[r + 1]! += this.start[r]!;
    this.items = new Int32Array(this.start[this.length]!);
  }

  add(row: number, value: number): void {
    this.items[this.start[row]! + this.filled[row]!++] = value;
  }

  /** The row's numbers (a view, not a copy). */
  row(row: number): Int32Array {
    return this.items.subarray(this.start[row]!, this.start[row + 1]!);
  }

  size(row: number): number {
    return this.start[row + 1]! - this.start[row]!;
  }
}
