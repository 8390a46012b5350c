import type { NodeId, Relation } from '../model/types.ts';
import { framePoint, LineBuilder, midpoint, toScreen, type FramePoint } from './frame.ts';
import type { Junction, LineEnd } from './junctions.ts';
import { gapGeometry } from './routing/gap-geometry.ts';
import type { PlannedRoute } from './routing/router.ts';
import type { Direction, LaidOutConnector, Point, Rect } from './types.ts';

/*
 * How each piece of a map's connectors is drawn: a tree connector's stubs, bar and line to its target, and a
 * settled route's rounded corners and label on its approach, each with its label point and end on screen;
 * and the extent the routes add to the map's bounds.
 */

/** Corner radius of routes around boxes. */
const ROUTE_RADIUS = gapGeometry.routeCornerRadius;
/**
 * Routes with more corners than this (plain routes stepping across dozens of rows of a huge map) keep them
 * sharp: rounding triples their steps, and such maps are seen from too far for it to show.
 */
const ROUNDED_UP_TO = 16;
/** Length of route a label needs (room for the longest label word, "contradicts"). */
const LABEL_ROOM = gapGeometry.routeLabelRoom;

/** How far above its bar a tree connector's label sits. */
const LABEL_ABOVE_BAR = gapGeometry.labelAboveBar;

/**
 * Where an undercut's label goes: beside its line, halfway up, not on it. The line is short (it rises to the
 * middle of the line it attacks) and a label on it would hide it. Drawing down the label sits to the right of
 * the line (half the longest undercut word, "however", and a margin); drawing right, below it.
 */
function besideUndercut(direction: Direction, junction: Junction, end: LineEnd): FramePoint {
  const { b, d } = junction.point;
  const middle = (d + end.point.d) / 2;
  const side = Math.max(b, end.point.b);
  return direction === 'down' ? framePoint(side + 28, middle) : framePoint(side + 12, middle);
}

/** The screen extent of the routes drawn (they may run beside the outermost boxes or above the top row). */
export interface RouteExtent {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Grows the extent to take in point p. */
function extend(extent: RouteExtent, p: { x: number; y: number }): void {
  extent.left = Math.min(extent.left, p.x);
  extent.right = Math.max(extent.right, p.x);
  extent.top = Math.min(extent.top, p.y);
  extent.bottom = Math.max(extent.bottom, p.y);
}

/** The bounds, grown to take in the routes. */
export function withRoutes(bounds: Rect, extent: RouteExtent): Rect {
  if (extent.left > extent.right) return bounds;
  const x = Math.min(bounds.x, extent.left);
  const y = Math.min(bounds.y, extent.top);
  const right = Math.max(bounds.x + bounds.width, extent.right);
  const bottom = Math.max(bounds.y + bounds.height, extent.bottom);
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * A piece of a connector routed around boxes, drawn once the router has settled every route (routes along a
 * gap are ordered).
 */
export class PendingRoute {
  constructor(
    readonly route: PlannedRoute,
    readonly key: string,
    readonly relation: Relation,
    readonly premise: NodeId,
    readonly target: NodeId,
    /** It ends on the bar of linked premises it belongs with, not at the target (`junctions.ts`). */
    readonly joinsBar = false,
  ) {}
}

/** One stub from each premise up to the bar, the bar across linked premises, then the line to the target. */
export function treeConnector(
  direction: Direction,
  relation: Relation,
  junction: Junction,
  end: LineEnd,
  target: NodeId,
): LaidOutConnector {
  const line = new LineBuilder(direction);
  const barDepth = junction.point.d;
  let low = Infinity;
  let high = -Infinity;
  for (const m of junction.members) {
    line.bump(m.centre, m.top, m.centre, barDepth);
    low = Math.min(low, m.centre);
    high = Math.max(high, m.centre);
  }
  if (junction.members.length > 1) line.bump(low, barDepth, high, barDepth);
  const { b, d } = junction.point;
  if (end.via) line.bump(b, d, end.via.b, end.via.d, end.point.b, end.point.d);
  else line.bump(b, d, end.point.b, end.point.d);
  return connector(
    relation.id,
    relation,
    'tree',
    line,
    toScreen(
      direction,
      relation.type === 'undercut' ? besideUndercut(direction, junction, end) : { b, d: d - LABEL_ABOVE_BAR },
    ),
    toScreen(direction, end.point),
    junction.members.map((m) => m.id),
    target,
  );
}

/** A settled route as a connector, its extent taken into the map's bounds. */
export function routedConnector(
  piece: PendingRoute,
  direction: Direction,
  routeExtent: RouteExtent,
): LaidOutConnector {
  const points = piece.route.points;
  const line = new LineBuilder(direction);
  for (const p of points) extend(routeExtent, toScreen(direction, p));
  // Rounded corners, or sharp ones for a route of very many (see ROUNDED_UP_TO).
  if (points.length - 2 <= ROUNDED_UP_TO) line.rounded(points, ROUTE_RADIUS);
  else line.bumps(points);
  return connector(
    piece.key,
    piece.relation,
    'cross',
    line,
    toScreen(direction, labelOnApproach(points)),
    toScreen(direction, points[points.length - 1]!),
    [piece.premise],
    piece.target,
    piece.joinsBar,
  );
}

/** Every connector is made here, so that all have one shape (faster in V8). */
function connector(
  key: string,
  relation: Relation,
  kind: LaidOutConnector['kind'],
  builder: LineBuilder,
  labelAt: Point,
  end: Point,
  premises: readonly NodeId[],
  target: NodeId,
  joinsBar = false,
): LaidOutConnector {
  const { line, bounds } = builder.finish();
  return {
    key,
    relationId: relation.id,
    type: relation.type,
    kind,
    line,
    bounds,
    labelAt,
    end,
    premises,
    target,
    // Always present (maybe undefined), so that every connector object has the same shape.
    joinsBar: joinsBar ? true : undefined,
  };
}

/**
 * Where a route's label goes: the middle of its last step long enough to hold it (steps run along gaps or
 * between boxes, so the label is clear of boxes), else of its longest step.
 */
function labelOnApproach(points: readonly FramePoint[]): FramePoint {
  let longest = points.length - 1;
  const length = (i: number) =>
    Math.abs(points[i]!.b - points[i - 1]!.b) + Math.abs(points[i]!.d - points[i - 1]!.d);
  for (let i = points.length - 1; i >= 1; i--) {
    if (length(i) >= LABEL_ROOM) return midpoint(points[i - 1]!, points[i]!);
    if (length(i) > length(longest)) longest = i;
  }
  return midpoint(points[Math.max(0, longest - 1)]!, points[longest]!);
}
