import type { CandidatePlaces } from './candidate-places.ts';
import {
  BOTTOM,
  LENGTH_COST,
  ROUTE_WEIGHT,
  TOP,
  TURN_COST,
  routesCrossed,
  type Crossings,
  type StepRanks,
} from './crossings.ts';
import { PLACES, RISE } from './search-effort.ts';
import { Pass } from './trip.ts';

/*
 * The route search's ways down to the end from the rows above it: a route going up may rise past its end's
 * row, run along an emptier gap there and come back down beside the end. These layers are searched from the
 * end backwards (layer d: d rows above the end's gap), so that the rising layers can join them by one turn.
 */
export class Descents {
  // Per layer, PLACES slots: places, cheapest costs on to the end and the place next below.
  readonly place = new Float64Array((RISE + 1) * PLACES);
  readonly cost = new Float64Array((RISE + 1) * PLACES);
  private readonly next = new Int32Array((RISE + 1) * PLACES);
  readonly size = new Int32Array(RISE + 1);

  constructor(
    private readonly crossings: Crossings,
    private readonly candidates: CandidatePlaces,
    private readonly ranks: StepRanks,
  ) {}

  /** Layer d: row `row`, passed downwards, d rows above the end's gap, with the cheapest way on to the end. */
  fill(d: number, row: number, endB: number, endGap: number): void {
    const at = d * PLACES;
    const below = (d - 1) * PLACES;
    const m = this.candidates.descending(this.place, this.size, d, row, endB);
    this.size[d] = m;
    if (d === 0) {
      // Out of the bottom of the end's row, along the gap below it and up into the end.
      for (let k = 0; k < m; k++) {
        this.cost[k] = this.crossings.stepCost(endGap, true, this.place[k]!, true, endB);
        this.next[k] = -1;
      }
      return;
    }
    // Down across the gap below the row: in at its upper side, along the lane, out at its lower side across
    // the leaning lines.
    const n = this.size[d - 1]!;
    const { fromLane, fromLeg, toLane, toLeg, fromAcross, toAcross } = this.ranks;
    this.crossings.rankPlaces(row + 1, TOP, this.place, at, m, fromLane, fromLeg);
    this.crossings.rankPlaces(row + 1, BOTTOM, this.place, below, n, toLane, toLeg);
    this.crossings.rankRoutes(row + 1, this.place, at, m, fromAcross);
    this.crossings.rankRoutes(row + 1, this.place, below, n, toAcross);
    for (let k = 0; k < m; k++) {
      const a = this.place[at + k]!;
      let best = Infinity;
      let bestTo = 0;
      for (let j = 0; j < n; j++) {
        const b = this.place[below + j]!;
        let c =
          fromLeg[k]! +
          Math.abs(fromLane[k]! - toLane[j]!) +
          toLeg[j]! +
          this.cost[below + j]! +
          ROUTE_WEIGHT * routesCrossed(fromAcross, k, toAcross, j, a, b, true);
        if (a !== b) c += LENGTH_COST * Math.abs(a - b) + TURN_COST;
        if (c < best) {
          best = c;
          bestTo = j;
        }
      }
      this.cost[at + k] = best;
      this.next[at + k] = bestTo;
    }
  }

  /** Adds the passes down from row `turnRow` (place k of its layer) to the end's row to `passes`. */
  walkDown(turnRow: number, k: number, endGap: number, passes: Pass[]): void {
    for (let row = turnRow; row < endGap; row++) {
      const d = endGap - 1 - row;
      passes.push(new Pass(row, false, this.place[d * PLACES + k]!));
      k = this.next[d * PLACES + k]!;
    }
  }
}
