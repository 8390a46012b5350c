import type { Group } from '../../model/types.ts';
import type { TextMeasurer } from '../../text/measure.ts';
import type { TreeNode } from '../forest.ts';
import type { TidyPlacement } from '../tidy.ts';
import type { Direction, GroupFrame, LaidOutNode } from '../types.ts';
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

/**
 * The frames with their titles moved off the tree's lines, drawing down. A title sits in its frame's top band,
 * which the lines from the frame's top row up to their parents run through: each shown box with a parent
 * sends one up from the middle of its top (to its bar, then on to its parent, close to that column for the
 * height of a title). The title starts at its inset when no such line runs through it there; else just right
 * of the first line after which it fits before the next one and inside the frame. Where it fits nowhere, it
 * stays at its inset. Drawing right, the lines leave boxes from their sides, below the title band.
 */
export function placeTitles(
  frames: readonly GroupFrame[],
  nodes: readonly LaidOutNode[],
  direction: Direction,
  gap: number,
  measurer: TextMeasurer,
): GroupFrame[] {
  if (direction !== 'down' || frames.length === 0) return [...frames];
  const { size } = gapGeometry.title;
  // Boxes with a line up, by their top: each frame looks at the few in the rows just under its title.
  const risers = nodes.filter((n) => n.parent !== undefined).sort((a, b) => a.y - b.y);
  return frames.map((frame) => {
    const top = frame.titleAt.y - size;
    const bottom = top + size * 1.25;
    const width = measurer.width(frame.title, 'semibold', size);
    // The middles of the boxes whose lines up cross the title's height: boxes starting below the title and at
    // most a gap (and a title's height) lower.
    const lines: number[] = [];
    for (let i = firstAtOrBelow(risers, bottom); i < risers.length; i++) {
      const n = risers[i]!;
      if (n.y - gap - size > bottom) break;
      const middle = n.x + n.width / 2;
      if (middle > frame.x && middle < frame.x + frame.width) lines.push(middle);
    }
    lines.sort((a, b) => a - b);
    const x = titleStart(frame, width, lines);
    return x === frame.titleAt.x ? frame : { ...frame, titleAt: { x, y: frame.titleAt.y } };
  });
}

/** The index of the first box (sorted by top) whose top is at `y` or below (binary search). */
function firstAtOrBelow(boxes: readonly LaidOutNode[], y: number): number {
  let lo = 0;
  let hi = boxes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boxes[mid]!.y < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The leftmost start of a title `width` wide in the frame's top band that keeps clear of the lines. */
function titleStart(frame: GroupFrame, width: number, lines: readonly number[]): number {
  const inset = frame.titleAt.x;
  const end = frame.x + frame.width - gapGeometry.title.inset;
  const clear = (x: number) =>
    x + width <= end &&
    lines.every((l) => l <= x - gapGeometry.title.clearance || l >= x + width + gapGeometry.title.clearance);
  if (clear(inset)) return inset;
  for (const line of lines) {
    const x = line + gapGeometry.title.clearance;
    if (x > inset && clear(x)) return x;
  }
  return inset;
}
