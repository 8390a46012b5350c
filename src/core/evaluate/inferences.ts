import type { ArgumentMap, NodeId, RelationId } from '../model/types.ts';

/**
 * The map as the evaluator reads it: numbered nodes and _inferences_, one per support, attack and undercut
 * (an `entails` is a support), two per contradiction and per `contrary` (a mutual attack: one each way; the
 * two cannot both hold, whichever is accepted). An inference has premises (node numbers) and
 * bears on a node (supports and attacks) or on other inferences (an undercut on every inference of the
 * relation it attacks). Relations naming nodes or relations the map lacks are left out.
 */
export interface InferenceGraph {
  readonly nodeIds: readonly NodeId[];
  readonly nodeAt: ReadonlyMap<NodeId, number>;
  readonly inferences: readonly Inference[];
  /** The inferences made from each relation (two for a contradiction or a contrary). */
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

const graphs = new WeakMap<ArgumentMap, InferenceGraph>();
/** What a support or an attack undercuts: nothing, one shared empty list. */
const NONE: readonly number[] = Object.freeze([]);

/**
 * The map's inference graph, built once per map: a map is a value, never changed in place (an edit makes a
 * new one), so every evaluation of it (each click of the Evaluate mode, each statement the sensitivity
 * ranking rejects) reads the same graph and only decides the statuses again.
 */
export function inferenceGraphOf(map: ArgumentMap): InferenceGraph {
  let graph = graphs.get(map);
  if (!graph) graphs.set(map, (graph = inferenceGraph(map)));
  return graph;
}

export function inferenceGraph(map: ArgumentMap): InferenceGraph {
  const nodeIds = map.nodes.map((n) => n.id);
  const nodeAt = new Map<NodeId, number>();
  for (let i = 0; i < nodeIds.length; i++) if (!nodeAt.has(nodeIds[i]!)) nodeAt.set(nodeIds[i]!, i);
  const inferences: Inference[] = [];
  const ofRelation = new Map<RelationId, number[]>();
  const undercuts: { relation: RelationId; premises: number[]; to: RelationId }[] = [];
  for (const r of map.relations) {
    const from = premiseNumbers(r.from, nodeAt);
    if (from === undefined || ofRelation.has(r.id)) continue;
    if (r.type === 'undercut') {
      undercuts.push({ relation: r.id, premises: from, to: r.to });
      ofRelation.set(r.id, []);
      continue;
    }
    const target = nodeAt.get(r.to);
    if (target === undefined) continue;
    const made = [inferences.length];
    if (r.type === 'contradiction' || r.type === 'contrary') {
      inferences.push({ relation: r.id, kind: 'attack', premises: from, target, undercuts: NONE });
      for (const p of from) {
        made.push(inferences.length);
        inferences.push({ relation: r.id, kind: 'attack', premises: [target], target: p, undercuts: NONE });
      }
    } else {
      const kind = r.type === 'entails' ? 'support' : r.type;
      inferences.push({ relation: r.id, kind, premises: from, target, undercuts: NONE });
    }
    ofRelation.set(r.id, made);
  }
  for (const u of undercuts) ofRelation.delete(u.relation);
  placeUndercuts(undercuts, inferences, ofRelation);
  return { nodeIds, nodeAt, inferences, ofRelation, ...adjacency(nodeIds.length, inferences) };
}

/** A relation's premises as node numbers; undefined when it has none or names a node the map lacks. */
function premiseNumbers(from: readonly NodeId[], nodeAt: ReadonlyMap<NodeId, number>): number[] | undefined {
  if (from.length === 0) return undefined;
  const out = new Array<number>(from.length);
  for (let i = 0; i < from.length; i++) {
    const at = nodeAt.get(from[i]!);
    if (at === undefined) return undefined;
    out[i] = at;
  }
  return out;
}

/**
 * Undercuts become inferences once what they attack is known: an undercut of an undercut needs the
 * inferences of the one it attacks. Each is placed when its target is, from a list of who waits on whom, so
 * that a chain of undercuts is placed in one pass whatever its order in the file; an undercut whose target
 * never appears (a relation the map lacks, or undercuts attacking each other in a ring) is left out.
 */
function placeUndercuts(
  pending: { relation: RelationId; premises: number[]; to: RelationId }[],
  inferences: Inference[],
  ofRelation: Map<RelationId, number[]>,
): void {
  const waiting = new Map<RelationId, typeof pending>();
  const ready: typeof pending = [];
  for (const u of pending) {
    if (ofRelation.has(u.to)) ready.push(u);
    else {
      const list = waiting.get(u.to);
      if (list) list.push(u);
      else waiting.set(u.to, [u]);
    }
  }
  // In file order among those ready at once: the numbering of inferences stays deterministic.
  ready.reverse();
  while (ready.length > 0) {
    const u = ready.pop()!;
    ofRelation.set(u.relation, [inferences.length]);
    inferences.push({
      relation: u.relation,
      kind: 'undercut',
      premises: u.premises,
      target: -1,
      undercuts: ofRelation.get(u.to)!,
    });
    const next = waiting.get(u.relation);
    if (next) for (let k = next.length - 1; k >= 0; k--) ready.push(next[k]!);
    waiting.delete(u.relation);
  }
}

/** A premise list without repeats (a node named twice among a relation's premises counts once). */
export function distinct(premises: readonly number[]): readonly number[] {
  for (let i = 1; i < premises.length; i++)
    if (premises.indexOf(premises[i]!) < i) return [...new Set(premises)];
  return premises;
}

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
  // Two passes over the same lists: count each row's length, then fill the rows.
  for (const fill of [false, true]) {
    for (let i = 0; i < inferences.length; i++) {
      const { kind, premises, target, undercuts } = inferences[i]!;
      for (const p of distinct(premises)) premiseOf.visit(p, i, fill);
      if (kind === 'support') supportsOf.visit(target, i, fill);
      else if (kind === 'attack') attacksOf.visit(target, i, fill);
      else for (const t of undercuts) undercutsOf.visit(t, i, fill);
    }
    if (!fill) for (const rows of [premiseOf, supportsOf, attacksOf, undercutsOf]) rows.open();
  }
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

  /** Counts the row (before `open`) or adds the value to it (after). */
  visit(row: number, value: number, fill: boolean): void {
    if (fill) this.add(row, value);
    else this.count(row);
  }

  /** The row's numbers (a view, not a copy). */
  row(row: number): Int32Array {
    return this.items.subarray(this.start[row]!, this.start[row + 1]!);
  }

  size(row: number): number {
    return this.start[row + 1]! - this.start[row]!;
  }

  /** Every row's size, as a new array (counters to count down). */
  sizes(): Int32Array {
    const out = new Int32Array(this.length);
    for (let r = 0; r < this.length; r++) out[r] = this.start[r + 1]! - this.start[r]!;
    return out;
  }
}
