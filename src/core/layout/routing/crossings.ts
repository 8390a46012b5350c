import type { NodeId } from '../../model/types.ts';
import { PLACES } from './search-effort.ts';

/**
 * A tree connector's line through a gap: from its premises' junction below to its target above. (Classes here
 * and for passes: a large map makes them by the ten thousand, and class instances allocate fastest.)
 */
export class GapLine {
  constructor(
    readonly gap: number,
    /** Breadth of its lower end: the junction above its premises. */
    readonly low: number,
    /** Breadth where it crosses the lanes routes run along (it leans from `low` towards `high`). */
    readonly lane: number,
    /** Breadth of its upper end: its target's column, or the middle of the connector an undercut attacks. */
    readonly high: number,
    /** Premises the line carries: crossing a shared line crosses each premise's edge. */
    readonly weight: number,
    /**
     * The boxes it joins, its premises and its target: a route from or to one of them meets it at that box,
     * which is no crossing.
     */
    readonly premises: readonly { readonly id: NodeId }[],
    readonly target: NodeId,
  ) {}
}

/** Where across a gap a line's breadth is taken: at its lower side (junctions), the lanes, its upper side. */
export type Depth = 0 | 1 | 2;
export const BOTTOM: Depth = 0;
const LANE: Depth = 1;
export const TOP: Depth = 2;

/**
 * A crossing costs 1; a route's length along breadth this much per px (300 px of detour are worth one crossing
 * less), so that routes do not wander around the map to save a crossing.
 */
export const LENGTH_COST = 1 / 300;
/** Each change of breadth costs a third of a crossing, so routes run straight and turn once where they can. */
export const TURN_COST = 0.3;
/**
 * A crossing with an earlier route, against one with a tree line: less, because routes planned later may
 * still move out of the way, and runs along a gap are ordered among each other afterwards (`assignTracks`).
 */
export const ROUTE_WEIGHT = 0.7;

/**
 * The crossings a route's steps cost (see `RouteSearch` for the model): with the tree connectors' lines, by
 * their ranks at each side of a gap and at its lane, and with earlier routes, by the places where they go
 * straight across a gap and the ends of their runs along it.
 */
export class Crossings {
  /**
   * Per gap, the breadths of its lines' lower and upper ends, ascending, each repeated by the line's weight:
   * the weight of the lines below a breadth is its rank.
   */
  private readonly low: (Float64Array | undefined)[] = [];
  private readonly lane: (Float64Array | undefined)[] = [];
  private readonly high: (Float64Array | undefined)[] = [];
  /** The lines at each box they join, built when the first route asks. */
  private linesAt: Map<NodeId, GapLine[]> | undefined;
  /** The route's own lines, by gap (a handful of gaps near its ends). */
  private ownGaps: number[] = [];
  private ownLines: GapLine[][] = [];
  /**
   * Earlier routes, per gap: the breadths where they go straight across it, and the two ends of their runs
   * along it, each ascending. A route running along a gap crosses the earlier ones going straight across it,
   * and one going straight across crosses the runs spanning its breadth.
   */
  private readonly across: number[][] = [];
  private readonly runStart: number[][] = [];
  private readonly runEnd: number[][] = [];
  /**
   * `ends`: the boxes routes start or end at (the only ones whose lines a route leaves out, so the only ones
   * indexed).
   */
  constructor(
    private readonly lines: readonly GapLine[],
    private readonly ends: ReadonlySet<NodeId>,
  ) {
    const byGap: GapLine[][] = [];
    for (const line of lines) (byGap[line.gap] ??= []).push(line);
    for (let g = 0; g < byGap.length; g++) {
      const list = byGap[g];
      this.low[g] = list && weightedBreadths(list, (line) => line.low);
      this.lane[g] = list && weightedBreadths(list, (line) => line.lane);
      this.high[g] = list && weightedBreadths(list, (line) => line.high);
    }
  }

