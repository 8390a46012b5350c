import type { Rect } from './types.ts';

/** The smallest rectangle around all of `rects` (an empty one at the origin when there are none). */
export function boundsOf(rects: Iterable<Rect>): Rect {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  if (left === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The smallest rectangle around both. */
export const union = (a: Rect, b: Rect): Rect => boundsOf([a, b]);
