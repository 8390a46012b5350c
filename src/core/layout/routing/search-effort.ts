/*
 * How much work the route search does: the places it weighs per row and the rows a route may rise above its
 * end, chosen by the map's size (`effortFor`), and the most it ever does (the stride of its layers' arrays).
 */

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
export const PLACES = 6;
/**
 * Rows above its end a route may rise, at most, to run along a gap there and come back down beside the end:
 * higher gaps are emptier, but a route climbing further is hard to follow.
 */
export const RISE = 6;
