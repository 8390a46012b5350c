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
  // Screen x and y of a frame point: b and d swap in the "right" direction. Inlined: this runs for every
  // connector of a map.
  const down = direction === 'down';
  let p = points[0]!;
  let ax = down ? p.b : p.d;
  let ay = down ? p.d : p.b;
  let d = `M${n(ax)},${n(ay)}`;
  for (let i = 1; i < points.length; i++) {
    p = points[i]!;
    const zx = down ? p.b : p.d;
    const zy = down ? p.d : p.b;
    if (ax === zx || ay === zy) {
      d += `L${n(zx)},${n(zy)}`;
    } else if (down) {
      const m = n((ay + zy) / 2);
      d += `C${n(ax)},${m} ${n(zx)},${m} ${n(zx)},${n(zy)}`;
    } else {
      const m = n((ax + zx) / 2);
      d += `C${m},${n(ay)} ${m},${n(zy)} ${n(zx)},${n(zy)}`;
    }
    ax = zx;
    ay = zy;
  }
  return d;
}

export const midpoint = (a: FramePoint, z: FramePoint): FramePoint => ({
  b: (a.b + z.b) / 2,
  d: (a.d + z.d) / 2,
});
