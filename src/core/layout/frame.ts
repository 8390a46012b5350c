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

const n = (v: number): string => String(Math.round(v * 100) / 100);

/**
 * SVG path through frame points, each step a "bump" (a cubic whose tangents run along the depth axis at both
 * ends): straight along either axis, an S-curve between levels.
 */
export function bumpPath(direction: Direction, points: readonly FramePoint[]): string {
  if (points.length === 0) return '';
  const screen = points.map((p) => toScreen(direction, p));
  let d = `M${n(screen[0]!.x)},${n(screen[0]!.y)}`;
  for (let i = 1; i < screen.length; i++) {
    const a = screen[i - 1]!;
    const z = screen[i]!;
    if (a.x === z.x || a.y === z.y) {
      d += `L${n(z.x)},${n(z.y)}`;
    } else if (direction === 'down') {
      const m = (a.y + z.y) / 2;
      d += `C${n(a.x)},${n(m)} ${n(z.x)},${n(m)} ${n(z.x)},${n(z.y)}`;
    } else {
      const m = (a.x + z.x) / 2;
      d += `C${n(m)},${n(a.y)} ${n(m)},${n(z.y)} ${n(z.x)},${n(z.y)}`;
    }
  }
  return d;
}

export const midpoint = (a: FramePoint, z: FramePoint): FramePoint => ({
  b: (a.b + z.b) / 2,
  d: (a.d + z.d) / 2,
});
