import type { NodeId } from '../../model/types.ts';
import { CandidatePlaces } from './candidate-places.ts';
import {
  BOTTOM,
  Crossings,
  LENGTH_COST,
  ROUTE_WEIGHT,
  StepRanks,
  TOP,
  TURN_COST,
  routesCrossed,
  type GapLine,
} from './crossings.ts';
import { Descents } from './descents.ts';
import type { RowPlaces } from './row-places.ts';
import { PLACES, RISE, type SearchEffort } from './search-effort.ts';
import { BestWay, Pass, Trip } from './trip.ts';

/*
 * The route search: for each route in turn, the passes through the rows that cross fewest tree lines and
 * earlier routes, found by dynamic programming over layers of candidate places.
 */

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
  /** Layers descending to the end, from rows above it. */
  private readonly descents: Descents;
  /** What a step between two layers weighs, per place. */
  private readonly ranks = new StepRanks();
  /** The crossings a step costs. */
  private readonly crossings: Crossings;
  private readonly candidates: CandidatePlaces;
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
    this.candidates = new CandidatePlaces(rows, this.limit);
    this.descents = new Descents(this.crossings, this.candidates, this.ranks);
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
    if (this.limit === 1) return trip.plainPasses(this.rows);
    this.crossings.collectOwnLines(from, to);
    this.fillStart(trip);
    // Straight in: through the gap below the end from the row under it (or, coming down, after turning in it).
    const last = this.risingLayer(trip, trip.up ? endGap : endGap - 1);
    const best = this.straightIn(trip, last);
    if (trip.up) this.turnAbove(trip, best);
    return this.walkBack(trip, best, last);
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
      this.descents.fill(d, row, endB, endGap);
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
    const down = this.descents;
    const m = down.size[d]!;
    const { fromLane, fromLeg, toLane, toLeg, fromAcross, toAcross } = this.ranks;
    this.crossings.rankPlaces(row, BOTTOM, this.place, rising * PLACES, n, fromLane, fromLeg);
    this.crossings.rankPlaces(row, BOTTOM, down.place, d * PLACES, m, toLane, toLeg);
    this.crossings.rankRoutes(row, this.place, rising * PLACES, n, fromAcross);
    this.crossings.rankRoutes(row, down.place, d * PLACES, m, toAcross);
    for (let k = 0; k < m; k++) {
      const b = down.place[d * PLACES + k]!;
      const rest = toLeg[k]! + down.cost[d * PLACES + k]!;
      for (let j = 0; j < n; j++) {
        const a = this.place[rising * PLACES + j]!;
        let c =
          this.cost[rising * PLACES + j]! +
          fromLeg[j]! +
          Math.abs(fromLane[j]! - toLane[k]!) +
          rest +
          ROUTE_WEIGHT * routesCrossed(fromAcross, j, toAcross, k, a, b, false);
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
    if (best.turnRow >= 0) this.descents.walkDown(best.turnRow, best.turnDown, endGap, passes);
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
    const { fromLane, fromLeg, toLane, toLeg, fromAcross, toAcross } = this.ranks;
    this.crossings.rankPlaces(
      gap,
      enterTop ? TOP : BOTTOM,
      this.place,
      before * PLACES,
      n,
      fromLane,
      fromLeg,
    );
    this.crossings.rankPlaces(gap, leaveTop ? TOP : BOTTOM, this.place, i * PLACES, m, toLane, toLeg);
    this.crossings.rankRoutes(gap, this.place, before * PLACES, n, fromAcross);
    this.crossings.rankRoutes(gap, this.place, i * PLACES, m, toAcross);
    for (let k = 0; k < m; k++) {
      const b = this.place[i * PLACES + k]!;
      const laneB = toLane[k]!;
      const out = toLeg[k]!;
      let best = Infinity;
      let bestFrom = 0;
      for (let j = 0; j < n; j++) {
        const a = this.place[before * PLACES + j]!;
        let c = this.cost[before * PLACES + j]! + fromLeg[j]! + Math.abs(fromLane[j]! - laneB) + out;
        c += ROUTE_WEIGHT * routesCrossed(fromAcross, j, toAcross, k, a, b, true);
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

  /** Candidate places of layer i in `row`: at and beside the boxes at the anchors, then straight on from layer `before`. */
  private fillPlaces(row: number, ideal: number, start: number, end: number, before: number): void {
    const i = before + 1;
    this.ensureLayers(i + 1);
    this.size[i] = this.candidates.rising(this.place, this.size, i, row, ideal, start, end);
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
