import { px } from '../round.ts';
import type { Direction, Point } from './types.ts';

/**
 * Layout works in one frame: `b` along the sibling axis (breadth), `d` from parent to child (depth). The
 * "down" direction draws b as x and d as y; "right" draws d as x and b as y.
 */
export interface FramePoint {
  readonly b: number;
  readonly d: number;
}

/**
 * A frame point made by the layout in bulk (thousands per map). A class, not an object literal: literals
 * `{ b, d }` all over the layout share one shape, whose fields V8 keeps widening between small integers and
 * doubles, and allocating from a widened shape is slow.
 */
class Frame implements FramePoint {
  constructor(
    readonly b: number,
    readonly d: number,
  ) {}
}

export const framePoint = (b: number, d: number): FramePoint => new Frame(b, d);

export const toScreen = (direction: Direction, p: FramePoint): Point =>
  direction === 'down' ? { x: p.b, y: p.d } : { x: p.d, y: p.b };

const n = px;

/**
 * SVG path through frame points, each step a "bump" (a cubic whose tangents run along the depth axis at both
 * ends): straight along either axis, an S-curve between levels.
 */
export function bumpPath(direction: Direction, points: readonly FramePoint[]): string {
  if (points.length === 0) return '';
  // Screen x and y of a frame point: b and d swap in the "right" direction. Inlined: this runs for every
  // connector of a map.
  const down = direction === 'down';
  let p = points[0]!;
  let ax = down ? p.b : p.d;
  let ay = down ? p.d : p.b;
  let sax = n(ax);
  let say = n(ay);
  let d = `M${sax},${say}`;
  for (let i = 1; i < points.length; i++) {
    p = points[i]!;
    const zx = down ? p.b : p.d;
    const zy = down ? p.d : p.b;
    const szx = n(zx);
    const szy = n(zy);
    d += step(down, ax, ay, sax, say, zx, zy, szx, szy);
    ax = zx;
    ay = zy;
    sax = szx;
    say = szy;
  }
  return d;
}

/**
 * `bumpPath` through two or three points given as numbers (no b2, d2 for two): the same text without the
 * arrays and point objects, and each coordinate printed once. Tree connectors are drawn by the ten thousand.
 */
export function bumpSteps(
  direction: Direction,
  b0: number,
  d0: number,
  b1: number,
  d1: number,
  b2?: number,
  d2?: number,
): string {
  const down = direction === 'down';
  const x0 = down ? b0 : d0;
  const y0 = down ? d0 : b0;
  const x1 = down ? b1 : d1;
  const y1 = down ? d1 : b1;
  const sx0 = n(x0);
  const sy0 = n(y0);
  const sx1 = n(x1);
  const sy1 = n(y1);
  const first = `M${sx0},${sy0}${step(down, x0, y0, sx0, sy0, x1, y1, sx1, sy1)}`;
  if (b2 === undefined || d2 === undefined) return first;
  const x2 = down ? b2 : d2;
  const y2 = down ? d2 : b2;
  return first + step(down, x1, y1, sx1, sy1, x2, y2, n(x2), n(y2));
}

/** One step of a bump path from (ax, ay) to (zx, zy), their coordinates already printed. */
function step(
  down: boolean,
  ax: number,
  ay: number,
  sax: string,
  say: string,
  zx: number,
  zy: number,
  szx: string,
  szy: string,
): string {
  if (ax === zx || ay === zy) return `L${szx},${szy}`;
  if (down) {
    const m = n((ay + zy) / 2);
    return `C${sax},${m} ${szx},${m} ${szx},${szy}`;
  }
  const m = n((ax + zx) / 2);
  return `C${m},${say} ${m},${szy} ${szx},${szy}`;
}

export const midpoint = (a: FramePoint, z: FramePoint): FramePoint =>
  new Frame((a.b + z.b) / 2, (a.d + z.d) / 2);

/**
 * SVG path through frame points joined by straight steps along either axis (a route around boxes), each
 * corner rounded with radius `radius` (less where a step is short), so that routes read as one line and do
 * not look like the straight stubs and bars of tree connectors.
 */
export function roundedPath(direction: Direction, points: readonly FramePoint[], radius: number): string {
  if (points.length === 0) return '';
  const screen = (p: FramePoint) => toScreen(direction, p);
  const first = screen(points[0]!);
  let d = `M${n(first.x)},${n(first.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const before = screen(points[i - 1]!);
    const corner = screen(points[i]!);
    const after = screen(points[i + 1]!);
    const inLength = Math.hypot(corner.x - before.x, corner.y - before.y);
    const outLength = Math.hypot(after.x - corner.x, after.y - corner.y);
    const r = Math.min(radius, inLength / 2, outLength / 2);
    if (r <= 0) continue;
    const from = {
      x: corner.x + ((before.x - corner.x) * r) / inLength,
      y: corner.y + ((before.y - corner.y) * r) / inLength,
    };
    const to = {
      x: corner.x + ((after.x - corner.x) * r) / outLength,
      y: corner.y + ((after.y - corner.y) * r) / outLength,
    };
    d += `L${n(from.x)},${n(from.y)}Q${n(corner.x)},${n(corner.y)} ${n(to.x)},${n(to.y)}`;
  }
  const last = screen(points[points.length - 1]!);
  d += `L${n(last.x)},${n(last.y)}`;
  return d;
}

/**
 * Breadth at depth `d` of the bump from `a` to `z` (the cubic `bumpPath` draws between two points), by
 * bisection on the curve parameter: depth runs monotonically along it. Depths beyond its ends give its ends.
 */
export function bumpBreadthAt(a: FramePoint, z: FramePoint, d: number): number {
  const middle = (a.d + z.d) / 2;
  const rising = z.d > a.d;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 20; i++) {
    const t = (lo + hi) / 2;
    const u = 1 - t;
    const depth = a.d * u * u * u + 3 * middle * u * t + z.d * t * t * t;
    if (depth < d === rising) lo = t;
    else hi = t;
  }
  const t = (lo + hi) / 2;
  return a.b + (z.b - a.b) * t * t * (3 - 2 * t);
}
