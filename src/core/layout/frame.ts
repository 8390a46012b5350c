import type { Direction, LineGeometry, Point, Rect } from './types.ts';

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

/**
 * A connector's line being drawn, step by step, from frame points into screen coordinates. Each way of
 * drawing is one method: `bumps` (each step a "bump": a cubic whose tangents run along the depth axis at
 * both ends, straight along either axis, an S-curve between levels), `bump` for the two or three points of
 * tree connectors (drawn by the ten thousand: no arrays or point objects), and `rounded` for routes around
 * boxes.
 */
export class LineBuilder {
  private steps = '';
  private readonly coords: number[] = [];
  private readonly down: boolean;

  constructor(direction: Direction) {
    this.down = direction === 'down';
  }

  /** A piece through two or three points given as numbers (no b2, d2 for two). */
  bump(b0: number, d0: number, b1: number, d1: number, b2?: number, d2?: number): void {
    // Screen x and y of a frame point: b and d swap in the "right" direction.
    const down = this.down;
    const x0 = down ? b0 : d0;
    const y0 = down ? d0 : b0;
    const x1 = down ? b1 : d1;
    const y1 = down ? d1 : b1;
    this.steps += 'M';
    this.coords.push(x0, y0);
    this.step(x0, y0, x1, y1);
    if (b2 === undefined || d2 === undefined) return;
    this.step(x1, y1, down ? b2 : d2, down ? d2 : b2);
  }

  /** A piece through frame points, each step a bump. */
  bumps(points: readonly FramePoint[]): void {
    if (points.length === 0) return;
    const down = this.down;
    let p = points[0]!;
    let ax = down ? p.b : p.d;
    let ay = down ? p.d : p.b;
    this.steps += 'M';
    this.coords.push(ax, ay);
    for (let i = 1; i < points.length; i++) {
      p = points[i]!;
      const zx = down ? p.b : p.d;
      const zy = down ? p.d : p.b;
      this.step(ax, ay, zx, zy);
      ax = zx;
      ay = zy;
    }
  }

  /** One bump from (ax, ay) to (zx, zy). */
  private step(ax: number, ay: number, zx: number, zy: number): void {
    if (ax === zx || ay === zy) {
      this.steps += 'L';
      this.coords.push(zx, zy);
    } else if (this.down) {
      const m = (ay + zy) / 2;
      this.steps += 'C';
      this.coords.push(ax, m, zx, m, zx, zy);
    } else {
      const m = (ax + zx) / 2;
      this.steps += 'C';
      this.coords.push(m, ay, m, zy, zx, zy);
    }
  }

  /**
   * A piece through frame points joined by straight steps along either axis (a route around boxes), each
   * corner rounded with radius `radius` (less where a step is short), so that routes read as one line and do
   * not look like the straight stubs and bars of tree connectors.
   */
  rounded(points: readonly FramePoint[], radius: number): void {
    if (points.length === 0) return;
    const direction = this.down ? 'down' : 'right';
    const screen = (p: FramePoint) => toScreen(direction, p);
    const first = screen(points[0]!);
    this.steps += 'M';
    this.coords.push(first.x, first.y);
    for (let i = 1; i < points.length - 1; i++) {
      const before = screen(points[i - 1]!);
      const corner = screen(points[i]!);
      const after = screen(points[i + 1]!);
      const inLength = Math.hypot(corner.x - before.x, corner.y - before.y);
      const outLength = Math.hypot(after.x - corner.x, after.y - corner.y);
      const r = Math.min(radius, inLength / 2, outLength / 2);
      if (r <= 0) continue;
      const fromX = corner.x + ((before.x - corner.x) * r) / inLength;
      const fromY = corner.y + ((before.y - corner.y) * r) / inLength;
      const toX = corner.x + ((after.x - corner.x) * r) / outLength;
      const toY = corner.y + ((after.y - corner.y) * r) / outLength;
      this.steps += 'LQ';
      this.coords.push(fromX, fromY, corner.x, corner.y, toX, toY);
    }
    const last = screen(points[points.length - 1]!);
    this.steps += 'L';
    this.coords.push(last.x, last.y);
  }

  /** The line drawn, and the smallest rectangle around all its points. */
  finish(): { readonly line: LineGeometry; readonly bounds: Rect } {
    const coords = this.coords;
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (let i = 0; i + 1 < coords.length; i += 2) {
      const x = coords[i]!;
      const y = coords[i + 1]!;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
    const bounds =
      left === Infinity
        ? { x: 0, y: 0, width: 0, height: 0 }
        : { x: left, y: top, width: right - left, height: bottom - top };
    return { line: { steps: this.steps, coords }, bounds };
  }
}

export const midpoint = (a: FramePoint, z: FramePoint): FramePoint =>
  new Frame((a.b + z.b) / 2, (a.d + z.d) / 2);

/**
 * Breadth at depth `d` of the bump from `a` to `z` (the cubic `LineBuilder.bump` draws between two points), by
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
