import { indexMap, conclusionOf, type MapIndex } from '../model/map-index.ts';
import { rolesOf } from '../model/roles.ts';
import type { ArgumentMap, NodeId, Relation, RelationId } from '../model/types.ts';
import { createFontMeasurer, type TextMeasurer } from '../text/measure.ts';
import { measureBox, type BoxContent } from './box-style.ts';
import { buildForest, type TreeNode } from './forest.ts';
import { bumpBreadthAt, framePoint, LineBuilder, midpoint, toScreen, type FramePoint } from './frame.ts';
import { gapGeometry, pointAlong } from './routing/gap-geometry.ts';
import { groupFrames } from './routing/group-frames.ts';
import { titleSpans, withTitleRoom } from './routing/group-titles.ts';
import { boundsOf } from './rect.ts';
import { effortFor } from './routing/route-search.ts';
import { GapLine, Router, type FrameBox, type PlannedRoute } from './routing/router.ts';
import { placeTidy, type Extent, type Spacing } from './tidy.ts';
import type { Direction, LaidOutConnector, LaidOutMap, LaidOutNode, Point, Rect } from './types.ts';

export interface LayoutOptions {
  readonly direction?: Direction;
  /** Nodes whose subtrees are hidden. */
  readonly collapsed?: ReadonlySet<NodeId>;
  readonly measurer?: TextMeasurer;
}

/** Corner radius of routes around boxes. */
const ROUTE_RADIUS = gapGeometry.routeCornerRadius;
/**
 * Routes with more corners than this (plain routes stepping across dozens of rows of a huge map) keep them
 * sharp: rounding triples their steps, and such maps are seen from too far for it to show.
 */
const ROUNDED_UP_TO = 16;
/** Length of route a label needs (room for the longest label word, "contradicts"). */
const LABEL_ROOM = gapGeometry.routeLabelRoom;

const spacingFor: Record<Direction, Spacing> = {
  down: { linked: 12, sibling: 28, cousin: 40, thesis: 72, level: 64, groupBoundary: 8 },
  right: { linked: 8, sibling: 18, cousin: 28, thesis: 48, level: 88, groupBoundary: 34 },
};

/**
 * Lays a map out: boxes sized from the font's metrics, a tidy tree on each node's primary parent, connectors
 * for every relation (linked premises under one bar, undercuts into the middle of the connector they attack,
 * cross-links and contradictions routed around boxes), and frames for groups. Pure and deterministic.
 */
