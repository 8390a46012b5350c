import type { Group } from '../../model/types.ts';
import type { TextMeasurer } from '../../text/measure.ts';
import type { TreeNode } from '../forest.ts';
import type { TidyPlacement } from '../tidy.ts';
import type { Direction, GroupFrame } from '../types.ts';
import { gapGeometry } from './gap-geometry.ts';
import { frameInsets, groupNesting } from './group-frames.ts';

/**
 * Group titles are drawn in the gaps and rows that routes pass through. Two steps keep routes off them: room
 * (a gap or a row is made deeper where a title would otherwise reach into a band of route tracks, which routes
 * run along at any breadth), and title spans (the router treats a title like a box in the rows whose passes would
 * cross it, and a route does not leave its box upwards through a title).
 */

/** Px kept between a title and the band of route tracks. */
const CLEARANCE = 2;

/** A title's extent in the layout frame: breadth from `low` to `high`, depth from `top` to `bottom`. */
interface TitleExtent {
  readonly low: number;
  readonly high: number;
  readonly top: number;
  readonly bottom: number;
}

/** Where a frame's title is drawn (its text's em box and descenders), in the layout frame. */
function titleExtent(frame: GroupFrame, direction: Direction, measurer: TextMeasurer): TitleExtent {
  const { size } = gapGeometry.title;
  const x = frame.titleAt.x;
  const y = frame.titleAt.y - size;
  const width = measurer.width(frame.title, 'semibold', size);
  const height = size * 1.25;
  return direction === 'down'
    ? { low: x, high: x + width, top: y, bottom: y + height }
    : { low: y, high: y + height, top: x, bottom: x + width };
}

/** A stretch of a row that routes must not pass through, over a group title; routes also leave no box upwards there. */
export interface TitleSpan {
  readonly level: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The rows whose passes would cross each frame's title: a route passing row r runs straight from the band of
 * the gap above it to the band of the gap below, so a title anywhere between those bands closes its breadth
 * in that row.
 */
export function titleSpans(
  frames: readonly GroupFrame[],
  direction: Direction,
  levelStart: readonly number[],
  levelSize: readonly number[],
  gap: number,
  measurer: TextMeasurer,
): TitleSpan[] {
  const spans: TitleSpan[] = [];
  const rowEnd = (r: number) => levelStart[r]! + levelSize[r]!;
  for (const frame of frames) {
    if (frame.part > 1) continue; // drawn without a title
    const title = titleExtent(frame, direction, measurer);
    for (let r = 0; r < levelStart.length; r++) {
      const from = r === 0 ? -Infinity : rowEnd(r - 1) + gap * gapGeometry.bandTop;
      const to = rowEnd(r) + gap * gapGeometry.bandBottom;
      if (title.bottom > from && title.top < to) spans.push({ level: r, low: title.low, high: title.high });
    }
  }
  return spans;
}

/**
 * The placement with room for the frames' titles where they would reach into a band of route tracks, which
 * routes run along at any breadth. Drawing down, the titles of frames around nested groups (their title bands
 * stack above the boxes) would reach into the band of the gap above: that gap is made deeper. Drawing right, a
 * title longer than its row would reach into the band of the gap after it: the row is made deeper, so that
 * the title stays in it (a box shorter than its row is joined from the row's end, as everywhere). Frames are
 * not known yet (they need the boxes' places), so every group around a row's node counts as a frame starting
 * in that row; hidden nodes count too, so that collapsing a subtree moves no row (levels are sized over all
 * nodes as well).
 */
export function withTitleRoom(
  placement: TidyPlacement,
  direction: Direction,
  gap: number,
  nodes: Iterable<TreeNode>,
  groupOf: (tree: TreeNode) => string | undefined,
  groups: readonly Group[],
  measurer: TextMeasurer,
): TidyPlacement {
  if (groups.length === 0) return placement;
  const rowGroups = framesByRow(nodes, groupOf, groups);
  const nesting = groupNesting(groups);
  const titleOf = new Map(groups.map((g) => [g.id, g.title]));
  const { inset, baseline, size } = gapGeometry.title;
  // Room added above each row (drawing down) or to each row's depth (drawing right).
  const above: number[] = placement.levelStart.map(() => 0);
  const deeper: number[] = placement.levelStart.map(() => 0);
  rowGroups.forEach((ids, r) => {
    for (const id of ids) {
      const title = titleOf.get(id);
      if (title === undefined) continue; // a group the map does not define has no frame
      const { pad, band } = frameInsets(nesting.get(id) ?? 0);
      if (direction === 'down') {
        // The title's top, above the row, must stay below the band of the gap above.
        const reach = pad + band - (baseline - size);
        if (r > 0) above[r] = Math.max(above[r]!, reach + CLEARANCE - gap * (1 - gapGeometry.bandBottom));
      } else {
        // The title's end, from the row's start, must stay in the row.
        const end = inset - pad + measurer.width(title, 'semibold', size);
        deeper[r] = Math.max(deeper[r]!, end - placement.levelSize[r]!);
      }
    }
  });
  if (above.every((e) => e <= 0) && deeper.every((e) => e <= 0)) return placement;
  let shift = 0;
  const levelStart = placement.levelStart.map((start, r) => {
    shift += Math.max(0, above[r]!);
    const at = start + shift;
    shift += Math.max(0, deeper[r]!);
    return at;
  });
  const levelSize = placement.levelSize.map((size, r) => size + Math.max(0, deeper[r]!));
  return { ...placement, levelStart, levelSize };
}

/** Per row, the groups that may have a frame around one of its nodes: each node's group and the groups around it. */
function framesByRow(
  nodes: Iterable<TreeNode>,
  groupOf: (tree: TreeNode) => string | undefined,
  groups: readonly Group[],
): Set<string>[] {
  const parentOf = new Map(groups.map((g) => [g.id, g.parent]));
  const rows: Set<string>[] = [];
  for (const tree of nodes) {
    const row = (rows[tree.depth] ??= new Set());
    for (let g = groupOf(tree); g !== undefined && !row.has(g); g = parentOf.get(g)) row.add(g);
  }
  return rows;
}

export { placeTitles } from './title-places.ts';