  /**
   * Cost of a step across `gap`: in from its upper side (`enterTop`) or lower side at breadth a, along the lane
   * to b, out at its upper side (`leaveTop`) or lower side. Going between the lane and the lower side crosses
   * the leaning lines.
   */
  stepCost(gap: number, enterTop: boolean, a: number, leaveTop: boolean, b: number): number {
    const laneA = this.weightBelow(gap, LANE, a);
    const laneB = a === b ? laneA : this.weightBelow(gap, LANE, b);
    const c =
      Math.abs(this.weightBelow(gap, enterTop ? TOP : BOTTOM, a) - laneA) +
      Math.abs(laneA - laneB) +
      Math.abs(laneB - this.weightBelow(gap, leaveTop ? TOP : BOTTOM, b));
    if (a === b) return enterTop === leaveTop ? c : c + ROUTE_WEIGHT * this.runsOver(gap, a);
    return c + ROUTE_WEIGHT * this.acrossBetween(gap, a, b) + LENGTH_COST * Math.abs(a - b) + TURN_COST;
  }

  /** Earlier routes going straight across `gap` strictly between breadths a and b. */
  private acrossBetween(gap: number, a: number, b: number): number {
    const across = this.across[gap];
    if (!across) return 0;
    return a < b
      ? rank(across, b, false) - rank(across, a, true)
      : rank(across, a, false) - rank(across, b, true);
  }

  /** Earlier routes' runs along `gap` spanning breadth x. */
  private runsOver(gap: number, x: number): number {
    const starts = this.runStart[gap];
    return starts ? rank(starts, x, false) - rank(this.runEnd[gap]!, x, true) : 0;
  }

  /**
   * Takes note of a route's step across `gap`: straight across at a (a === b), or along it from a to b, so
   * that later routes cross it as few times as they can.
   */
  occupy(gap: number, a: number, b: number): void {
    if (a === b) insertSorted((this.across[gap] ??= []), a);
    else {
      insertSorted((this.runStart[gap] ??= []), Math.min(a, b));
      insertSorted((this.runEnd[gap] ??= []), Math.max(a, b));
    }
  }

  /** For each of n places, in `out` (three per place): earlier routes across `gap` below it, at or below it, and runs over it. */
  rankRoutes(gap: number, places: Float64Array, offset: number, n: number, out: Float64Array): void {
    const across = this.across[gap];
    for (let k = 0; k < n; k++) {
      const x = places[offset + k]!;
      out[3 * k] = across ? rank(across, x, false) : 0;
      out[3 * k + 1] = across ? rank(across, x, true) : 0;
      out[3 * k + 2] = this.runsOver(gap, x);
    }
  }

  /**
   * For each of n places: the weight of the lines (other than the route's own) below it at the lane, and of
   * those leaning across it between the lane and the gap's side `side` (crossed going straight between them).
   */
  rankPlaces(
    gap: number,
    side: Depth,
    places: Float64Array,
    offset: number,
    n: number,
    lane: Float64Array,
    leg: Float64Array,
  ): void {
    // The gap's tables and the route's own lines in it are looked up once for all the places.
    const lanes = this.lane[gap];
    const sides = side === TOP ? this.high[gap] : this.low[gap];
    const ownAt = this.ownGaps.indexOf(gap);
    const own = ownAt >= 0 ? this.ownLines[ownAt] : undefined;
    for (let k = 0; k < n; k++) {
      const x = places[offset + k]!;
      lane[k] = weightBelowIn(lanes, own, LANE, x);
      leg[k] = Math.abs(weightBelowIn(sides, own, side, x) - lane[k]!);
    }
  }

  /** Weight of the lines of `gap` other than the route's own whose breadth at depth `at` lies below x. */
  private weightBelow(gap: number, at: Depth, x: number): number {
    const breadths = at === LANE ? this.lane[gap] : at === TOP ? this.high[gap] : this.low[gap];
    const own = this.ownGaps.indexOf(gap);
    return weightBelowIn(breadths, own >= 0 ? this.ownLines[own] : undefined, at, x);
  }

