import { conclusionOf, type MapIndex } from '../model/map-index.ts';
import type { NodeId, Relation } from '../model/types.ts';
import type { TreeNode } from './forest.ts';
import { bumpBreadthAt, LineBuilder, midpoint, toScreen, type FramePoint } from './frame.ts';
import {
  boxOf,
  lineEnds,
  placeJunctions,
  type Drawing,
  type Junction,
  type Junctions,
  type LineEnd,
} from './junctions.ts';
import { gapGeometry } from './routing/gap-geometry.ts';
import { GapLine, Router, type FrameBox, type PlannedRoute } from './routing/router.ts';
import type { Spacing } from './tidy.ts';
import type { Direction, LaidOutConnector, Point, Rect } from './types.ts';

/*
 * The connectors of a laid-out map: tree connectors (premises up to their bar, the bar, the line to the
 * target), undercuts into the middle of the line they attack, and cross-links and contradictions routed
 * around boxes. Each step returns data for the next (docs/ARCHITECTURE.md, "Layout").
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

/** The screen extent of the routes drawn (they may run beside the outermost boxes or above the top row). */
export interface RouteExtent {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

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

/** How far above its bar a tree connector's label sits. */
const LABEL_ABOVE_BAR = gapGeometry.labelAboveBar;

/**
 * A piece of a connector routed around boxes, drawn once the router has settled every route (routes along a
 * gap are ordered).
 */
class PendingRoute {
  constructor(
    readonly route: PlannedRoute,
    readonly key: string,
    readonly relation: Relation,
    readonly premise: NodeId,
    readonly target: NodeId,
  ) {}
}

export function drawConnectors(
  index: MapIndex,
  trees: ReadonlyMap<NodeId, TreeNode>,
  /** The shown boxes, by tree node index. */
  frames: readonly (FrameBox | undefined)[],
  router: Router,
  direction: Direction,
  spacing: Spacing,
  routeExtent: RouteExtent,
): LaidOutConnector[] {
  const relations = index.map.relations;
  const drawing: Drawing = {
    index,
    relations,
    targets: relations.map((relation) => conclusionOf(index, relation)),
    firstAt: relations.map((relation, i) => {
      const first = index.relationOrder(relation.id);
      return first < 0 ? i : first;
    }),
    trees,
    frames,
    router,
    direction,
  };
  const junctions = placeJunctions(drawing, spacing);
  const ends = lineEnds(drawing, junctions);
  if (router.searches) {
    const { lines, routeEnds } = treeLinesToAvoid(drawing, junctions, ends);
    router.avoid(lines, routeEnds);
  }
  const pieces = piecesInOrder(drawing, junctions, ends);
  router.settle();
  return pieces.map((piece) =>
    piece instanceof PendingRoute ? routedConnector(piece, direction, routeExtent) : piece,
  );
}

/** The tree's lines, for routes to cross as few of as they can, and the boxes routes join. */
function treeLinesToAvoid(
  drawing: Drawing,
  junctions: Junctions,
  ends: readonly (LineEnd | undefined)[],
): { readonly lines: GapLine[]; readonly routeEnds: Set<NodeId> } {
  const { relations, targets, trees, router } = drawing;
  const lines: GapLine[] = [];
  const routeEnds = new Set<NodeId>();
  for (let i = 0; i < relations.length; i++) {
    const relation = relations[i]!;
    const target = targets[i];
    for (const premise of relation.from) {
      if (relation.type === 'contradiction' || trees.get(premise)?.relation !== relation.id) {
        routeEnds.add(premise);
        if (target !== undefined) routeEnds.add(target);
      }
    }
    const junction = junctions.of(i);
    const end = ends[i];
    if (!junction || !end) continue;
    const lane = bumpBreadthAt(junction.point, end.via ?? end.point, router.laneDepth(junction.level));
    lines.push(
      new GapLine(
        junction.level,
        junction.point.b,
        lane,
        end.point.b,
        junction.members.length,
        junction.members,
        target!,
      ),
    );
  }
  return { lines, routeEnds };
}

/**
 * Every relation's pieces in file order: its tree connector (when it has premises placed under it), then a
 * route for each premise placed elsewhere; contradictions are one route. Routes are asked of the router here,
 * in this order, and drawn once it has settled them.
 */
function piecesInOrder(
  drawing: Drawing,
  junctions: Junctions,
  ends: readonly (LineEnd | undefined)[],
): (LaidOutConnector | PendingRoute)[] {
  const { relations, targets, router } = drawing;
  const pieces: (LaidOutConnector | PendingRoute)[] = [];
  for (let i = 0; i < relations.length; i++) {
    const relation = relations[i]!;
    if (relation.type === 'contradiction') {
      const a = boxOf(drawing, relation.from[0]!);
      const b = boxOf(drawing, relation.to);
      if (!a || !b || a.id === b.id) continue;
      pieces.push(new PendingRoute(contradictionRoute(a, b, router), relation.id, relation, a.id, b.id));
      continue;
    }
    const target = targets[i];
    const end = ends[i];
    if (target === undefined || !end) continue;
    const junction = junctions.of(i);
    if (junction) pieces.push(treeConnector(drawing.direction, relation, junction, end, target));
    // Premises not placed under the relation (shared nodes placed elsewhere): routed to its junction.
    if (junction?.relation === relation && junction.members.length === relation.from.length) continue;
    const entry = junction ? { point: junction.point, gap: junction.level } : end;
    relation.from.forEach((premise, k) => {
      const box = boxOf(drawing, premise);
      if (!box || premise === target || junction?.members.includes(box)) return;
      if (k > 0 && relation.from.indexOf(premise) < k) return; // listed twice
      const route = router.route(box, entry.point, entry.gap, target);
      pieces.push(new PendingRoute(route, `${relation.id}#${premise}`, relation, premise, target));
    });
  }
  return pieces;
}

/** One stub from each premise up to the bar, the bar across linked premises, then the line to the target. */
function treeConnector(
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
    toScreen(direction, { b, d: d - LABEL_ABOVE_BAR }),
    toScreen(direction, end.point),
    junction.members.map((m) => m.id),
    target,
  );
}

/** A settled route as a connector, its extent taken into the map's bounds. */
function routedConnector(
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

/** Same row: up into the gap above and back down; different rows: from the lower box to the upper one's bottom. */
function contradictionRoute(a: FrameBox, b: FrameBox, router: Router): PlannedRoute {
  if (a.level === b.level) {
    // A lane close above the row, clear of the bars of linked premises higher up in the gap.
    const gap = Math.min(a.top, b.top) - gapGeometry.contradictionLane;
    return {
      points: [
        { b: a.centre, d: a.top },
        { b: a.centre, d: gap },
        { b: b.centre, d: gap },
        { b: b.centre, d: b.top },
      ],
    };
  }
  const [lower, upper] = a.level > b.level ? [a, b] : [b, a];
  return router.route(lower, { b: upper.centre, d: upper.top + upper.depth }, upper.level + 1, upper.id);
}
