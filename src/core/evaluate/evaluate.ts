import type { ArgumentMap, NodeId, RelationId } from '../model/types.ts';
import { distinct, inferenceGraphOf, type InferenceGraph } from './inferences.ts';

/** What the user holds of a statement; statements not named are open. */
export type Assumption = 'accepted' | 'rejected';

/**
 * A statement's status (docs/EVALUATION.md):
 * - `accepted`, `rejected`: the user's assumption, kept whatever bears on it;
 * - `in`: no reasons and nothing active against it: presumed to hold;
 * - `supported`: an active support reaches it and nothing active attacks it;
 * - `unsupported`: it has reasons, none of them active (not the same as defeated);
 * - `out`: an active attack defeats it;
 * - `undecided`: attacks that nothing resolves (a cycle), or no reasons with presumption off.
 */
export type StatementStatus =
  'accepted' | 'rejected' | 'in' | 'supported' | 'unsupported' | 'out' | 'undecided';

/** A relation is active when all its premises hold and no holding statement undercuts it. */
export type RelationStatus = 'active' | 'inactive' | 'undecided';

export interface Evaluation {
  readonly statements: ReadonlyMap<NodeId, StatementStatus>;
  readonly relations: ReadonlyMap<RelationId, RelationStatus>;
  /** Accepted statements that an active attack bears on: the user holds what the map says is defeated. */
  readonly conflicts: readonly NodeId[];
}

export interface EvaluateOptions {
  /** Statements without reasons hold unless attacked (default); off, they are undecided. */
  readonly presumption?: boolean;
}

/** The statuses that count as holding: a premise with one of these can make its relation active. */
export const holds = (status: StatementStatus | undefined): boolean =>
  status === 'accepted' || status === 'in' || status === 'supported';

const UNKNOWN = 0;
const YES = 1; // a statement holds, an inference is active
const NO = 2; // a statement does not hold, an inference is inactive

/**
 * Evaluates a map under the user's assumptions: the least fixed point (grounded semantics, extended with
 * supports and undercuts). Each statement and inference is decided once, when what bears on it is decided,
 * from counters, so that the work is linear in the map's size; what is never decided is undecided.
 */
export function evaluate(
  map: ArgumentMap,
  assumptions: ReadonlyMap<NodeId, Assumption>,
  options: EvaluateOptions = {},
): Evaluation {
  const graph = inferenceGraphOf(map);
  const state = new Decisions(graph, assumptions, options.presumption ?? true);
  state.run();
  return state.result();
}

class Decisions {
  private readonly node: Uint8Array;
  private readonly status: (StatementStatus | undefined)[];
  private readonly inference: Uint8Array;
  // Counters of what bears on each element and is not decided yet, and of what is decided against it.
  private readonly openPremises: Int32Array;
  private readonly failedPremises: Int32Array;
  private readonly openUndercuts: Int32Array;
  private readonly activeUndercuts: Int32Array;
  private readonly openAttacks: Int32Array;
  private readonly activeAttacks: Int32Array;
  private readonly openSupports: Int32Array;
  private readonly activeSupports: Int32Array;
  private readonly queue: number[] = [];

  constructor(
    private readonly graph: InferenceGraph,
    private readonly assumptions: ReadonlyMap<NodeId, Assumption>,
    private readonly presumption: boolean,
  ) {
    const n = graph.nodeIds.length;
    const m = graph.inferences.length;
    this.node = new Uint8Array(n);
    this.status = new Array<StatementStatus | undefined>(n);
    this.inference = new Uint8Array(m);
    this.openPremises = new Int32Array(m);
    for (let i = 0; i < m; i++) this.openPremises[i] = distinct(graph.inferences[i]!.premises).length;
    this.failedPremises = new Int32Array(m);
    this.openUndercuts = graph.undercutsOf.sizes();
    this.activeUndercuts = new Int32Array(m);
    this.openAttacks = graph.attacksOf.sizes();
    this.activeAttacks = new Int32Array(n);
    this.openSupports = graph.supportsOf.sizes();
    this.activeSupports = new Int32Array(n);
  }

