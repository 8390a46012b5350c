import type { MapIndex } from '../model/map-index.ts';
import type { NodeId, Relation, RelationId } from '../model/types.ts';
import type { TreeNode } from './forest.ts';
import { framePoint, type FramePoint } from './frame.ts';
import { gapGeometry, pointAlong } from './routing/gap-geometry.ts';
import type { FrameBox, Router } from './routing/router.ts';
import type { Spacing } from './tidy.ts';
import type { Direction } from './types.ts';

/*
 * Where the connectors of a map meet: the bar (junction) of each relation's premises, and where each
 * relation's line ends at its target or, for an undercut, at the middle of the line it attacks.
 */

/** Where a relation's line ends, the gap it ends in, and the row's bottom below its target if lower. */
export class LineEnd {
  constructor(
    readonly point: FramePoint,
    readonly gap: number,
    readonly via: FramePoint | undefined,
  ) {}
}

/** The bar joining a relation's premises placed under it, in their row's gap above. */
export class Junction {
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
export interface Drawing {
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

export function boxOf(drawing: Drawing, id: NodeId): FrameBox | undefined {
  const tree = drawing.trees.get(id);
  return tree && drawing.frames[tree.index];
}

/**
 * Junctions by the relation's place in the file. A relation sharing its id with an earlier one shares that
 * one's junction.
 */
export class Junctions {
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

/** The junction of every relation that has premises placed under it (undercuts aim at their middles). */
export function placeJunctions(drawing: Drawing, spacing: Spacing): Junctions {
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
export function lineEnds(drawing: Drawing, junctions: Junctions): (LineEnd | undefined)[] {
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
