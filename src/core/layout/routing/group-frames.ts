import type { Group, NodeId } from '../../model/types.ts';
import { GroupTree } from '../../model/groups.ts';
import { boundsOf } from '../rect.ts';
import { gapGeometry } from './gap-geometry.ts';
import { pieceRuns, partsOf, type Part, type Piece } from './frame-parts.ts';
import type { Direction, GroupFrame, LaidOutNode, Point, Rect } from '../types.ts';

const { framePadding, framePaddingPerNesting, titleBand } = gapGeometry;

/**
 * Frames for groups. Groups are themes, not subtrees: a group's boxes need not sit together. A frame follows
 * them row by row (one piece around each run of the group's boxes that no other box interrupts, joined across
 * the gap to the piece of each box's parent), so that a group whose boxes the tree keeps together gets one
 * frame however its rows widen and narrow, and never takes in a box of another group. A group the tree
 * splits gets one frame per part, in its colour, the title on the first. Frames are drawn behind the boxes.
 */
export function groupFrames(
  groups: readonly Group[],
  nodes: readonly LaidOutNode[],
  nodeGroup: (id: NodeId) => string | undefined,
  direction: Direction,
): GroupFrame[] {
  // Most maps have no groups: nothing to index.
  if (groups.length === 0) return [];
  const tree = new GroupTree(groups);
  const nesting = tree.nesting();
  const rows = new RowIndex(nodes, direction);
  const members = membersByGroup(tree, nodes, nodeGroup);
  const frames: GroupFrame[] = [];
  groups.forEach((group, groupIndex) => {
    const list = members.get(group.id);
    if (!list) return;
    members.delete(group.id);
    const parts = partsOf(pieceRuns(list, rows), list, rows);
    const insets = frameInsets(nesting.get(group.id) ?? 0);
    // Later parts have no title: no band for one either.
    const shaped = parts.map((part, i) =>
      partSlabs(part, rows, direction, i === 0 ? insets : { ...insets, band: 0 }),
    );
    shaped.forEach((shape, i) => {
      const { head } = shape;
      frames.push({
        id: group.id,
        key: parts.length === 1 ? group.id : `${group.id}#${i + 1}`,
        title: group.title,
        titleAt: { x: head.x + gapGeometry.title.inset, y: head.y + gapGeometry.title.baseline },
        nodes: parts[i]!.members.map((m) => nodes[m]!.id),
        ...boundsOf(shape.slabs),
        slabs: shape.slabs,
        head,
        groupIndex,
        part: i + 1,
        parts: parts.length,
        ...(i > 0 ? linkBetween(boundsOf(shaped[i - 1]!.slabs), boundsOf(shape.slabs)) : {}),
      });
    });
  });
  return frames;
}

/** Each shown box's row (its depth) and its neighbour after it in that row, by index in pre-order. */
export class RowIndex {
  /** The index of the next box in the same row (-1 for the last): pre-order meets each row left to right. */
  readonly next: Int32Array;
  /** The index of each box's parent among the shown boxes (-1 for a thesis). */
  readonly parent: Int32Array;
  /** Where each row's deepest box ends, along the depth axis, by row. */
  readonly end: number[] = [];

  constructor(
    readonly nodes: readonly LaidOutNode[],
    direction: Direction,
  ) {
    this.next = new Int32Array(nodes.length).fill(-1);
    this.parent = new Int32Array(nodes.length).fill(-1);
    // Rows are numbered from 0: arrays by row, not maps.
    const lastInRow: number[] = [];
    const indexOf = new Map<NodeId, number>();
    nodes.forEach((node, i) => {
      indexOf.set(node.id, i);
      const end = direction === 'down' ? node.y + node.height : node.x + node.width;
      this.end[node.depth] = Math.max(this.end[node.depth] ?? -Infinity, end);
      const before = lastInRow[node.depth];
      if (before !== undefined) this.next[before] = i;
      lastInRow[node.depth] = i;
      if (node.parent !== undefined) this.parent[i] = indexOf.get(node.parent) ?? -1;
    });
  }
}

