import type { NodeId } from '../model/types.ts';
import type { FramePoint } from './frame.ts';

/** A shown box in the layout frame: centre along breadth, extent along both axes, level. */
export interface FrameBox {
  readonly id: NodeId;
  readonly centre: number;
  readonly breadth: number;
  readonly top: number;
  readonly depth: number;
  readonly level: number;
}

/**
 * Routes links that are not tree edges (cross-links of shared nodes, contradictions) around boxes. Levels are
 * rows separated by empty gaps, so a route runs along gaps and crosses each row in between at the free
 * position nearest to the straight line between its ends.
 */
export class Router {
  private readonly free: { left: number; right: number }[][] = [];

  constructor(
    boxes: Iterable<FrameBox>,
    private readonly levelStart: readonly number[],
    private readonly levelSize: readonly number[],
    private readonly gap: number,
    private readonly margin = 8,
  ) {
    const rows: { left: number; right: number }[][] = levelStart.map(() => []);
    for (const box of boxes) {
      rows[box.level]?.push({
        left: box.centre - box.breadth / 2 - margin,
        right: box.centre + box.breadth / 2 + margin,
      });
    }
    for (const row of rows) {
      row.sort((a, b) => a.left - b.left);
      const merged: { left: number; right: number }[] = [];
      for (const span of row) {
        const last = merged[merged.length - 1];
        if (last && span.left <= last.right) last.right = Math.max(last.right, span.right);
        else merged.push({ ...span });
      }
      this.free.push(merged);
    }
  }

  /** Middle of gap `g`: the empty band above level g (g = number of levels: below the last one). */
  gapMiddle(g: number): number {
    if (g < this.levelStart.length) return this.levelStart[g]! - this.gap / 2;
    const last = this.levelStart.length - 1;
    return this.levelStart[last]! + this.levelSize[last]! + this.gap / 2;
  }

  /** Nearest breadth position to `ideal` in level `level` that no box occupies. */
  freeAt(level: number, ideal: number): number {
    const row = this.free[level] ?? [];
    let lo = 0;
    let hi = row.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const span = row[mid]!;
      if (ideal < span.left) hi = mid - 1;
      else if (ideal > span.right) lo = mid + 1;
      else return ideal - span.left <= span.right - ideal ? span.left : span.right;
    }
    return ideal;
  }

  /**
   * Points from a box to a point in gap `endGap` (or a box bottom reached from that gap). The route leaves
   * the box through its top when it goes up, through its bottom otherwise.
   */
  route(from: FrameBox, end: FramePoint, endGap: number): FramePoint[] {
    const up = endGap <= from.level;
    const startGap = up ? from.level : from.level + 1;
    const start: FramePoint = { b: from.centre, d: up ? from.top : from.top + from.depth };
    const points: FramePoint[] = [start];
    const rows: number[] = [];
    if (startGap > endGap) for (let k = startGap - 1; k >= endGap; k--) rows.push(k);
    else for (let k = startGap; k < endGap; k++) rows.push(k);
    rows.forEach((row, i) => {
      const ideal = start.b + ((end.b - start.b) * (i + 1)) / (rows.length + 1);
      const b = this.freeAt(row, ideal);
      const top = this.levelStart[row]!;
      const bottom = top + this.levelSize[row]!;
      points.push(up ? { b, d: bottom } : { b, d: top }, up ? { b, d: top } : { b, d: bottom });
    });
    // Coming from above, dip into the gap below the target's row before rising to the end point.
    if (!up) points.push({ b: points[points.length - 1]!.b, d: this.gapMiddle(endGap) });
    points.push(end);
    return points;
  }
}