export function layoutMap(map: ArgumentMap, options: LayoutOptions = {}): LaidOutMap {
  const direction = options.direction ?? 'down';
  const collapsed = options.collapsed ?? new Set<NodeId>();
  const measurer = options.measurer ?? createFontMeasurer();
  const spacing = spacingFor[direction];
  const index = indexMap(map);
  const roles = rolesOf(index);
  const forest = buildForest(index);
  const trees = forest.all;
  // Each box's wrapped text and its extent in the layout frame (breadth along siblings, depth along levels),
  // by tree node index.
  const contents: BoxContent[] = new Array<BoxContent>(trees.size);
  const extents: Extent[] = new Array<Extent>(trees.size);
  const groupAt: (string | undefined)[] = new Array<string | undefined>(trees.size);
  // Each node's parent in the tree: the conclusion of its primary relation.
  const parentAt: (NodeId | undefined)[] = new Array<NodeId | undefined>(trees.size);
  for (const tree of trees.values()) {
    const node = index.node(tree.id)!;
    groupAt[tree.index] = node.group;
    for (const child of tree.children) parentAt[child.index] = tree.id;
    const content = measureBox(node, roles.get(tree.id)!, measurer);
    contents[tree.index] = content;
    extents[tree.index] =
      direction === 'down'
        ? { breadth: content.width, depth: content.height }
        : { breadth: content.height, depth: content.width };
  }
  const extent = (tree: TreeNode): Extent => extents[tree.index]!;

  const groupOf = (tree: TreeNode) => groupAt[tree.index];
  const placement = withTitleRoom(
    placeTidy(forest, collapsed, extent, spacing, groupOf),
    direction,
    spacing.level,
    trees.values(),
    groupOf,
    map.groups,
    measurer,
  );
  const shown = shownNodes(forest.roots, collapsed);

  // The shown boxes in the layout frame, by tree node index.
  const frames: (FrameBox | undefined)[] = new Array<FrameBox | undefined>(trees.size);
  for (const tree of shown) {
    frames[tree.index] = {
      id: tree.id,
      centre: placement.centre[tree.index]!,
      top: placement.levelStart[tree.depth]!,
      level: tree.depth,
      breadth: extent(tree).breadth,
      depth: extent(tree).depth,
    };
  }
  const nodes: LaidOutNode[] = shown.map((tree) => {
    const box = contents[tree.index]!;
    const frame = frames[tree.index]!;
    const corner = toScreen(direction, { b: frame.centre - frame.breadth / 2, d: frame.top });
    const parent = parentAt[tree.index];
    return {
      id: tree.id,
      role: roles.get(tree.id)!,
      depth: tree.depth,
      x: corner.x,
      y: corner.y,
      width: box.width,
      height: box.height,
      label: box.label,
      titleLines: box.titleLines,
      textLines: box.textLines,
      truncated: box.truncated,
      collapsed: collapsed.has(tree.id) && tree.children.length > 0,
      hidden: collapsed.has(tree.id) ? tree.size : 0,
      hasChildren: tree.children.length > 0,
      // Always present (maybe undefined), so that every node object has the same shape: faster in V8.
      parent,
    };
  });

  const groups = groupFrames(map.groups, nodes, (id) => index.node(id)?.group);
  const router = new Router(
    shown.map((tree) => frames[tree.index]!),
    placement.levelStart,
    placement.levelSize,
    spacing.level,
    effortFor(shown.length),
    titleSpans(groups, direction, placement.levelStart, placement.levelSize, spacing.level, measurer),
  );
  const routeExtent: RouteExtent = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  const connectors = drawConnectors(index, trees, frames, router, direction, spacing, routeExtent);
  const bounds = boundsOf([...nodes, ...groups]);
  return { direction, nodes, connectors, groups, bounds: withRoutes(bounds, routeExtent) };
}

