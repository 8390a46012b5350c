import type { MapIndex } from '../model/map-index.ts';
import type { NodeId } from '../model/types.ts';
import { PendingRoute, routedConnector, treeConnector, type RouteExtent } from './connector-lines.ts';
import type { TreeNode } from './forest.ts';
import { drawnTargetOf } from './drawn-target.ts';
import { bumpBreadthAt } from './frame.ts';
import { boxOf, lineEnds, placeJunctions, type Drawing, type Junctions, type LineEnd } from './junctions.ts';
import { gapGeometry } from './routing/gap-geometry.ts';
import { GapLine, type FrameBox, type PlannedRoute, type Router } from './routing/router.ts';
import type { Spacing } from './tidy.ts';
import type { Direction, LaidOutConnector } from './types.ts';

/*
 * The connectors of a laid-out map: tree connectors (premises up to their bar, the bar, the line to the
 * target), undercuts into the middle of the line they attack, and cross-links and contradictions routed
 * around boxes. Each step returns data for the next (docs/ARCHITECTURE.md, "Layout"): where the connectors
 * meet (`junctions.ts`), the tree lines routes avoid, every piece in file order with its route asked of the
 * router, and once the routes are settled each piece drawn (`connector-lines.ts`).
 */

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
    targets: relations.map((relation) => drawnTargetOf(index, relation)),
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
      pieces.push(
        new PendingRoute(
          route,
          `${relation.id}#${premise}`,
          relation,
          premise,
          target,
          junction !== undefined,
        ),
      );
    });
  }
  return pieces;
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
