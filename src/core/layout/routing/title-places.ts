import type { TextMeasurer } from '../../text/measure.ts';
import { boundsOf } from '../rect.ts';
import type { Direction, GroupFrame, LaidOutNode, Rect } from '../types.ts';
import { gapGeometry } from './gap-geometry.ts';

/**
 * The frames with their titles moved off the tree's lines, drawing down. A title sits in its frame's head, a
 * band over the top row, which the lines from that row up to their parents run through: each shown box with
 * a parent sends one up from the middle of its top (to its bar, then on to its parent, close to that column
 * for the height of a title). The title starts at its inset when no line runs through it there and it fits;
 * else at the place nearest to that, beside a line, where it keeps clear of every line: inside the head when
 * there is room, or with the head widened to hold it, where that takes in no box and keeps clear of other
 * groups' frames. Where no place is clear, it stays at its inset. Drawing right, the lines leave boxes from
 * their sides, below the title band.
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
  // Built at the first title that needs a wider head: most maps have none.
  let obstacles: Obstacles | undefined;
  return frames.map((frame, index) => {
    if (frame.part > 1) return frame;
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
      // Lines further off than a title's width cannot bear on where it goes.
      if (middle > frame.head.x - width && middle < frame.head.x + frame.head.width + width)
        lines.push(middle);
    }
    lines.sort((a, b) => a - b);
    const x = titleStart(frame, width, lines, (head) =>
      (obstacles ??= new Obstacles(frames, nodes)).free(head, index),
    );
    if (x === frame.titleAt.x) return frame;
    const head = widened(frame.head, x, width);
    const slabs = [head, ...frame.slabs.slice(1)];
    return { ...frame, ...boundsOf(slabs), slabs, head, titleAt: { x, y: frame.titleAt.y } };
  });
}

/** The head grown to hold a title `width` wide starting at `x`, with the inset on both sides. */
function widened(head: Rect, x: number, width: number): Rect {
  const { inset } = gapGeometry.title;
  const left = Math.min(head.x, x - inset);
  const right = Math.max(head.x + head.width, x + width + inset);
  return { ...head, x: left, width: right - left };
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

/**
 * Where the title starts: at its inset when that is clear of the lines and fits in the head; else the clear
 * place nearest to the inset (just beside a line) that fits in the head, or failing that whose widened head
 * is `free`; else at the inset.
 */
function titleStart(
  frame: GroupFrame,
  width: number,
  lines: readonly number[],
  free: (head: Rect) => boolean,
): number {
  const inset = frame.titleAt.x;
  const { clearance } = gapGeometry.title;
  const end = frame.head.x + frame.head.width - gapGeometry.title.inset;
  const clear = (x: number) => lines.every((l) => l <= x - clearance || l >= x + width + clearance);
  const fits = (x: number) => x >= inset && x + width <= end;
  if (clear(inset) && fits(inset)) return inset;
  const near = (a: number, b: number) => Math.abs(a - inset) - Math.abs(b - inset);
  const places = lines.flatMap((l) => [l + clearance, l - clearance - width]).sort(near);
  const inside = places.find((x) => fits(x) && clear(x));
  if (inside !== undefined) return inside;
  const outside = [inset, ...places].find((x) => clear(x) && free(widened(frame.head, x, width)));
  return outside ?? inset;
}

/**
 * What a widened head must not reach into: boxes, and the slabs of frames of other groups, nor come within a
 * title's inset of those (frames that share no box with it: a frame around a group nested in another lies
 * inside the other's). In a grid of cells, so that each head looks at its neighbourhood only.
 */
class Obstacles {
  private readonly cells = new Map<string, { rect: Rect; frame: number }[]>();
  private readonly members = new Map<number, Set<string>>();
  /** Px per cell: at least a box's size, and so large that no slab spans more than a few cells. */
  private readonly cell: number;

  constructor(
    private readonly frames: readonly GroupFrame[],
    nodes: readonly LaidOutNode[],
  ) {
    let largest = 0;
    for (const frame of frames) largest = Math.max(largest, frame.width, frame.height);
    this.cell = Math.max(256, largest / 4);
    frames.forEach((frame, i) => {
      for (const slab of frame.slabs) this.add(slab, i);
    });
    for (const node of nodes) this.add(node, -1);
  }

  /**
   * True when `head`, the head of frame `index`, reaches into no box, and neither into nor within a title's
   * inset of a slab of an unrelated frame: a title just over another group's frame reads as that group's.
   */
  free(head: Rect, index: number): boolean {
    const margin = gapGeometry.title.inset;
    const near = {
      x: head.x - margin,
      y: head.y - margin,
      width: head.width + 2 * margin,
      height: head.height + 2 * margin,
    };
    for (const key of this.keys(near))
      for (const { rect, frame } of this.cells.get(key) ?? []) {
        if (frame === index) continue;
        if (frame < 0 ? overlaps(rect, head) : overlaps(rect, near) && !this.related(frame, index))
          return false;
      }
    return true;
  }

  /** Whether one frame's group is nested in the other's: then one holds all the boxes of the other. */
  private related(a: number, b: number): boolean {
    const first = (i: number) => this.frames[i]!.nodes[0];
    return this.nodesOf(a).has(first(b)!) || this.nodesOf(b).has(first(a)!);
  }

  private nodesOf(i: number): Set<string> {
    let set = this.members.get(i);
    if (!set) this.members.set(i, (set = new Set(this.frames[i]!.nodes)));
    return set;
  }

  private add(rect: Rect, frame: number): void {
    for (const key of this.keys(rect)) {
      const list = this.cells.get(key);
      if (list) list.push({ rect, frame });
      else this.cells.set(key, [{ rect, frame }]);
    }
  }

  private *keys(r: Rect): Generator<string> {
    const size = this.cell;
    for (let cx = Math.floor(r.x / size); cx <= Math.floor((r.x + r.width) / size); cx++)
      for (let cy = Math.floor(r.y / size); cy <= Math.floor((r.y + r.height) / size); cy++)
        yield `${cx},${cy}`;
  }
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
