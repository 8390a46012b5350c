import type { TitleSpan } from './group-titles.ts';
import type { FrameBox } from './router.ts';

/*
 * The free places in the rows that routes pass through: what the route search asks of the rows
 * (`RowPlaces`), and the router's answer, each row's occupied spans (`RowSpans`).
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

/** Each row's occupied spans: its boxes and group titles, each with a margin, merged where they overlap. */
export class RowSpans implements RowPlaces {
  /** Per row, the occupied spans (overlaps merged), ascending: left and right ends. */
  private readonly lefts: Float64Array[] = [];
  private readonly rights: Float64Array[] = [];
  /** Per row, the stretches under group titles (see `titleSpans`), where routes leave no box upwards. */
  private readonly titlesAt: TitleSpan[][] = [];

  constructor(boxes: Iterable<FrameBox>, rowCount: number, titles: readonly TitleSpan[], margin: number) {
    // Each row's boxes and titles as [left, right] pairs with their margin, sorted by left end (a tidy tree
    // keeps each level in order, so the sort rarely moves anything), then merged where they overlap.
    const rows: number[][] = Array.from({ length: rowCount }, () => []);
    for (const box of boxes) {
      rows[box.level]?.push(box.centre - box.breadth / 2 - margin, box.centre + box.breadth / 2 + margin);
    }
    for (const title of titles) {
      rows[title.level]?.push(title.low - margin, title.high + margin);
      (this.titlesAt[title.level] ??= []).push(title);
    }
    for (const row of rows) {
      let sorted = true;
      for (let i = 2; i < row.length && sorted; i += 2) sorted = row[i - 2]! <= row[i]!;
      const order = Array.from({ length: row.length / 2 }, (_, k) => k);
      if (!sorted) order.sort((a, b) => row[2 * a]! - row[2 * b]!);
      const lefts: number[] = [];
      const rights: number[] = [];
      for (const k of order) {
        const left = row[2 * k]!;
        const right = row[2 * k + 1]!;
        const last = rights.length - 1;
        if (last >= 0 && left <= rights[last]!) rights[last] = Math.max(rights[last]!, right);
        else {
          lefts.push(left);
          rights.push(right);
        }
      }
      this.lefts.push(Float64Array.from(lefts));
      this.rights.push(Float64Array.from(rights));
    }
  }

  /** Whether a route leaving a box of row `level` upwards at breadth x would cross a group title. */
  topBlocked(level: number, x: number): boolean {
    return this.titlesAt[level]?.some((t) => x > t.low && x < t.high) ?? false;
  }

  /** Nearest breadth position to `ideal` in level `level` that no box occupies. */
  freeAt(level: number, ideal: number): number {
    const i = this.spanAt(level, ideal);
    if (i < 0) return ideal;
    const left = this.lefts[level]![i]!;
    const right = this.rights[level]![i]!;
    return ideal - left <= right - ideal ? left : right;
  }

  /** The occupied span of a row that `ideal` falls in: its index, or -1 (binary search: rows are sorted). */
  spanAt(level: number, ideal: number): number {
    const lefts = this.lefts[level];
    const rights = this.rights[level];
    if (!lefts || !rights) return -1;
    let lo = 0;
    let hi = lefts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ideal < lefts[mid]!) hi = mid - 1;
      else if (ideal > rights[mid]!) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  spanLeft(level: number, i: number): number {
    return this.lefts[level]![i]!;
  }

  spanRight(level: number, i: number): number {
    return this.rights[level]![i]!;
  }
}