/** For each group, the indices of the nodes in it or in a group nested in it, in node order. */
function membersByGroup(
  tree: GroupTree,
  nodes: readonly LaidOutNode[],
  nodeGroup: (id: NodeId) => string | undefined,
): Map<string, number[]> {
  const members = new Map<string, number[]>();
  nodes.forEach((node, index) => {
    // The groups met so far, made only for a box in a nested group (a cycle of parents ends the walk).
    let seen: Set<string> | undefined;
    const first = nodeGroup(node.id);
    for (let at = first, step = 0; at !== undefined; at = tree.parentOf.get(at), step++) {
      if (step > 0) {
        seen ??= new Set([first!]);
        if (seen.has(at)) break;
        seen.add(at);
      }
      const list = members.get(at);
      if (list) list.push(index);
      else members.set(at, [index]);
    }
  });
  return members;
}

/**
 * How many levels of groups each group holds nested inside it (0 for none). Nested groups get wider frames
 * than the groups inside them, so that both frames and titles show.
 */
export function groupNesting(groups: readonly Group[]): Map<string, number> {
  return new GroupTree(groups).nesting();
}

/** A frame's padding around its boxes and the title band above, for a group holding `nesting` levels. */
export const frameInsets = (nesting: number): { pad: number; band: number } => ({
  pad: framePadding + framePaddingPerNesting * nesting,
  band: titleBand * (1 + nesting),
});

/** Px kept between the frames of neighbouring groups. */
const FRAME_GAP = 6;

/**
 * The least gap between neighbouring boxes of two groups: room for the frames that end between them (of the
 * first box's groups, the outermost not around the second box: the widest) and those that begin (likewise,
 * with its title band, which drawing right lies across the breadth, before the box).
 */
export function frameGaps(
  groups: readonly Group[],
  direction: Direction,
): (a: string | undefined, b: string | undefined) => number {
  const tree = new GroupTree(groups);
  const nesting = tree.nesting();
  const defined = new Set(groups.map((g) => g.id));
  const chains = new Map<string, string[]>();
  const chain = (group: string | undefined): string[] => {
    if (group === undefined || !defined.has(group)) return [];
    let list = chains.get(group);
    if (!list) chains.set(group, (list = [...chain(tree.parentOf.get(group)), group]));
    return list;
  };
  return (a, b) => {
    const outerA = chain(a);
    const outerB = chain(b);
    let k = 0;
    while (k < outerA.length && k < outerB.length && outerA[k] === outerB[k]) k++;
    let gap = FRAME_GAP;
    if (k < outerA.length) gap += frameInsets(nesting.get(outerA[k]!) ?? 0).pad;
    if (k < outerB.length) {
      const { pad, band } = frameInsets(nesting.get(outerB[k]!) ?? 0);
      gap += pad + (direction === 'right' ? band : 0);
    }
    return gap;
  };
}

/** The narrowest join drawn between a piece and its parent's: room for two rounded corners. */
const MIN_JOIN = 2 * gapGeometry.framePadding;

/** A stretch of the layout frame: breadth `b0`–`b1`, depth `d0`–`d1`. */
interface Slab {
  b0: number;
  b1: number;
  d0: number;
  d1: number;
}

/**
 * The rectangles a part's frame is made of, in screen coordinates: first the band that holds the title (the
 * head), then a piece per run in each row (as deep as the row's deepest box), then per gap the
 * joins between pieces and their parents' pieces, merged where they meet. They share edges, never overlap.
 */
