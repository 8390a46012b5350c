import type { NodeId } from '../../model/types.ts';
import type { FramePoint } from '../frame.ts';
import { gapGeometry } from './gap-geometry.ts';
import type { TitleSpan } from './group-titles.ts';
import { assignTracks, type LaneRun } from './lanes.ts';
import type { GapLine } from './crossings.ts';
import { RouteSearch } from './route-search.ts';
import { RowSpans } from './row-places.ts';
import type { SearchEffort } from './search-effort.ts';
import { Pass } from './trip.ts';

/*
 * The router: plans the routes of cross-links and contradictions through the rows (searched by
 * `RouteSearch`), gives the runs sharing a gap their tracks, and turns each route's passes into points.
 */

export { GapLine } from './crossings.ts';

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
 * Routes run along a gap in a band near its top (`gapGeometry.bandTop` to `bandBottom`, shares of the gap
 * below the row above): below the frames of that row's groups (of those holding no nested groups: a frame
 * reaches `framePadding` plus `framePaddingPerNesting` per nested level below its boxes, so the lower edges
 * of frames around nested groups may lie in the band), above the middles of the tree connectors (where
 * undercuts arrive), their labels and junctions. Routes along the same gap take tracks in the band
 * (`assignTracks`), `trackSpacing` apart while the band has room for them.
 */
const { bandTop: BAND_TOP, bandBottom: BAND_BOTTOM, trackSpacing: TRACK_SPACING } = gapGeometry;

/**
 * A point of a route still being planned: the depth of points on a run is set once all runs are known. A class
 * of its own, so that its shape is not shared with the layout's other points (whose fields V8 would otherwise
 * keep changing from small integers to doubles and back, every change making allocation slow).
 */
class PlanPoint {
  constructor(
    public b: number,
    public d: number,
  ) {}
}

/** A run along a gap while routes are planned, with its two points (a class, like PlanPoint). */
class PendingRun implements LaneRun {
  constructor(
    readonly a: number,
    readonly b: number,
    readonly aDown: boolean,
    readonly bDown: boolean,
    readonly from: PlanPoint,
    readonly to: PlanPoint,
  ) {}
}

/** A route from `Router.route`: its points are known once the router has `settle`d all routes. */
export interface PlannedRoute {
  points: readonly FramePoint[];
}

/**
 * Routes links that are not tree edges (cross-links of shared nodes, contradictions) around boxes. Levels are
 * rows separated by empty gaps; a route runs straight through rows at free places (between boxes, with a
 * margin) and along gaps in tracks near their top, with right-angled turns. Where it passes is searched for the
 * fewest crossings with the tree's connectors (`RouteSearch`).
 */
export class Router {
  /** Per row, where routes may pass: the places no box or group title occupies. */
  private readonly rows: RowSpans;
  private searcher: RouteSearch;
  /** Per gap, the runs of the routes planned so far, to be given tracks. */
  private readonly runs: PendingRun[][] = [];
  private readonly planned: { route: PlannedRoute; raw: PlanPoint[] }[] = [];
  /** Plain routes: per gap, how many have run along it. */
  private readonly plainRuns: number[] = [];

  constructor(
    boxes: Iterable<FrameBox>,
    private readonly levelStart: readonly number[],
    private readonly levelSize: readonly number[],
    private readonly gap: number,
    /** How thoroughly to search for routes that cross few connectors. */
    private readonly effort: SearchEffort,
    /** Group titles that routes must not cross. */
    titles: readonly TitleSpan[] = [],
    margin: number = gapGeometry.boxMargin,
  ) {
    this.rows = new RowSpans(boxes, levelStart.length, titles, margin);
    // No tree lines known yet: every route is as good as another until `avoid` tells them.
    this.searcher = new RouteSearch([], this.rows, effort, new Set());
  }

  /** Whether routes are searched (and so need `avoid`), or plain. */
  get searches(): boolean {
    return this.effort.places > 1;
  }

  /** The tree connectors routes should cross as few of as they can, and the boxes routes start or end at. */
  avoid(lines: readonly GapLine[], routeEnds: ReadonlySet<NodeId>): void {
    this.searcher = new RouteSearch(lines, this.rows, this.effort, routeEnds);
  }

  /** Depth of the middle of gap `g`'s band of tracks, below the end of row g - 1: where routes meet the tree's lines. */
  laneDepth(g: number): number {
    return this.rowEnd(g - 1) + (this.gap * (BAND_TOP + BAND_BOTTOM)) / 2;
  }

  /** Where level `level`'s row ends: the bottom of its deepest box. */
  rowEnd(level: number): number {
    return this.levelStart[level]! + this.levelSize[level]!;
  }

