import { px } from '../round.ts';
import type { InlineRun } from '../text/inline-runs.ts';
import type { LineRun } from '../text/styled-wrap.ts';

/**
 * The slant of italic text, in degrees: the upright face skewed, at CSS's default oblique angle. The
 * bundled font has no italic face, and the renderers differ in whether they slant a face that lacks one
 * (the browser and PDF do, the PNG renderer does not), so the drawing slants it itself, the same in every
 * renderer; the advances stay the upright ones the layout measured.
 */
export const ITALIC_SKEW = -14;

/**
 * A stretch of a line drawn as one text element: upright, or slanted as a whole about its start on the
 * baseline. `x` and `y` are where it starts, in map coordinates.
 */
export interface TextSegment {
  readonly x: number;
  readonly y: number;
  readonly italic: boolean;
  readonly runs: readonly InlineRun[];
}

/** A line's runs in segments of equal slant, placed from the line's start at (`x`, `y`). */
export function textSegments(runs: readonly LineRun[], x: number, y: number): TextSegment[] {
  const segments: TextSegment[] = [];
  let current: { x: number; italic: boolean; runs: InlineRun[] } | undefined;
  for (const { x: offset, ...run } of runs) {
    if (!current || current.italic !== run.italic) {
      current = { x: x + offset, italic: run.italic, runs: [] };
      segments.push({ x: current.x, y, italic: current.italic, runs: current.runs });
    }
    current.runs.push(run);
  }
  return segments;
}

/** The transform that slants an italic segment about its start (placed by it, at 0,0). */
export const slant = (segment: TextSegment, dx = 0, dy = 0): string =>
  `translate(${px(segment.x - dx)},${px(segment.y - dy)}) skewX(${ITALIC_SKEW})`;

/** A run's presentation attributes, as the SVG writer and the app's view both set them on its tspan. */
export interface RunFormat {
  /** 600: the semibold face the layout measures bold text in (the bundled font has no heavier one). */
  readonly weight: 600 | undefined;
  readonly decoration: 'underline' | undefined;
}

export function runFormat(run: InlineRun): RunFormat {
  return {
    weight: run.bold ? 600 : undefined,
    decoration: run.href !== undefined ? 'underline' : undefined,
  };
}