/** The screen extent of the routes drawn (they may run beside the outermost boxes or above the top row). */
interface RouteExtent {
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
function withRoutes(bounds: Rect, extent: RouteExtent): Rect {
  if (extent.left > extent.right) return bounds;
  const x = Math.min(bounds.x, extent.left);
  const y = Math.min(bounds.y, extent.top);
  const right = Math.max(bounds.x + bounds.width, extent.right);
  const bottom = Math.max(bounds.y + bounds.height, extent.bottom);
  return { x, y, width: right - x, height: bottom - y };
}

/** Shown nodes in pre-order (parents before children, siblings in order), iteratively. */
function shownNodes(roots: readonly TreeNode[], collapsed: ReadonlySet<NodeId>): TreeNode[] {
  const out: TreeNode[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    if (!collapsed.has(node.id))
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Where a relation's line ends, the gap it ends in, and the row's bottom below its target if lower. */
class LineEnd {
  constructor(
    readonly point: FramePoint,
    readonly gap: number,
    readonly via: FramePoint | undefined,
  ) {}
}

/** How far above its bar a tree connector's label sits. */
const LABEL_ABOVE_BAR = gapGeometry.labelAboveBar;

/** The bar joining a relation's premises placed under it, in their row's gap above. */
class Junction {
  /**
   * Middle of the line to the target, where undercuts of this relation arrive (set once the ends are known).
   * An undercut's own junction keeps its bar point here: an undercut of an undercut arrives at that bar.
   */
  middle: FramePoint;

  constructor(
    /** The relation it was made for (the first of several with one id). */
    readonly relation: Relation,
    readonly members: readonly FrameBox[],
    /** Where the premises' bar meets the line to the target. */
    readonly point: FramePoint,
    readonly level: number,
  ) {
    this.middle = point;
  }
}

/** The relations in file order, and what every step of drawing their connectors reads. */
interface Drawing {
  readonly index: MapIndex;
  readonly relations: readonly Relation[];
  /** Each relation's target (for undercuts: the conclusion of the relation attacked), by place in the file. */
  readonly targets: readonly (NodeId | undefined)[];
  /** The place in the file of the first relation with each relation's id. */
  readonly firstAt: readonly number[];
  readonly trees: ReadonlyMap<NodeId, TreeNode>;
  /** The shown boxes, by tree node index. */
  readonly frames: readonly (FrameBox | undefined)[];
  readonly router: Router;
  readonly direction: Direction;
}

function boxOf(drawing: Drawing, id: NodeId): FrameBox | undefined {
  const tree = drawing.trees.get(id);
  return tree && drawing.frames[tree.index];
}

/**
 * Junctions by the relation's place in the file. A relation sharing its id with an earlier one shares that
 * one's junction.
 */
class Junctions {
  constructor(
    private readonly drawing: Drawing,
    private readonly at: readonly (Junction | undefined)[],
  ) {}

  /** The junction of the relation at place `i` in the file. */
  of(i: number): Junction | undefined {
    return this.at[this.drawing.firstAt[i]!];
  }

  ofId(id: RelationId): Junction | undefined {
    const at = this.drawing.index.relationOrder(id);
    return at < 0 ? undefined : this.at[at];
  }
}

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

function drawConnectors(
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

/** The junction of every relation that has premises placed under it (undercuts aim at their middles). */
function placeJunctions(drawing: Drawing, spacing: Spacing): Junctions {
  const { relations, targets, firstAt, trees, frames } = drawing;
  const junctionAt: (Junction | undefined)[] = new Array<Junction | undefined>(relations.length);
  for (let i = 0; i < relations.length; i++) {
    const relation = relations[i]!;
    if (relation.type === 'contradiction' || firstAt[i] !== i) continue;
    const target = targets[i];
    if (target === undefined || !boxOf(drawing, target)) continue;
    const members: FrameBox[] = [];
    for (const id of relation.from) {
      const tree = trees.get(id);
      const box = tree?.relation === relation.id ? frames[tree.index] : undefined;
      if (box) members.push(box);
    }
    if (members.length === 0) continue;
    const first = members[0]!;
    let left = Infinity;
    let right = -Infinity;
    for (const m of members) {
      left = Math.min(left, m.centre - m.breadth / 2);
      right = Math.max(right, m.centre + m.breadth / 2);
    }
    const level = first.level;
    const point = framePoint(
      members.length === 1 ? first.centre : (left + right) / 2,
      first.top - spacing.level * gapGeometry.junctionAbovePremises,
    );
    junctionAt[i] = new Junction(relation, members, point, level);
  }
  return new Junctions(drawing, junctionAt);
}

/**
 * Where each relation's line ends (by its place in the file): the target's bottom, or for an undercut the
 * middle of the line it attacks. Under a box shorter than its row the line comes straight up from the row's
 * bottom (`via`), so that lines cross the row only inside their target's own column, where routes never pass.
 * Undercuts last: they aim at middles, which are known once the other lines' ends are (each junction's
 * middle is set here).
 */
function lineEnds(drawing: Drawing, junctions: Junctions): (LineEnd | undefined)[] {
  const { relations, targets } = drawing;
  const ends: (LineEnd | undefined)[] = new Array<LineEnd | undefined>(relations.length);
  for (let i = 0; i < relations.length; i++) {
    const relation = relations[i]!;
    if (relation.type === 'undercut' || relation.type === 'contradiction') continue;
    const end = (ends[i] = boxEnd(drawing, targets[i]));
    const junction = junctions.of(i);
    if (junction && end)
      junction.middle = pointAlong(junction.point, end.via ?? end.point, gapGeometry.undercutArrival);
  }
  for (let i = 0; i < relations.length; i++) {
    const relation = relations[i]!;
    if (relation.type !== 'undercut') continue;
    const attacked = junctions.ofId(relation.to);
    ends[i] =
      attacked && boxOf(drawing, targets[i]!)
        ? new LineEnd(attacked.middle, attacked.level, undefined)
        : boxEnd(drawing, targets[i]);
  }
  return ends;
}

/** The end of a line at the bottom of its target's box. */
function boxEnd(drawing: Drawing, target: NodeId | undefined): LineEnd | undefined {
  const box = target === undefined ? undefined : boxOf(drawing, target);
  if (!box) return undefined;
  const point = framePoint(box.centre, box.top + box.depth);
  const rowEnd = drawing.router.rowEnd(box.level);
  return new LineEnd(point, box.level + 1, rowEnd - point.d > 0.5 ? framePoint(point.b, rowEnd) : undefined);
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
