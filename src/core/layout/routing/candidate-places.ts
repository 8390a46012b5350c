import type { RowPlaces } from './row-places.ts';
import { PLACES } from './search-effort.ts';

/*
 * The places a layer of the route search weighs in a row: free places near a few anchors (the start's and
 * the end's columns, the straight line, the places of the layer before), each once, at most `limit` of them.
 * Layers live in typed arrays shared from route to route, `PLACES` slots each, with their sizes.
 */
export class CandidatePlaces {
  constructor(
    private readonly rows: RowPlaces,
    private readonly limit: number,
  ) {}

  /** Writes the places of rising layer i, in `row`, from those of layer i - 1; their count. */
  rising(
    places: Float64Array,
    sizes: Int32Array,
    i: number,
    row: number,
    ideal: number,
    start: number,
    end: number,
  ): number {
    const at = i * PLACES;
    const before = (i - 1) * PLACES;
    // First the free places nearest the start's column, the end's column and the straight line (a route
    // keeping to its start's or end's column turns once and crosses other routes least), then both sides of
    // the boxes there.
    let m = addPlace(places, at, 0, this.rows.freeAt(row, start), this.limit);
    m = addPlace(places, at, m, this.rows.freeAt(row, end), this.limit);
    m = addPlace(places, at, m, this.rows.freeAt(row, ideal), this.limit);
    m = this.addBeside(places, at, m, row, ideal);
    m = this.addBeside(places, at, m, row, start);
    m = this.addBeside(places, at, m, row, end);
    for (let j = 0; j < sizes[i - 1]! && m < this.limit; j++)
      m = addPlace(places, at, m, this.rows.freeAt(row, places[before + j]!), this.limit);
    return m;
  }

  /**
   * Writes the places of descent layer d, in `row`, beside the boxes at the end's column (breadth `endB`),
   * then straight on from those of layer d - 1 (the row below) if any; their count.
   */
  descending(places: Float64Array, sizes: Int32Array, d: number, row: number, endB: number): number {
    const at = d * PLACES;
    const below = (d - 1) * PLACES;
    let m = this.addBeside(places, at, 0, row, endB);
    if (d > 0)
      for (let k = 0; k < sizes[d - 1]!; k++)
        m = addPlace(places, at, m, this.rows.freeAt(row, places[below + k]!), this.limit);
    return m;
  }

  /** Adds the free places beside the boxes at `anchor` (or the anchor itself if free) to a layer of m places. */
  private addBeside(places: Float64Array, at: number, m: number, row: number, anchor: number): number {
    const span = this.rows.spanAt(row, anchor);
    if (span < 0) return addPlace(places, at, m, anchor, this.limit);
    m = addPlace(places, at, m, this.rows.spanLeft(row, span), this.limit);
    return addPlace(places, at, m, this.rows.spanRight(row, span), this.limit);
  }
}

/** Adds place b to the m places of a layer starting at `at`, unless there or `limit` reached; the new count. */
function addPlace(places: Float64Array, at: number, m: number, b: number, limit: number): number {
  if (m >= limit) return m;
  for (let k = 0; k < m; k++) if (places[at + k] === b) return m;
  places[at + m] = b;
  return m + 1;
}
