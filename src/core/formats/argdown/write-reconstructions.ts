import type { ArgumentMap, MapNode, NodeId, Relation, RelationId } from '../../model/types.ts';

/**
 * Which relations the Argdown writer puts into premise–conclusion structures under an argument's title, as
 * Argdown writes an argument's reconstruction, instead of into relation trees. The reader turns a
 * reconstruction of `<A>` into one relation per inference step (ids `a-inference-step-1`, …, `a-inference`)
 * and, after the last step, one from the argument to its conclusion (`a-conclusion`); the writer finds such
 * runs in the map so that it can write them back the way they were read. A reconstruction of no drawn
 * argument (Argdown's untitled one) is found by the ids its steps were given (`b-step-1`, …, `b`).
 */
export interface PlannedReconstruction {
  /** The argument node reconstructed; undefined when the steps belong to no node of the map. */
  readonly argument: NodeId | undefined;
  /** What the reader makes the steps' ids from: `<node id>-inference`, or the title's slug. */
  readonly idBase: string;
  /** For no argument node: the title the steps are written under. */
  readonly title: string | undefined;
  /** Inference steps in order; each step's conclusion is the first premise of the next. */
  readonly steps: readonly Relation[];
}

export interface ReconstructionPlan {
  /** Reconstructions by the id of their first step, where the relation list writes them. */
  readonly byFirstStep: ReadonlyMap<RelationId, PlannedReconstruction>;
  /** Reconstructions by the id of their last step: what an undercut of the argument aims at. */
  readonly byLastStep: ReadonlyMap<RelationId, PlannedReconstruction>;
  /** Steps after the first, and the relations the reader draws from an argument to its conclusion by itself. */
  readonly covered: ReadonlySet<RelationId>;
  /** Argument nodes whose premises and conclusion the written reconstruction says. */
  readonly reconstructed: ReadonlySet<NodeId>;
}

/** Runs longer than this are not searched for: no hand-made reconstruction has so many steps. */
const maxSteps = 64;

export function planReconstructions(map: ArgumentMap): ReconstructionPlan {
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const relations = map.relations;
  const undercut = new Set(relations.filter((r) => r.type === 'undercut').map((r) => r.to));
  const into = new Map<NodeId, number[]>();
  relations.forEach((r, i) => {
    if (r.type !== 'undercut') into.set(r.to, [...(into.get(r.to) ?? []), i]);
  });
  const plan = new PlanBuilder();
  for (const node of map.nodes) {
    if (node.type !== 'argument' || !node.premises?.length || node.conclusion === undefined) continue;
    const found = argumentRun(node, into.get(node.conclusion) ?? [], { relations, nodes, undercut, plan });
    if (found) plan.add(found.reconstruction, found.bearing);
  }
  relations.forEach((relation, j) => {
    const steps = namedRun(relations, j, plan);
    if (steps && chainOf(steps, nodes) && !steps.slice(0, -1).some((s) => undercut.has(s.id)))
      plan.add({ argument: undefined, idBase: relation.id, title: relation.id, steps }, undefined);
  });
  return plan;
}

class PlanBuilder implements ReconstructionPlan {
  readonly byFirstStep = new Map<RelationId, PlannedReconstruction>();
  readonly byLastStep = new Map<RelationId, PlannedReconstruction>();
  readonly covered = new Set<RelationId>();
  readonly reconstructed = new Set<NodeId>();

  add(reconstruction: PlannedReconstruction, bearing: RelationId | undefined): void {
    const { steps } = reconstruction;
    this.byFirstStep.set(steps[0]!.id, reconstruction);
    this.byLastStep.set(steps[steps.length - 1]!.id, reconstruction);
    for (const step of steps.slice(1)) this.covered.add(step.id);
    if (bearing !== undefined) this.covered.add(bearing);
    if (reconstruction.argument !== undefined) this.reconstructed.add(reconstruction.argument);
  }

  taken(relation: Relation): boolean {
    return this.byFirstStep.has(relation.id) || this.covered.has(relation.id);
  }
}

interface Search {
  readonly relations: readonly Relation[];
  readonly nodes: ReadonlyMap<NodeId, MapNode>;
  readonly undercut: ReadonlySet<RelationId>;
  readonly plan: PlanBuilder;
}

