import type { NodeId } from '../../model/types.ts';

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

/** A route's passage through a row, upwards or downwards, at breadth `b`. */
export class Pass {
  constructor(
    readonly row: number,
    readonly up: boolean,
    readonly b: number,
  ) {}
}

/** Free places in the rows, from the router. */
export interface RowPlaces {
  /** The occupied span of a row (boxes and their margin) that breadth x falls in: its index, or -1. */
  spanAt(level: number, x: number): number;
  /** The left and right ends of span i of a row. */
  spanLeft(level: number, i: number): number;
  spanRight(level: number, i: number): number;
  /** The free place nearest breadth x in a row. */
  freeAt(level: number, x: number): number;
  /** Whether leaving a box of the row upwards at breadth x would cross a group title. */
  topBlocked(level: number, x: number): boolean;
}

/** Where across a gap a line's breadth is taken: at its lower side (junctions), the lanes, its upper side. */
type Depth = 0 | 1 | 2;
const BOTTOM: Depth = 0;
const LANE: Depth = 1;
const TOP: Depth = 2;

/** How thorough the search is: places considered per row, and rows a route may rise above its end. */
export interface SearchEffort {
  readonly places: number;
  readonly rise: number;
}

/** Maps up to this many boxes get the thorough search: six places per row, rising up to six rows. */
const THOROUGH_UP_TO = 5000;
/** Up to this many, a quick one; beyond, plain routes (each row passed nearest the straight line). */
const SEARCHED_UP_TO = 20000;

/**
 * How thoroughly routes are searched on a map of `boxes` boxes. The quick search weighs two places per row,
 * nearest the start's column and nearest the end's: a route keeps to one column, turns once where that
 * crosses fewest, and keeps to the other. On the 10,000-box benchmark map (500 cross-links spanning 26 rows on
 * average) that crosses about as few lines as the thorough search (29,312 against 28,650 drawn crossings; plain
 * routes 47,381) at a fraction of its cost (`npm run bench`).
 */
export const effortFor = (boxes: number): SearchEffort =>
  boxes <= THOROUGH_UP_TO
    ? { places: 6, rise: 6 }
    : boxes <= SEARCHED_UP_TO
      ? { places: 2, rise: 0 }
      : { places: 1, rise: 0 };

/**
 * A crossing costs 1; a route's length along breadth this much per px (300 px of detour are worth one crossing
 * less), so that routes do not wander around the map to save a crossing.
 */
const LENGTH_COST = 1 / 300;
/** Each change of breadth costs a third of a crossing, so routes run straight and turn once where they can. */
const TURN_COST = 0.3;
/** Places a route considers in each row, at most (the stride of the layers' arrays). */
const PLACES = 6;
/**
 * Rows above its end a route may rise, at most, to run along a gap there and come back down beside the end:
 * higher gaps are emptier, but a route climbing further is hard to follow.
 */
const RISE = 6;
/**
 * A crossing with an earlier route, against one with a tree line: less, because routes planned later may
 * still move out of the way, and runs along a gap are ordered among each other afterwards (`assignTracks`).
 */
const ROUTE_WEIGHT = 0.7;

/**
 * The search for a route that crosses few tree connectors and few earlier routes (see `Router`).
 *
 * Cost model. Routes run along a gap in a band near its top (the "lane" here is the band's middle; the
 * routes' tracks in it are set later), where the tree connectors' lines have nearly reached their targets;
 * below that, lines lean over from their junctions. Tree lines never cross each other, so their order is the
 * same at both ends, and the lines a route crosses are counted by ranks: running along from a to b crosses the
 * lines whose target lies between (a difference of running weights), and going straight between the lane and
 * the row below at b crosses the lines leaning across b (the difference between b's rank among targets and
 * among junctions). A route's own ends' lines are left out: meeting them is no crossing. Earlier routes are
 * counted the same way, by ranks among the places where they go straight across a gap and among their runs'
 * ends (ROUTE_WEIGHT). Everything is a few binary searches per place, no geometry.
 *
 * Search. Dynamic programming row by row: each row offers a few free places (nearest the start's column, the
 * end's column and the straight line, both sides of the boxes there, and straight on from the places before),
 * and keeps the cheapest way to each. Going up, a route may also leave its box through the bottom and pass
 * beside it, and may rise past its end's row (up to RISE rows) to run along a gap there and come back down
 * beside the end; those descents are searched from the end backwards and joined to the rising layers. Layers
 * live in typed arrays reused from route to route: a large map routes hundreds of links through dozens of
 * rows each.
 */
