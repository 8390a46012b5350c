import type { Point, Rect } from './types.ts';

/**
 * The outline of a region made of rectangles that do not overlap (they may share edges): closed loops of
 * corner points, in screen coordinates. An edge is on the outline where it is not shared: along each line, the
 * parts covered by exactly one of the two sides (tops against bottoms, lefts against rights). A region with a
 * hole gives a loop for the hole too.
 */
export function outlineLoops(rects: readonly Rect[]): Point[][] {
  const segments: Segment[] = [];
  const horizontal = new Map<number, Sides>();
  const vertical = new Map<number, Sides>();
  const side = (lines: Map<number, Sides>, at: number) => {
    let sides = lines.get(at);
    if (!sides) lines.set(at, (sides = { low: [], high: [] }));
    return sides;
  };
  for (const r of rects) {
    if (r.width <= 0 || r.height <= 0) continue;
    const right = r.x + r.width;
    const bottom = r.y + r.height;
    side(horizontal, r.y).low.push([r.x, right]);
    side(horizontal, bottom).high.push([r.x, right]);
    side(vertical, r.x).low.push([r.y, bottom]);
    side(vertical, right).high.push([r.y, bottom]);
  }
  for (const [y, sides] of horizontal)
    for (const [a, b] of unshared(sides)) segments.push({ from: { x: a, y }, to: { x: b, y } });
  for (const [x, sides] of vertical)
    for (const [a, b] of unshared(sides)) segments.push({ from: { x, y: a }, to: { x, y: b } });
  return joinSegments(segments);
}

interface Sides {
  /** Edges of rectangles lying on the far side of the line (their tops, or their lefts). */
  readonly low: [number, number][];
  /** Edges of rectangles lying on the near side (their bottoms, or their rights). */
  readonly high: [number, number][];
}

interface Segment {
  readonly from: Point;
  readonly to: Point;
}

/** The stretches of a line covered by edges of one side only, each as long as it runs. */
function unshared({ low, high }: Sides): [number, number][] {
  const events: [number, number, number][] = [];
  for (const [a, b] of low) events.push([a, 1, 0], [b, -1, 0]);
  for (const [a, b] of high) events.push([a, 0, 1], [b, 0, -1]);
  events.sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  let lows = 0;
  let highs = 0;
  let start: number | undefined;
  for (let i = 0; i < events.length;) {
    const at = events[i]![0];
    for (; i < events.length && events[i]![0] === at; i++) {
      lows += events[i]![1];
      highs += events[i]![2];
    }
    const onOutline = lows > 0 !== highs > 0;
    if (onOutline && start === undefined) start = at;
    else if (!onOutline && start !== undefined) {
      out.push([start, at]);
      start = undefined;
    }
  }
  return out;
}

const keyOf = (p: Point): string => `${p.x},${p.y}`;

/** Segments end to end into closed loops, with the corners only (points where the outline turns). */
function joinSegments(segments: readonly Segment[]): Point[][] {
  const at = new Map<string, number[]>();
  segments.forEach((s, i) => {
    for (const p of [s.from, s.to]) {
      const list = at.get(keyOf(p));
      if (list) list.push(i);
      else at.set(keyOf(p), [i]);
    }
  });
  const used = new Uint8Array(segments.length);
  const loops: Point[][] = [];
  for (let first = 0; first < segments.length; first++) {
    if (used[first]) continue;
    used[first] = 1;
    const start = segments[first]!.from;
    const loop: Point[] = [start];
    let point = segments[first]!.to;
    while (keyOf(point) !== keyOf(start)) {
      loop.push(point);
      const next = (at.get(keyOf(point)) ?? []).find((i) => !used[i]);
      if (next === undefined) break;
      used[next] = 1;
      const s = segments[next]!;
      point = keyOf(s.from) === keyOf(point) ? s.to : s.from;
    }
    loops.push(corners(loop));
  }
  return loops;
}

/** A loop without the points where it runs straight on. */
function corners(loop: readonly Point[]): Point[] {
  return loop.filter((p, i) => {
    const before = loop[(i + loop.length - 1) % loop.length]!;
    const after = loop[(i + 1) % loop.length]!;
    const straight = (before.x === p.x && p.x === after.x) || (before.y === p.y && p.y === after.y);
    return !straight;
  });
}
