import type { NodeId } from '../model/types.ts';
import type { FramePoint } from './frame.ts';
import { RouteSearch, type GapLine, type Pass, type SearchEffort } from './route-search.ts';

export type { GapLine } from './route-search.ts';

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
 * Where routes run along a gap: lanes near its top, under the row above and clear of its group frames (which
 * reach 10 px below the boxes), above the middles of the connectors (where undercuts arrive, at 0.3), their
 * labels and junctions (0.6). Each is a share of the gap below the row above; routes along the same gap take
 * turns.
 */
const LANES = [0.2, 0.25];
/** The lanes' mean share: where the tree's lines are taken to cross them. */
const LANE_DEPTH = LANES.reduce((sum, share) => sum + share, 0) / LANES.length;

/**
 * Routes links that are not tree edges (cross-links of shared nodes, contradictions) around boxes. Levels are
 * rows separated by empty gaps; a route runs straight through rows at free places (between boxes, with a
 * margin) and along gaps in lanes near their top, with right-angled turns. Where it passes is searched for the
 * fewest crossings with the tree's connectors (`RouteSearch`).
 */
export class Router {
  private readonly free: { left: number; right: number }[][] = [];
  private searcher: RouteSearch;
  /** Per gap, how many routes run along it: each takes the next lane. */
  private readonly runs: number[] = [];

  constructor(
    boxes: Iterable<FrameBox>,
    private readonly levelStart: readonly number[],
    private readonly levelSize: readonly number[],
    private readonly gap: number,
    /** How thoroughly to search for routes that cross few connectors. */
    private readonly effort: SearchEffort,
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
    // No tree lines known yet: every route is as good as another until `avoid` tells them.
    this.searcher = new RouteSearch([], this, effort, new Set());
  }

  /** Whether routes are searched (and so need `avoid`), or plain. */
  get searches(): boolean {
    return this.effort.places > 1;
  }

  /** The tree connectors routes should cross as few of as they can, and the boxes routes start or end at. */
  avoid(lines: readonly GapLine[], routeEnds: ReadonlySet<NodeId>): void {
    this.searcher = new RouteSearch(lines, this, this.effort, routeEnds);
  }

  /** Depth of the `k`th lane of gap `g` (see LANES), below the end of row g - 1. */
  private laneAt(g: number, k: number): number {
    return this.rowEnd(g - 1) + this.gap * LANES[k % LANES.length]!;
  }

  /** Depth where the lanes of gap `g` run, on average: where routes meet the tree's lines. */
  laneDepth(g: number): number {
    return this.rowEnd(g - 1) + this.gap * LANE_DEPTH;
  }

  /** Where level `level`'s row ends: the bottom of its deepest box. */
  rowEnd(level: number): number {
    return this.levelStart[level]! + this.levelSize[level]!;
  }

  /** Nearest breadth position to `ideal` in level `level` that no box occupies. */
  freeAt(level: number, ideal: number): number {
    const span = this.spanAt(level, ideal);
    if (!span) return ideal;
    return ideal - span.left <= span.right - ideal ? span.left : span.right;
  }

  /** The occupied span of a row that `ideal` falls in, if any (binary search: rows are sorted). */
  spanAt(level: number, ideal: number): { left: number; right: number } | undefined {
    const row = this.free[level] ?? [];
    let lo = 0;
    let hi = row.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const span = row[mid]!;
      if (ideal < span.left) hi = mid - 1;
      else if (ideal > span.right) lo = mid + 1;
      else return span;
    }
    return undefined;
  }

  /**
   * Points from a box to a point in gap `endGap` (a box bottom reached from that gap, or a point in it). `to`
   * is the box at the end, whose own connectors the route may cross freely.
   */
  route(from: FrameBox, end: FramePoint, endGap: number, to?: NodeId): FramePoint[] {
    const passes = this.searcher.find(from.id, from.level, from.centre, to, end.b, endGap);
    return this.draw(from, end, passes, endGap);
  }

  /** The route's points: straight through rows, along gaps in lanes near their top, turning at right angles. */
  private draw(from: FrameBox, end: FramePoint, passes: readonly Pass[], endGap: number): FramePoint[] {
    const points: FramePoint[] = [];
    const along = (gap: number, a: number, b: number, through: boolean) => {
      if (a !== b || !through) {
        const lane = this.laneAt(gap, (this.runs[gap] = (this.runs[gap] ?? 0) + 1) - 1);
        points.push({ b: a, d: lane }, { b, d: lane });
      }
    };
    const start = passes[0]!;
    if (start.up && start.b === from.centre) points.push({ b: from.centre, d: from.top });
    else {
      // Out of the bottom, straight on to the row's end if the box is shorter than its row.
      points.push(
        { b: from.centre, d: from.top + from.depth },
        { b: from.centre, d: this.rowEnd(from.level) },
      );
      if (start.up) along(from.level + 1, from.centre, start.b, false);
    }
    const arrive: Pass = { row: endGap - 1, up: true, b: end.b };
    for (let i = 0; i < passes.length; i++) {
      const pass = passes[i]!;
      if (i > 0) {
        const before = passes[i - 1]!;
        along(gapBetween(before, pass), before.b, pass.b, before.up === pass.up);
      }
      if (i === 0 && start.b === from.centre) continue; // the start box's own row: already left
      const top = this.levelStart[pass.row]!;
      const bottom = this.rowEnd(pass.row);
      points.push(
        pass.up ? { b: pass.b, d: bottom } : { b: pass.b, d: top },
        pass.up ? { b: pass.b, d: top } : { b: pass.b, d: bottom },
      );
    }
    const last = passes[passes.length - 1]!;
    along(gapBetween(last, arrive), last.b, end.b, last.up);
    // Into a box shorter than its row: up from the row's end.
    const endRow = endGap - 1;
    if (endRow >= 0 && end.d > this.levelStart[endRow]! && end.d < this.rowEnd(endRow))
      points.push({ b: end.b, d: this.rowEnd(endRow) });
    points.push(end);
    return dropRepeats(points);
  }
}

/** The gap a route runs along between two passes: the one between their rows, or beside a row it turns at. */
function gapBetween(before: Pass, pass: Pass): number {
  if (before.up === pass.up) return pass.up ? before.row : pass.row;
  return before.up ? pass.row : pass.row + 1;
}

/** The corners of a route: repeated points and points on a straight run between their neighbours dropped. */
function dropRepeats(points: readonly FramePoint[]): FramePoint[] {
  const out: FramePoint[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.b === p.b && last.d === p.d) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before.b === last.b && last.b === p.b) || (before.d === last.d && last.d === p.d))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