export class RouteSearch {
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
  // Layers rising from the start: places, cheapest costs and the place before, PLACES slots per layer.
  private place = new Float64Array(64 * PLACES);
  private cost = new Float64Array(64 * PLACES);
  private back = new Int32Array(64 * PLACES);
  private size = new Int32Array(64);
  // Layers descending to the end (index: rows above the end's gap), same layout.
  private readonly downPlace = new Float64Array((RISE + 1) * PLACES);
  private readonly downCost = new Float64Array((RISE + 1) * PLACES);
  private readonly downNext = new Int32Array((RISE + 1) * PLACES);
  private readonly downSize = new Int32Array(RISE + 1);
  /** Per place of the two rows a step joins: weights of other lines below it at the lane and at the junctions. */
  private readonly fromLane = new Float64Array(PLACES);
  private readonly fromLeg = new Float64Array(PLACES);
  private readonly toLane = new Float64Array(PLACES);
  private readonly toLeg = new Float64Array(PLACES);

  /**
   * Earlier routes, per gap: the breadths where they go straight across it, and the two ends of their runs
   * along it, each ascending. A route running along a gap crosses the earlier ones going straight across it,
   * and one going straight across crosses the runs spanning its breadth.
   */
  private readonly across: number[][] = [];
  private readonly runStart: number[][] = [];
  private readonly runEnd: number[][] = [];
  /** Per place of the two rows a step joins: earlier routes across the gap below and at it, runs over it. */
  private readonly fromAcross = new Float64Array(PLACES * 3);
  private readonly toAcross = new Float64Array(PLACES * 3);

  private readonly limit: number;
  private readonly rise: number;