/**
 * The run of steps that ends in the argument's conclusion and has exactly its premises, followed by the
 * relation of the argument to its conclusion the reader would draw (or with that relation stated elsewhere).
 */
function argumentRun(
  node: MapNode & { readonly type: 'argument' },
  candidates: readonly number[],
  search: Search,
): { reconstruction: PlannedReconstruction; bearing: RelationId | undefined } | undefined {
  const { relations, nodes, undercut, plan } = search;
  for (const j of candidates) {
    for (let k = 1; k <= Math.min(j + 1, maxSteps); k++) {
      const steps = relations.slice(j - k + 1, j + 1);
      if (steps.some((s) => plan.taken(s)) || steps.slice(0, -1).some((s) => undercut.has(s.id))) break;
      const chain = chainOf(steps, nodes);
      if (!chain) break;
      if (!sameList(chain.premises, node.premises!)) continue;
      const bearing = bearingOf(node.id, steps[k - 1]!, relations[j + 1], search);
      if (bearing === false) break;
      const reconstruction = { argument: node.id, idBase: `${node.id}-inference`, title: undefined, steps };
      return { reconstruction, bearing };
    }
  }
  return undefined;
}

/**
 * The relation after the last step that the reader draws by itself (its id), undefined when none is drawn
 * (a contradiction, or a relation tree states the argument's bearing), false when the map does not fit.
 */
function bearingOf(
  argument: NodeId,
  last: Relation,
  next: Relation | undefined,
  { relations, undercut }: Search,
): RelationId | undefined | false {
  if (last.type === 'contradiction') return undefined;
  const others = relations.filter(
    (r) => r !== next && r.from.length === 1 && r.from[0] === argument && r.to === last.to,
  );
  const drawn =
    next !== undefined &&
    next.id === `${argument}-conclusion` &&
    next.type === (last.type === 'attack' ? 'attack' : 'support') &&
    next.from.length === 1 &&
    next.from[0] === argument &&
    next.to === last.to &&
    !next.tags?.length &&
    next.note === undefined &&
    !next.extra &&
    !undercut.has(next.id);
  if (drawn && others.length === 0) return next.id;
  const stated = others.some(
    (r) => r.type !== 'undercut' && !r.tags?.length && r.note === undefined && !r.extra,
  );
  return stated ? undefined : false;
}

/** Steps with ids `b-step-1`, …, `b-step-n`, `b` ending at `j` (n ≥ 1), not planned yet. */
function namedRun(relations: readonly Relation[], j: number, plan: PlanBuilder): Relation[] | undefined {
  const base = relations[j]!.id;
  const before = relations[j - 1];
  const n = before !== undefined ? stepNumber(before.id, base) : undefined;
  if (n === undefined || n >= j + 1 || n > maxSteps) return undefined;
  const steps = relations.slice(j - n, j + 1);
  const named = steps.every((s, i) => (i < n ? s.id === `${base}-step-${i + 1}` : true));
  return named && !steps.some((s) => plan.taken(s)) ? steps : undefined;
}

function stepNumber(id: string, base: string): number | undefined {
  if (!id.startsWith(`${base}-step-`)) return undefined;
  const rest = id.slice(base.length + 6);
  return /^[1-9]\d{0,3}$/.test(rest) ? Number(rest) : undefined;
}

/**
 * The premises and conclusion the reader derives from these steps written as one premise–conclusion
 * structure, or undefined when they cannot be written so: each step concludes a statement that opens the
 * next, every numbered statement appears once, and only statements are numbered (Argdown numbers no
 * arguments).
 */
export function chainOf(
  steps: readonly Relation[],
  nodes: ReadonlyMap<NodeId, MapNode>,
): { premises: NodeId[]; conclusion: NodeId } | undefined {
  const numbered: NodeId[] = [];
  const premises: NodeId[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.type === 'undercut' || (step.type === 'contradiction' && step.from.length !== 1))
      return undefined;
    if (i > 0 && step.from[0] !== steps[i - 1]!.to) return undefined;
    const added = i === 0 ? step.from : step.from.slice(1);
    premises.push(...added);
    numbered.push(...added, step.to);
  }
  const distinct = new Set(numbered).size === numbered.length;
  const statements = numbered.every((id) => nodes.get(id)?.type === 'statement');
  return distinct && statements ? { premises, conclusion: steps[steps.length - 1]!.to } : undefined;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
