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

export const toScreen = (direction: Direction, p: FramePoint): Point =>
  direction === 'down' ? { x: p.b, y: p.d } : { x: p.d, y: p.b };

const n = px;

/**
 * SVG path through frame points, each step a "bump" (a cubic whose tangents run along the depth axis at both
 * ends): straight along either axis, an S-curve between levels.
 */
export function bumpPath(direction: Direction, points: readonly FramePoint[]): string {
  if (points.length === 0) return '';
  const down = direction === 'down';
  // Screen coordinates of point i: b and d swap in the "right" direction.
  const x = (p: FramePoint) => (down ? p.b : p.d);
  const y = (p: FramePoint) => (down ? p.d : p.b);
  let d = `M${n(x(points[0]!))},${n(y(points[0]!))}`;
  for (let i = 1; i < points.length; i++) {
    const ax = x(points[i - 1]!);
    const ay = y(points[i - 1]!);
    const zx = x(points[i]!);
    const zy = y(points[i]!);
    if (ax === zx || ay === zy) {
      d += `L${n(zx)},${n(zy)}`;
    } else if (down) {
      const m = n((ay + zy) / 2);
      d += `C${n(ax)},${m} ${n(zx)},${m} ${n(zx)},${n(zy)}`;
    } else {
      const m = n((ax + zx) / 2);
      d += `C${m},${n(ay)} ${m},${n(zy)} ${n(zx)},${n(zy)}`;
    }
  }
  return d;
}

export const midpoint = (a: FramePoint, z: FramePoint): FramePoint => ({
  b: (a.b + z.b) / 2,
  d: (a.d + z.d) / 2,
});