  /**
   * `ends`: the boxes routes start or end at (the only ones whose lines a route leaves out, so the only ones
   * indexed).
   */
  constructor(
    private readonly lines: readonly GapLine[],
    private readonly rows: RowPlaces,
    effort: SearchEffort,
    private readonly ends: ReadonlySet<NodeId>,
  ) {
    this.limit = Math.min(PLACES, effort.places);
    this.rise = Math.min(RISE, effort.rise);
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
   * The passes of the cheapest route from a box (at `fromB` in row `fromLevel`) to a point reached from gap
   * `endGap`, at breadth `endB`: first the start's own row (left at `fromB`, or beside the box), then each row
   * passed, upwards or downwards.
   */
  find(
    from: NodeId,
    fromLevel: number,
    fromB: number,
    to: NodeId | undefined,
    endB: number,
    endGap: number,
  ): Pass[] {
    const trip = new Trip(fromLevel, fromB, endB, endGap);
    if (this.limit === 1) return this.plainPasses(trip);
    this.collectOwnLines(from, to);
    this.fillStart(trip);
    // Straight in: through the gap below the end from the row under it (or, coming down, after turning in it).
    const last = this.risingLayer(trip, trip.up ? endGap : endGap - 1);
    const best = this.straightIn(trip, last);
    if (trip.up) this.turnAbove(trip, best);
    return this.walkBack(trip, best, last);
  }

  /** No choice to weigh: each row passed at the free place nearest the straight line. */
  private plainPasses(trip: Trip): Pass[] {
    const { fromLevel, fromB, endB, endGap, up, span } = trip;
    const passes: Pass[] = [new Pass(fromLevel, up, fromB)];
    const last = up ? fromLevel - endGap : endGap - 1 - fromLevel;
    for (let i = 1; i <= last; i++) {
      const row = trip.rowOf(i);
      passes.push(new Pass(row, up, this.rows.freeAt(row, fromB + ((endB - fromB) * i) / span)));
    }
    return passes;
  }

  /**
   * Layer 0: the start, out of the top (going up, unless a group title is over it) or the bottom; going up,
   * also round beside the box.
   */
  private fillStart({ fromLevel, fromB, up }: Trip): void {
    let count = 1;
    this.place[0] = fromB;
    this.cost[0] = up && this.rows.topBlocked(fromLevel, fromB) ? Infinity : 0;
    this.back[0] = -1;
    if (up) {
      const beside = this.rows.spanAt(fromLevel, fromB);
      if (beside >= 0)
        for (const b of [this.rows.spanLeft(fromLevel, beside), this.rows.spanRight(fromLevel, beside)]) {
          this.place[count] = b;
          this.cost[count] = this.stepCost(fromLevel + 1, true, fromB, true, b);
          this.back[count] = -1;
          count++;
        }
    }
    this.size[0] = count;
  }

  /** The index of the rising layer of row `row`, computing the layers up to it on first use. */
  private risingLayer(trip: Trip, row: number): number {
    const { fromLevel, fromB, endB, up, span } = trip;
    const wanted = Math.abs(fromLevel - row);
    for (; trip.layers <= wanted; trip.layers++) {
      const i = trip.layers;
      const ideal = fromB + (endB - fromB) * Math.min(1, i / span);
      this.fillPlaces(trip.rowOf(i), ideal, fromB, endB, i - 1);
      this.reach(i, up ? trip.rowOf(i) + 1 : trip.rowOf(i), !up, up);
    }
    return wanted;
  }

  /** The cheapest way straight in to the end from the places of layer `last`, across the gap below the end. */
  private straightIn(trip: Trip, last: number): BestWay {
    const best = new BestWay();
    for (let j = 0; j < this.size[last]!; j++) {
      const c =
        this.cost[last * PLACES + j]! +
        this.stepCost(trip.endGap, !trip.up, this.place[last * PLACES + j]!, true, trip.endB);
      if (c < best.cost) {
        best.cost = c;
        best.from = j;
      }
    }
    return best;
  }

  /**
   * Over the end's row: down beside the end from a row above it (searched from the end backwards), joined to
   * the rising layer of that row by a turn along the gap above it. Updates `best` where that is cheaper.
   */
  private turnAbove(trip: Trip, best: BestWay): void {
    const { endB, endGap } = trip;
    for (let row = endGap - 1, d = 0; row >= Math.max(1, endGap - this.rise); row--, d++) {
      this.fillDescent(d, row, endB, endGap);
      const rising = this.risingLayer(trip, row);
      let cheapest = Infinity;
      for (let j = 0; j < this.size[rising]!; j++)
        cheapest = Math.min(cheapest, this.cost[rising * PLACES + j]!);
      if (cheapest >= best.cost) break;
      this.joinTurn(rising, d, row, best);
    }
  }

  /**
   * The turn from rising layer `rising` to descent d along the gap above row `row`: in and out on its lower
   * side, across the leaning lines. Updates `best` where a turn is cheaper.
   */
  private joinTurn(rising: number, d: number, row: number, best: BestWay): void {
    const n = this.size[rising]!;
    const m = this.downSize[d]!;
    this.rankPlaces(row, BOTTOM, this.place, rising * PLACES, n, this.fromLane, this.fromLeg);
    this.rankPlaces(row, BOTTOM, this.downPlace, d * PLACES, m, this.toLane, this.toLeg);
    this.rankRoutes(row, this.place, rising * PLACES, n, this.fromAcross);
    this.rankRoutes(row, this.downPlace, d * PLACES, m, this.toAcross);
    for (let k = 0; k < m; k++) {
      const b = this.downPlace[d * PLACES + k]!;
      const rest = this.toLeg[k]! + this.downCost[d * PLACES + k]!;
      for (let j = 0; j < n; j++) {
        const a = this.place[rising * PLACES + j]!;
        let c =
          this.cost[rising * PLACES + j]! +
          this.fromLeg[j]! +
          Math.abs(this.fromLane[j]! - this.toLane[k]!) +
          rest +
          ROUTE_WEIGHT * routesCrossed(this.fromAcross, j, this.toAcross, k, a, b, false);
        if (a !== b) c += LENGTH_COST * Math.abs(a - b) + TURN_COST;
        if (c < best.cost) {
          best.cost = c;
          best.from = j;
          best.turnRow = row;
          best.turnDown = k;
        }
      }
    }
  }

  /** The passes of the best way: back along the rising layers to the start, then down to the end if it turned above it. */
  private walkBack(trip: Trip, best: BestWay, last: number): Pass[] {
    const { fromLevel, up, endGap } = trip;
    const risenTo = best.turnRow >= 0 ? Math.abs(fromLevel - best.turnRow) : last;
    const passes: Pass[] = new Array<Pass>(risenTo + 1);
    for (let i = risenTo, j = best.from; i >= 0; i--) {
      const b = this.place[i * PLACES + j]!;
      // Layer 0 is the start's own row: left straight out (at fromB), or up beside the box.
      passes[i] = new Pass(trip.rowOf(i), up, b);
      j = this.back[i * PLACES + j]!;
    }
    if (best.turnRow >= 0)
      for (let row = best.turnRow, k = best.turnDown; row < endGap; row++) {
        const d = endGap - 1 - row;
        passes.push(new Pass(row, false, this.downPlace[d * PLACES + k]!));
        k = this.downNext[d * PLACES + k]!;
      }
    return passes;
  }

  /**
   * Cost of a step across `gap`: in from its upper side (`enterTop`) or lower side at breadth a, along the lane
   * to b, out at its upper side (`leaveTop`) or lower side. Going between the lane and the lower side crosses
   * the leaning lines.
   */
  private stepCost(gap: number, enterTop: boolean, a: number, leaveTop: boolean, b: number): number {
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
  private rankRoutes(gap: number, places: Float64Array, offset: number, n: number, out: Float64Array): void {
    const across = this.across[gap];
    for (let k = 0; k < n; k++) {
      const x = places[offset + k]!;
      out[3 * k] = across ? rank(across, x, false) : 0;
      out[3 * k + 1] = across ? rank(across, x, true) : 0;
      out[3 * k + 2] = this.runsOver(gap, x);
    }
  }

  /**
   * Layer i from layer i - 1 across `gap`: for each candidate place (already in `candidates`), the cheapest
   * way from a place of the layer before.
   */
  private reach(i: number, gap: number, enterTop: boolean, leaveTop: boolean): void {
    const before = i - 1;
    const n = this.size[before]!;
    const m = this.size[i]!;
    this.rankPlaces(
      gap,
      enterTop ? TOP : BOTTOM,
      this.place,
      before * PLACES,
      n,
      this.fromLane,
      this.fromLeg,
    );
    this.rankPlaces(gap, leaveTop ? TOP : BOTTOM, this.place, i * PLACES, m, this.toLane, this.toLeg);
    this.rankRoutes(gap, this.place, before * PLACES, n, this.fromAcross);
    this.rankRoutes(gap, this.place, i * PLACES, m, this.toAcross);
    for (let k = 0; k < m; k++) {
      const b = this.place[i * PLACES + k]!;
      const laneB = this.toLane[k]!;
      const out = this.toLeg[k]!;
      let best = Infinity;
      let bestFrom = 0;
      for (let j = 0; j < n; j++) {
        const a = this.place[before * PLACES + j]!;
        let c =
          this.cost[before * PLACES + j]! + this.fromLeg[j]! + Math.abs(this.fromLane[j]! - laneB) + out;
        c += ROUTE_WEIGHT * routesCrossed(this.fromAcross, j, this.toAcross, k, a, b, true);
        if (a !== b) c += LENGTH_COST * Math.abs(a - b) + TURN_COST;
        if (c < best) {
          best = c;
          bestFrom = j;
        }
      }
      this.cost[i * PLACES + k] = best;
      this.back[i * PLACES + k] = bestFrom;
    }
  }

  /** Descent d: row `row`, passed downwards, d rows above the end's gap, with the cheapest way on to the end. */
  private fillDescent(d: number, row: number, endB: number, endGap: number): void {
    const at = d * PLACES;
    let m = this.addBeside(this.downPlace, at, 0, row, endB);
    if (d > 0)
      for (let k = 0; k < this.downSize[d - 1]!; k++)
        m = addPlace(
          this.downPlace,
          at,
          m,
          this.rows.freeAt(row, this.downPlace[(d - 1) * PLACES + k]!),
          this.limit,
        );
    this.downSize[d] = m;
    if (d === 0) {
      // Out of the bottom of the end's row, along the gap below it and up into the end.
      for (let k = 0; k < m; k++) {
        this.downCost[k] = this.stepCost(endGap, true, this.downPlace[k]!, true, endB);
        this.downNext[k] = -1;
      }
      return;
    }
    // Down across the gap below the row: in at its upper side, along the lane, out at its lower side across
    // the leaning lines.
    const below = (d - 1) * PLACES;
    const n = this.downSize[d - 1]!;
    this.rankPlaces(row + 1, TOP, this.downPlace, at, m, this.fromLane, this.fromLeg);
    this.rankPlaces(row + 1, BOTTOM, this.downPlace, below, n, this.toLane, this.toLeg);
    this.rankRoutes(row + 1, this.downPlace, at, m, this.fromAcross);
    this.rankRoutes(row + 1, this.downPlace, below, n, this.toAcross);
    for (let k = 0; k < m; k++) {
      const a = this.downPlace[at + k]!;
      let best = Infinity;
      let bestTo = 0;
      for (let j = 0; j < n; j++) {
        const b = this.downPlace[below + j]!;
        let c =
          this.fromLeg[k]! +
          Math.abs(this.fromLane[k]! - this.toLane[j]!) +
          this.toLeg[j]! +
          this.downCost[below + j]! +
          ROUTE_WEIGHT * routesCrossed(this.fromAcross, k, this.toAcross, j, a, b, true);
        if (a !== b) c += LENGTH_COST * Math.abs(a - b) + TURN_COST;
        if (c < best) {
          best = c;
          bestTo = j;
        }
      }
      this.downCost[at + k] = best;
      this.downNext[at + k] = bestTo;
    }
  }

  /** Candidate places of layer i in `row`: at and beside the boxes at the anchors, then straight on from layer `before`. */
  private fillPlaces(row: number, ideal: number, start: number, end: number, before: number): void {
    const i = before + 1;
    this.ensureLayers(i + 1);
    const at = i * PLACES;
    // First the free places nearest the start's column, the end's column and the straight line (a route
    // keeping to its start's or end's column turns once and crosses other routes least), then both sides of
    // the boxes there.
    let m = addPlace(this.place, at, 0, this.rows.freeAt(row, start), this.limit);
    m = addPlace(this.place, at, m, this.rows.freeAt(row, end), this.limit);
    m = addPlace(this.place, at, m, this.rows.freeAt(row, ideal), this.limit);
    m = this.addBeside(this.place, at, m, row, ideal);
    m = this.addBeside(this.place, at, m, row, start);
    m = this.addBeside(this.place, at, m, row, end);
    for (let j = 0; j < this.size[before]! && m < this.limit; j++)
      m = addPlace(this.place, at, m, this.rows.freeAt(row, this.place[before * PLACES + j]!), this.limit);
    this.size[i] = m;
  }

  /** Adds the free places beside the boxes at `anchor` (or the anchor itself if free) to a layer of m places. */
  private addBeside(places: Float64Array, at: number, m: number, row: number, anchor: number): number {
    const span = this.rows.spanAt(row, anchor);
    if (span < 0) return addPlace(places, at, m, anchor, this.limit);
    m = addPlace(places, at, m, this.rows.spanLeft(row, span), this.limit);
    return addPlace(places, at, m, this.rows.spanRight(row, span), this.limit);
  }

  private ensureLayers(layers: number): void {
    if (this.size.length >= layers) return;
    const capacity = layers * 2;
    const place = new Float64Array(capacity * PLACES);
    const cost = new Float64Array(capacity * PLACES);
    const back = new Int32Array(capacity * PLACES);
    const size = new Int32Array(capacity);
    place.set(this.place);
    cost.set(this.cost);
    back.set(this.back);
    size.set(this.size);
    [this.place, this.cost, this.back, this.size] = [place, cost, back, size];
  }

  /**
   * For each of n places: the weight of the lines (other than the route's own) below it at the lane, and of
   * those leaning across it between the lane and the gap's side `side` (crossed going straight between them).
   */
  private rankPlaces(
    gap: number,
    side: Depth,
    places: Float64Array,
    offset: number,
    n: number,
    lane: Float64Array,
    leg: Float64Array,
  ): void {
    for (let k = 0; k < n; k++) {
      const x = places[offset + k]!;
      lane[k] = this.weightBelow(gap, LANE, x);
      leg[k] = Math.abs(this.weightBelow(gap, side, x) - lane[k]!);
    }
  }

  /** Weight of the lines of `gap` other than the route's own whose breadth at depth `at` lies below x. */
  private weightBelow(gap: number, at: Depth, x: number): number {
    const breadths = at === LANE ? this.lane[gap] : at === TOP ? this.high[gap] : this.low[gap];
    if (!breadths) return 0;
    let lo = 0;
    let hi = breadths.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breadths[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    let weight = lo;
    const own = this.ownGaps.indexOf(gap);
    if (own >= 0)
      for (const line of this.ownLines[own]!)
        if ((at === LANE ? line.lane : at === TOP ? line.high : line.low) < x) weight -= line.weight;
    return weight;
  }

  /** The lines joining the route's ends, by gap. */
  private collectOwnLines(from: NodeId, to: NodeId | undefined): void {
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

/** A route being searched: its ends, its direction, and how many rising layers are computed so far. */
class Trip {
  readonly up: boolean;
  /** Rows between the start and the end (at least 1): the straight line's slope is per row of this. */
  readonly span: number;
  layers = 1;

  constructor(
    readonly fromLevel: number,
    readonly fromB: number,
    readonly endB: number,
    readonly endGap: number,
  ) {
    this.up = endGap <= fromLevel;
    this.span = Math.max(1, Math.abs(fromLevel - endGap));
  }

  /** The row of rising layer i. */
  rowOf(i: number): number {
    return this.up ? this.fromLevel - i : this.fromLevel + i;
  }
}

/**
 * The cheapest way to the end found so far: its cost, the place of the last rising layer it leaves from, and
 * where it turns down beside the end (`turnRow` -1: it goes straight in; `turnDown`: the place of the descent).
 */
class BestWay {
  cost = Infinity;
  from = 0;
  turnRow = -1;
  turnDown = 0;
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

/** Adds place b to the m places of a layer starting at `at`, unless there or `limit` reached; the new count. */
function addPlace(places: Float64Array, at: number, m: number, b: number, limit: number): number {
  if (m >= limit) return m;
  for (let k = 0; k < m; k++) if (places[at + k] === b) return m;
  places[at + m] = b;
  return m + 1;
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
 * Earlier routes crossed by a step from place j (route figures in `from`, see `rankRoutes`) to place k (in
 * `to`): going straight across (`through`, a === b) crosses the runs over it; running along from a to b
 * crosses the routes across the gap between.
 */
function routesCrossed(
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