  /** Takes the lines joining a route's ends, by gap: the route's own, which it meets and does not cross. */
  collectOwnLines(from: NodeId, to: NodeId | undefined): void {
    this.ownGaps = [];
    this.ownLines = [];
    const linesAt = (this.linesAt ??= indexByEnd(this.lines, this.ends));
    for (const id of to === undefined ? [from] : [from, to]) {
      for (const line of linesAt.get(id) ?? []) {
        const at = this.ownGaps.indexOf(line.gap);
        if (at >= 0) {
          // A line joining both ends is listed once.
          if (!this.ownLines[at]!.includes(line)) this.ownLines[at]!.push(line);
        } else {
          this.ownGaps.push(line.gap);
          this.ownLines.push([line]);
        }
      }
    }
  }
}

/**
 * Weight of the lines whose breadth at depth `at` lies below x (`breadths`, see `Crossings`), less the route's
 * own lines among them.
 */
function weightBelowIn(
  breadths: Float64Array | undefined,
  own: readonly GapLine[] | undefined,
  at: Depth,
  x: number,
): number {
  if (!breadths) return 0;
  let lo = 0;
  let hi = breadths.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breadths[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  let weight = lo;
  if (own)
    for (const line of own)
      if ((at === LANE ? line.lane : at === TOP ? line.high : line.low) < x) weight -= line.weight;
  return weight;
}

/** The lines at each of the given boxes. */
function indexByEnd(lines: readonly GapLine[], ends: ReadonlySet<NodeId>): Map<NodeId, GapLine[]> {
  const index = new Map<NodeId, GapLine[]>();
  const add = (id: NodeId, line: GapLine) => {
    if (!ends.has(id)) return;
    const list = index.get(id);
    if (list) list.push(line);
    else index.set(id, [line]);
  };
  for (const line of lines) {
    for (const premise of line.premises) add(premise.id, line);
    add(line.target, line);
  }
  return index;
}

/** The lines' breadths at one end, ascending, each as many times as the line's weight. */
function weightedBreadths(lines: readonly GapLine[], breadth: (line: GapLine) => number): Float64Array {
  let count = 0;
  for (const line of lines) count += line.weight;
  const out = new Float64Array(count);
  let i = 0;
  for (const line of lines) for (let w = 0; w < line.weight; w++) out[i++] = breadth(line);
  return out.sort();
}

/** How many of the sorted values lie below x (or at or below it, if `inclusive`). */
function rank(sorted: readonly number[], x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x || (inclusive && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(sorted: number[], x: number): void {
  sorted.splice(rank(sorted, x, true), 0, x);
}

/**
 * What a step between two layers of the search weighs, per place of each (`rankPlaces` and `rankRoutes` fill
 * them): weights of other lines below it at the lane and at the junctions, and earlier routes across the gap
 * below it and at it and runs over it (three per place). Reused from step to step.
 */
export class StepRanks {
  readonly fromLane = new Float64Array(PLACES);
  readonly fromLeg = new Float64Array(PLACES);
  readonly toLane = new Float64Array(PLACES);
  readonly toLeg = new Float64Array(PLACES);
  readonly fromAcross = new Float64Array(PLACES * 3);
  readonly toAcross = new Float64Array(PLACES * 3);
}

/**
 * Earlier routes crossed by a step from place j (route figures in `from`, see `rankRoutes`) to place k (in
 * `to`): going straight across (`through`, a === b) crosses the runs over it; running along from a to b
 * crosses the routes across the gap between.
 */
export function routesCrossed(
  from: Float64Array,
  j: number,
  to: Float64Array,
  k: number,
  a: number,
  b: number,
  through: boolean,
): number {
  if (a === b) return through ? from[3 * j + 2]! : 0;
  return a < b ? to[3 * k]! - from[3 * j + 1]! : from[3 * j]! - to[3 * k + 1]!;
}
