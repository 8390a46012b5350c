import type { LaidOutMap } from '../core/layout/types.ts';

/**
 * Where a map's first view puts it, shared by the camera (`zoom.ts`) and the first frame prerendered into
 * index.html at build time (`first-frame-html.ts`), so that the app takes the page over without moving the map.
 */

/** The first view's least scale: the boxes' 14 px text at 13 px on screen, comfortably read. */
export const readableScale = 13 / 14;

/** Space above the map's top when the first view shows its top only, in screen pixels. */
export const overviewTop = 24;

/** The share of the surface a fitted map fills at most, leaving a margin round it. */
export const fitShare = 0.94;

/** How far a fitted map is enlarged at most: a small map is not blown up to fill a desktop screen. */
export const fitMaxScale = 1.25;

/** The scale at which the whole map fits a surface of this size. */
export const fitScale = (
  bounds: { width: number; height: number },
  size: { width: number; height: number },
  maxScale = fitMaxScale,
): number =>
  Math.min(maxScale, (fitShare * size.width) / bounds.width, (fitShare * size.height) / bounds.height);

/**
 * The point across the map that the first view centres when it shows the top only: the middle of the first
 * thesis. Undefined for a map without boxes.
 */
export function overviewFocus(laidOut: LaidOutMap): number | undefined {
  const thesis = laidOut.nodes.find((n) => n.depth === 0);
  return thesis && thesis.x + thesis.width / 2;
}