function partSlabs(
  part: Part,
  rowIndex: RowIndex,
  direction: Direction,
  { pad, band }: { pad: number; band: number },
): { slabs: Rect[]; head: Rect } {
  const down = direction === 'down';
  const { nodes } = rowIndex;
  const bOf = (n: LaidOutNode) => (down ? [n.x, n.x + n.width] : [n.y, n.y + n.height]);
  // Each row of the part from its boxes' start to the end of the row's deepest box (of any group): the joins
  // in the gap below then reach no box.
  const rows = new Map<number, { top: number; bottom: number }>();
  for (const m of part.members) {
    const node = nodes[m]!;
    if (rows.has(node.depth)) continue;
    const top = down ? node.y : node.x;
    rows.set(node.depth, { top: top - pad, bottom: rowIndex.end[node.depth]! + pad });
  }
  // Rows of nested groups' wide frames may reach past the middle of a gap: they meet there instead.
  for (const [depth, row] of rows) {
    const below = rows.get(depth + 1);
    if (below && row.bottom > below.top) row.bottom = below.top = (row.bottom + below.top) / 2;
  }
  const slabOf = (piece: Piece): Slab => {
    const row = rows.get(piece.depth)!;
    const first = bOf(nodes[piece.first]!)[0]!;
    const last = bOf(nodes[piece.last]!)[1]!;
    return { b0: first - pad, b1: last + pad, d0: row.top, d1: row.bottom };
  };
  const pieces = part.pieces.map(slabOf);
  const joins = gapJoins(part, pieces, rows);
  // The title goes in a band over the top row's first piece: its own slab, which `placeTitles` may widen.
  const top = Math.min(...part.pieces.map((p) => p.depth));
  const head = pieces[part.pieces.findIndex((p) => p.depth === top)]!;
  const hat: Slab = down
    ? { b0: head.b0, b1: head.b1, d0: head.d0 - band, d1: head.d0 }
    : { b0: head.b0 - band, b1: head.b0, d0: head.d0, d1: head.d1 };
  const screen = (s: Slab): Rect =>
    down
      ? { x: s.b0, y: s.d0, width: s.b1 - s.b0, height: s.d1 - s.d0 }
      : { x: s.d0, y: s.b0, width: s.d1 - s.d0, height: s.b1 - s.b0 };
  if (band === 0) return { slabs: [...pieces, ...joins].map(screen), head: screen(head) };
  return { slabs: [hat, ...pieces, ...joins].map(screen), head: screen(hat) };
}

/**
 * Per gap, the joins between pieces and the pieces of their boxes' parents: where the two overlap along the
 * row, that overlap; else a bridge from one's end to the other's. Joins in one gap are merged where they
 * meet, so that no two overlap.
 */
function gapJoins(
  part: Part,
  pieces: readonly Slab[],
  rows: ReadonlyMap<number, { top: number; bottom: number }>,
): Slab[] {
  const byGap = new Map<number, [number, number][]>();
  for (const [upper, lower] of part.links) {
    const u = pieces[upper]!;
    const p = pieces[lower]!;
    const lo = Math.max(u.b0, p.b0);
    const hi = Math.min(u.b1, p.b1);
    const span: [number, number] =
      hi - lo >= MIN_JOIN
        ? [lo, hi]
        : [
            Math.max(Math.min(u.b0, p.b0), Math.min(lo, hi) - MIN_JOIN / 2),
            Math.min(Math.max(u.b1, p.b1), Math.max(lo, hi) + MIN_JOIN / 2),
          ];
    const depth = part.pieces[upper]!.depth;
    const list = byGap.get(depth);
    if (list) list.push(span);
    else byGap.set(depth, [span]);
  }
  const joins: Slab[] = [];
  for (const [depth, spans] of byGap) {
    const d0 = rows.get(depth)!.bottom;
    const d1 = rows.get(depth + 1)!.top;
    if (d1 <= d0) continue;
    for (const [b0, b1] of mergeSpans(spans)) joins.push({ b0, b1, d0, d1 });
  }
  return joins;
}

/** Spans merged where they overlap or touch, in order. */
function mergeSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The longest link drawn between a group's parts: a longer one would cross the map, a line among lines. */
const MAX_LINK = 240;

/**
 * The link from a group's part to the next: the shortest line between their edges, when they are near each
 * other and apart (none when they overlap).
 */
function linkBetween(a: Rect, b: Rect): { link: readonly [Point, Point] } | Record<string, never> {
  const along = (a0: number, a1: number, b0: number, b1: number): [number, number] => {
    if (a1 < b0) return [a1, b0];
    if (b1 < a0) return [a0, b1];
    const middle = (Math.max(a0, b0) + Math.min(a1, b1)) / 2;
    return [middle, middle];
  };
  const [ax, bx] = along(a.x, a.x + a.width, b.x, b.x + b.width);
  const [ay, by] = along(a.y, a.y + a.height, b.y, b.y + b.height);
  const length = Math.hypot(bx - ax, by - ay);
  if (length === 0 || length > MAX_LINK) return {};
  return {
    link: [
      { x: ax, y: ay },
      { x: bx, y: by },
    ],
  };
}
