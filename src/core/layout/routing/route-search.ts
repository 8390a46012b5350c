import type { NodeId } from '../../model/types.ts';
import {
  BOTTOM,
  Crossings,
  LENGTH_COST,
  ROUTE_WEIGHT,
  TOP,
  TURN_COST,
  routesCrossed,
  type GapLine,
} from './crossings.ts';

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
 * crosses fewest, and keeps to the other. On large maps that crosses nearly as few lines as the thorough
 * search, far fewer than plain routes, at a fraction of the thorough search's cost (`npm run bench` measures
 * both).
 */
export const effortFor = (boxes: number): SearchEffort =>
  boxes <= THOROUGH_UP_TO
    ? { places: 6, rise: 6 }
    : boxes <= SEARCHED_UP_TO
      ? { places: 2, rise: 0 }
      : { places: 1, rise: 0 };

/** Places a route considers in each row, at most (the stride of the layers' arrays). */
const PLACES = 6;
/**
 * Rows above its end a route may rise, at most, to run along a gap there and come back down beside the end:
 * higher gaps are emptier, but a route climbing further is hard to follow.
 */
const RISE = 6;
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

  /** Per place of the two rows a step joins: earlier routes across the gap below and at it, runs over it. */
  private readonly fromAcross = new Float64Array(PLACES * 3);
  private readonly toAcross = new Float64Array(PLACES * 3);

  /** The crossings a step costs. */
  private readonly crossings: Crossings;
  private readonly limit: number;
  private readonly rise: number;

  /**
   * `ends`: the boxes routes start or end at (the only ones whose lines a route leaves out, so the only ones
   * indexed).
   */
  constructor(
    lines: readonly GapLine[],
    private readonly rows: RowPlaces,
    effort: SearchEffort,
    ends: ReadonlySet<NodeId>,
  ) {
    this.limit = Math.min(PLACES, effort.places);
    this.rise = Math.min(RISE, effort.rise);
    this.crossings = new Crossings(lines, ends);
  }

  /**
   * Takes note of a route's step across `gap`: straight across at a (a === b), or along it from a to b, so
   * that later routes cross it as few times as they can.
   */
  occupy(gap: number, a: number, b: number): void {
    this.crossings.occupy(gap, a, b);
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
    this.crossings.collectOwnLines(from, to);
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
          this.cost[count] = this.crossings.stepCost(fromLevel + 1, true, fromB, true, b);
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
        this.crossings.stepCost(trip.endGap, !trip.up, this.place[last * PLACES + j]!, true, trip.endB);
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
    this.crossings.rankPlaces(row, BOTTOM, this.place, rising * PLACES, n, this.fromLane, this.fromLeg);
    this.crossings.rankPlaces(row, BOTTOM, this.downPlace, d * PLACES, m, this.toLane, this.toLeg);
    this.crossings.rankRoutes(row, this.place, rising * PLACES, n, this.fromAcross);
    this.crossings.rankRoutes(row, this.downPlace, d * PLACES, m, this.toAcross);
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
   * Layer i from layer i - 1 across `gap`: for each candidate place (already in `candidates`), the cheapest
   * way from a place of the layer before.
   */
  private reach(i: number, gap: number, enterTop: boolean, leaveTop: boolean): void {
    const before = i - 1;
    const n = this.size[before]!;
    const m = this.size[i]!;
    this.crossings.rankPlaces(
      gap,
      enterTop ? TOP : BOTTOM,
      this.place,
      before * PLACES,
      n,
      this.fromLane,
      this.fromLeg,
    );
    this.crossings.rankPlaces(
      gap,
      leaveTop ? TOP : BOTTOM,
      this.place,
      i * PLACES,
      m,
      this.toLane,
      this.toLeg,
    );
    this.crossings.rankRoutes(gap, this.place, before * PLACES, n, this.fromAcross);
    this.crossings.rankRoutes(gap, this.place, i * PLACES, m, this.toAcross);
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
        this.downCost[k] = this.crossings.stepCost(endGap, true, this.downPlace[k]!, true, endB);
        this.downNext[k] = -1;
      }
      return;
    }
    // Down across the gap below the row: in at its upper side, along the lane, out at its lower side across
    // the leaning lines.
    const below = (d - 1) * PLACES;
    const n = this.downSize[d - 1]!;
    this.crossings.rankPlaces(row + 1, TOP, this.downPlace, at, m, this.fromLane, this.fromLeg);
    this.crossings.rankPlaces(row + 1, BOTTOM, this.downPlace, below, n, this.toLane, this.toLeg);
    this.crossings.rankRoutes(row + 1, this.downPlace, at, m, this.fromAcross);
    this.crossings.rankRoutes(row + 1, this.downPlace, below, n, this.toAcross);
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

/** Adds place b to the m places of a layer starting at `at`, unless there or `limit` reached; the new count. */
function addPlace(places: Float64Array, at: number, m: number, b: number, limit: number): number {
  if (m >= limit) return m;
  for (let k = 0; k < m; k++) if (places[at + k] === b) return m;
  places[at + m] = b;
  return m + 1;
}
