import {
  isAttackKind,
  type ArgumentMap,
  type MapNode,
  type NodeId,
  type Relation,
  type RelationId,
} from '../../model/types.ts';
import { hasStrictKinds, isStrict } from './strict-mode.ts';
import { chainOf, relationsUnder } from './write-steps.ts';

/**
 * Which relations the Argdown writer puts into premise–conclusion structures under an argument's title, as
 * Argdown writes an argument's reconstruction, instead of into relation trees. The reader turns a
 * reconstruction of `<A>` into one relation per inference step (ids `a-inference-step-1`, …, `a-inference`)
 * and, after the last step, one from the argument to its conclusion (`a-conclusion`); relations written
 * under a numbered statement come between the steps. The writer finds such runs in the map so that it can
 * write them back the way they were read. A reconstruction of no drawn argument (Argdown's untitled one)
 * is found by the ids its steps were given (`b-step-1`, …, `b`).
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
  /** Relations between the steps, by the numbered statement they are written under. */
  readonly under: ReadonlyMap<NodeId, readonly Relation[]>;
}

export interface ReconstructionPlan {
  /** Reconstructions by the id of their first step, where the relation list writes them. */
  readonly byFirstStep: ReadonlyMap<RelationId, PlannedReconstruction>;
  /** Reconstructions by the id of their last step: what an undercut of the argument aims at. */
  readonly byLastStep: ReadonlyMap<RelationId, PlannedReconstruction>;
  /**
   * Relations the reconstruction writes other than by its first step (later steps, relations under its
   * statements), and the relations the reader draws from an argument to its conclusion by itself.
   */
  readonly covered: ReadonlySet<RelationId>;
  /** Argument nodes whose premises and conclusion the written reconstruction says. */
  readonly reconstructed: ReadonlySet<NodeId>;
}

interface Found {
  readonly reconstruction: PlannedReconstruction;
  /** The relation from the argument to its conclusion that the reader draws by itself. */
  readonly bearing: RelationId | undefined;
}

/** Runs longer than this are not searched for: no hand-made reconstruction has so many steps. */
const maxSteps = 64;

export function planReconstructions(map: ArgumentMap): ReconstructionPlan {
  let found = findReconstructions(map);
  // Relations under numbered statements are tree relations: the reader numbers them by their place
  // among all relation lines and steps (`r1`, `r2`, …), which the plan itself shifts; a reconstruction
  // whose relations would come back with other ids is not written as one.
  for (let round = 0; round < 8; round++) {
    const wrong = misnumbered(map.relations, found);
    if (wrong.size === 0) return planOf(found);
    found = found.filter((f) => !wrong.has(f));
  }
  return planOf(found.filter((f) => f.reconstruction.under.size === 0));
}

function findReconstructions(map: ArgumentMap): Found[] {
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const relations = map.relations;
  const undercut = new Set(relations.filter((r) => r.type === 'undercut').map((r) => r.to));
  const into = new Map<NodeId, number[]>();
  relations.forEach((r, i) => {
    if (r.type === 'undercut') return;
    const list = into.get(r.to);
    if (list) list.push(i);
    else into.set(r.to, [i]);
  });
  const found: Found[] = [];
  const taken = new Set<RelationId>();
  const strict = isStrict(map.extra) || hasStrictKinds(map);
  const search: Search = { relations, nodes, undercut, taken, strict };
  const take = (f: Found) => {
    found.push(f);
    for (const r of [...f.reconstruction.steps, ...[...f.reconstruction.under.values()].flat()])
      taken.add(r.id);
    if (f.bearing !== undefined) taken.add(f.bearing);
  };
  for (const node of map.nodes) {
    if (node.type !== 'argument' || !node.premises?.length || node.conclusion === undefined) continue;
    for (const j of into.get(node.conclusion) ?? []) {
      const f = argumentRun(node, j, search);
      if (f) {
        take(f);
        break;
      }
    }
  }
  relations.forEach((relation, j) => {
    const steps = namedRun(relations, j, taken);
    if (steps && chainOf(steps, nodes) && !steps.slice(0, -1).some((s) => undercut.has(s.id))) {
      const reconstruction = {
        argument: undefined,
        idBase: relation.id,
        title: relation.id,
        steps,
        under: new Map(),
      };
      take({ reconstruction, bearing: undefined });
    }
  });
  return found;
}

/** The reconstructions with a relation under a statement whose id is not the number the reader gives it. */
function misnumbered(relations: readonly Relation[], found: readonly Found[]): Set<Found> {
  const bearings = new Set(found.flatMap((f) => (f.bearing !== undefined ? [f.bearing] : [])));
  const ids = new Set(relations.map((r) => r.id));
  const position = new Map<RelationId, number>();
  let records = 0;
  for (const r of relations) {
    if (bearings.has(r.id) || (r.type === 'undercut' && !ids.has(r.to))) continue;
    position.set(r.id, records++);
  }
  return new Set(
    found.filter((f) =>
      [...f.reconstruction.under.values()].flat().some((r) => r.id !== `r${position.get(r.id)! + 1}`),
    ),
  );
}