  /**
   * A route from a box to a point reached from gap `endGap` (a box bottom reached from that gap, or a point in
   * it). `to` is the box at the end, whose own connectors the route may cross freely. A searched route's
   * points are empty until `settle`, once every route is planned: routes along the same gap are ordered
   * among each other.
   */
  route(box: FrameBox, end: FramePoint, endGap: number, to?: NodeId): PlannedRoute {
    const from = offCentre(box, end);
    const passes = this.searcher.find(from.id, from.level, from.centre, to, end.b, endGap);
    const raw = this.draw(from, end, passes, endGap);
    if (!this.searches) return { points: dropRepeats(raw) };
    const route: PlannedRoute = { points: [] };
    this.planned.push({ route, raw });
    return route;
  }

  /** Gives every run along a gap its track, then every planned route its points. */
  settle(): void {
    this.runs.forEach((runs, gap) => {
      const { track, tracks } = assignTracks(runs);
      const room = this.gap * (BAND_BOTTOM - BAND_TOP);
      const spacing = Math.min(TRACK_SPACING, room / Math.max(1, tracks - 1));
      const top = this.trackTop(gap);
      runs.forEach((run, i) => (run.from.d = run.to.d = top + track[i]! * spacing));
    });
    for (const { route, raw } of this.planned) route.points = dropRepeats(raw);
    this.runs.length = 0;
    this.planned.length = 0;
  }

  /** Depth of the first track of gap `g`. */
  private trackTop(g: number): number {
    return this.rowEnd(g - 1) + this.gap * BAND_TOP;
  }

  /**
   * The route's points: straight through rows, along gaps in their band of tracks, turning at right angles.
   * Points on runs along gaps get their depth in `settle`.
   */
  private draw(from: FrameBox, end: FramePoint, passes: readonly Pass[], endGap: number): PlanPoint[] {
    const points: PlanPoint[] = [];
    const pending: { gap: number; at: number }[] = [];
    const searched = this.searches;
    const along = (gap: number, a: number, b: number, through: boolean) => {
      if (!searched) {
        // Plain routes: no order is worth its cost, each run takes the next of a few tracks.
        if (a === b && through) return;
        const runs = this.plainRuns[gap] ?? 0;
        this.plainRuns[gap] = runs + 1;
        const track = runs % gapGeometry.plainTracks;
        const d = this.trackTop(gap) + track * TRACK_SPACING;
        points.push(new PlanPoint(a, d), new PlanPoint(b, d));
        return;
      }
      if (a !== b || through) this.searcher.occupy(gap, a, b);
      if (a !== b || !through) {
        pending.push({ gap, at: points.length });
        points.push(new PlanPoint(a, NaN), new PlanPoint(b, NaN));
      }
    };
    const start = passes[0]!;
    if (start.up && start.b === from.centre) points.push(new PlanPoint(from.centre, from.top));
    else {
      // Out of the bottom, straight on to the row's end if the box is shorter than its row.
      points.push(
        new PlanPoint(from.centre, from.top + from.depth),
        new PlanPoint(from.centre, this.rowEnd(from.level)),
      );
      if (start.up) along(from.level + 1, from.centre, start.b, false);
    }
    const arrive = new Pass(endGap - 1, true, end.b);
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
        new PlanPoint(pass.b, pass.up ? bottom : top),
        new PlanPoint(pass.b, pass.up ? top : bottom),
      );
    }
    const last = passes[passes.length - 1]!;
    along(gapBetween(last, arrive), last.b, end.b, last.up);
    // Into a box shorter than its row: up from the row's end.
    const endRow = endGap - 1;
    if (endRow >= 0 && end.d > this.levelStart[endRow]! && end.d < this.rowEnd(endRow))
      points.push(new PlanPoint(end.b, this.rowEnd(endRow)));
    points.push(new PlanPoint(end.b, end.d));
    // Which way the route turns off each run: towards the row below if its neighbour lies below the band.
    for (const { gap, at } of pending) {
      const band = this.laneDepth(gap);
      const from = points[at]!;
      const to = points[at + 1]!;
      const aDown = points[at - 1]!.d > band;
      const bDown = points[at + 2]!.d > band;
      (this.runs[gap] ??= []).push(new PendingRun(from.b, to.b, aDown, bDown, from, to));
    }
    return points;
  }
}

/**
 * The box as a route leaves it: from a point off its centre, towards where the route goes, so that it does not
 * run on top of the tree lines that leave the middle of its top (to its parent) and reach the middle of its
 * bottom (from its children) before it turns away.
 */
function offCentre(box: FrameBox, end: FramePoint): FrameBox {
  const shift = Math.min(box.breadth / 4, ROUTE_PORT_SHIFT);
  return { ...box, centre: box.centre + (end.b < box.centre ? -shift : shift) };
}

/** Px off a box's centre where routes leave it, at most (a quarter of the box, on narrow ones). */
const ROUTE_PORT_SHIFT = 24;

/** The gap a route runs along between two passes: the one between their rows, or beside a row it turns at. */
function gapBetween(before: Pass, pass: Pass): number {
  if (before.up === pass.up) return pass.up ? before.row : pass.row;
  return before.up ? pass.row : pass.row + 1;
}

/** The corners of a route: repeated points and points on a straight run between their neighbours dropped. */
function dropRepeats(points: readonly PlanPoint[]): FramePoint[] {
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