  /** Decides what can be decided, each element once: nodes are queued as `i`, inferences as `~i`. */
  run(): void {
    for (let i = 0; i < this.graph.nodeIds.length; i++) this.tryNode(i);
    for (let i = 0; i < this.graph.inferences.length; i++) this.tryInference(i);
    while (this.queue.length > 0) {
      const next = this.queue.pop()!;
      if (next >= 0) this.nodeDecided(next);
      else this.inferenceDecided(~next);
    }
  }

  private tryNode(i: number): void {
    if (this.node[i] !== UNKNOWN) return;
    const status = this.nodeStatus(i);
    if (status === undefined) return;
    this.status[i] = status;
    this.node[i] = holds(status) ? YES : NO;
    this.queue.push(i);
  }

  private nodeStatus(i: number): StatementStatus | undefined {
    const assumed = this.assumptions.get(this.graph.nodeIds[i]!);
    if (assumed) return assumed;
    if (this.activeAttacks[i]! > 0) return 'out';
    if (this.openAttacks[i]! > 0) return undefined;
    if (this.graph.supportsOf.size(i) === 0) return this.presumption ? 'in' : undefined;
    if (this.activeSupports[i]! > 0) return 'supported';
    return this.openSupports[i] === 0 ? 'unsupported' : undefined;
  }

  private tryInference(i: number): void {
    if (this.inference[i] !== UNKNOWN) return;
    let decided = UNKNOWN;
    if (this.failedPremises[i]! > 0 || this.activeUndercuts[i]! > 0) decided = NO;
    else if (this.openPremises[i] === 0 && this.openUndercuts[i] === 0) decided = YES;
    if (decided === UNKNOWN) return;
    this.inference[i] = decided;
    this.queue.push(~i);
  }

  private nodeDecided(i: number): void {
    const holding = this.node[i] === YES;
    for (const inf of this.graph.premiseOf.row(i)) {
      this.openPremises[inf]! -= 1;
      if (!holding) this.failedPremises[inf]! += 1;
      this.tryInference(inf);
    }
  }

  private inferenceDecided(i: number): void {
    const active = this.inference[i] === YES;
    const { kind, target, undercuts } = this.graph.inferences[i]!;
    if (kind === 'undercut') {
      for (const t of undercuts) {
        this.openUndercuts[t]! -= 1;
        if (active) this.activeUndercuts[t]! += 1;
        this.tryInference(t);
      }
      return;
    }
    if (kind === 'attack') {
      this.openAttacks[target]! -= 1;
      if (active) this.activeAttacks[target]! += 1;
    } else {
      this.openSupports[target]! -= 1;
      if (active) this.activeSupports[target]! += 1;
    }
    this.tryNode(target);
  }

  result(): Evaluation {
    const { nodeIds, ofRelation } = this.graph;
    const statements = new Map<NodeId, StatementStatus>();
    const conflicts: NodeId[] = [];
    for (let i = 0; i < nodeIds.length; i++) {
      const id = nodeIds[i]!;
      if (statements.has(id)) continue;
      statements.set(id, this.status[i] ?? 'undecided');
      if (this.status[i] === 'accepted' && this.activeAttacks[i]! > 0) conflicts.push(id);
    }
    const relations = new Map<RelationId, RelationStatus>();
    for (const [id, list] of ofRelation) relations.set(id, this.relationStatus(list));
    return { statements, relations, conflicts };
  }

  /** A relation is active when one of its inferences is (either way of a contradiction), inactive when all are not. */
  private relationStatus(inferences: readonly number[]): RelationStatus {
    let inactive = 0;
    for (const i of inferences) {
      if (this.inference[i] === YES) return 'active';
      if (this.inference[i] === NO) inactive++;
    }
    return inactive === inferences.length ? 'inactive' : 'undecided';
  }
}
