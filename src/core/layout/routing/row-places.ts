/*
 * The free places in the rows that routes pass through: what the route search asks of the rows.
 */

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