function planOf(found: readonly Found[]): ReconstructionPlan {
  const byFirstStep = new Map<RelationId, PlannedReconstruction>();
  const byLastStep = new Map<RelationId, PlannedReconstruction>();
  const covered = new Set<RelationId>();
  const reconstructed = new Set<NodeId>();
  for (const { reconstruction, bearing } of found) {
    const { steps } = reconstruction;
    byFirstStep.set(steps[0]!.id, reconstruction);
    byLastStep.set(steps[steps.length - 1]!.id, reconstruction);
    for (const step of steps.slice(1)) covered.add(step.id);
    for (const r of [...reconstruction.under.values()].flat()) covered.add(r.id);
    if (bearing !== undefined) covered.add(bearing);
    if (reconstruction.argument !== undefined) reconstructed.add(reconstruction.argument);
  }
  return { byFirstStep, byLastStep, covered, reconstructed };
}

interface Search {
  readonly relations: readonly Relation[];
  readonly nodes: ReadonlyMap<NodeId, MapNode>;
  readonly undercut: ReadonlySet<RelationId>;
  readonly taken: ReadonlySet<RelationId>;
  /** The map is written in Argdown's strict mode (strict-mode.ts). */
  readonly strict: boolean;
}

/**
 * The run of steps that ends at relation `j` in the argument's conclusion and has exactly its premises
 * (with relations of its statements between the steps), followed by the relation of the argument to its
 * conclusion the reader would draw, or with that relation stated elsewhere. A relation into a step's first
 * premise may be the step before or a relation written under that premise: both are tried, nearest first,
 * within a budget of tries.
 */
function argumentRun(
  node: MapNode & { readonly type: 'argument' },
  j: number,
  search: Search,
): Found | undefined {
  const { relations, nodes, undercut, taken, strict } = search;
  const premises = node.premises!;
  let budget = 256;
  const extend = (steps: Relation[], gaps: Relation[][], next: number): Found | undefined => {
    if (--budget < 0 || steps.length > maxSteps) return undefined;
    const chain = chainOf(steps, nodes);
    if (!chain) return undefined;
    const under = sameList(chain.premises, premises) ? relationsUnder(steps, gaps, nodes, strict) : undefined;
    if (under) {
      const bearing = bearingOf(node.id, steps[steps.length - 1]!, relations[j + 1], search);
      if (bearing === false) return undefined;
      const reconstruction = {
        argument: node.id,
        idBase: `${node.id}-inference`,
        title: undefined,
        steps,
        under,
      };
      return { reconstruction, bearing };
    }
    const gap: Relation[] = [];
    for (let k = next; k >= 0 && gap.length <= maxSteps; k--) {
      const r = relations[k]!;
      if (taken.has(r.id) || undercut.has(r.id)) return undefined;
      if (r.type !== 'undercut' && r.to === steps[0]!.from[0]) {
        const found = extend([r, ...steps], [[...gap], ...gaps], k - 1);
        if (found) return found;
      }
      gap.unshift(r);
    }
    return undefined;
  };
  const last = relations[j]!;
  return taken.has(last.id) ? undefined : extend([last], [], j - 1);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
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
    next.type === (isAttackKind(last.type) ? 'attack' : 'support') &&
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

/** Steps with ids `b-step-1`, …, `b-step-n`, `b` ending at `j`, not planned yet (n = 0 for `argument`). */
function namedRun(
  relations: readonly Relation[],
  j: number,
  taken: ReadonlySet<RelationId>,
): Relation[] | undefined {
  const base = relations[j]!.id;
  const before = relations[j - 1];
  // One step: the id the reader gives the inference of an untitled reconstruction (`argument`, `argument-2`).
  const alone = /^argument(?:-\d+)?$/.test(base) && !taken.has(base) ? [relations[j]!] : undefined;
  const n = before !== undefined ? stepNumber(before.id, base) : undefined;
  if (n === undefined) return alone;
  if (n === undefined || n >= j + 1 || n > maxSteps) return undefined;
  const steps = relations.slice(j - n, j + 1);
  const named = steps.every((s, i) => (i < n ? s.id === `${base}-step-${i + 1}` : true));
  return named && !steps.some((s) => taken.has(s.id)) ? steps : undefined;
}

function stepNumber(id: string, base: string): number | undefined {
  if (!id.startsWith(`${base}-step-`)) return undefined;
  const rest = id.slice(base.length + 6);
  return /^[1-9]\d{0,3}$/.test(rest) ? Number(rest) : undefined;
}
