import type { LaidOutMap, Rect } from '../layout/types.ts';
import { renderModel, type EvaluationMarks, type FrameShape, type RenderModel } from './render-model.ts';
import { statusLegend, statusLegendHeight, type StatusLegend } from './status-legend.ts';
import { captionBand, type PictureCaption } from './svg-caption.ts';
import { themes, type Theme, type ThemeName } from './theme.ts';
import { within } from './within.ts';

export interface PictureOptions {
  readonly theme?: ThemeName;
  /** Accessible title and description of the picture. */
  readonly title?: string;
  readonly description?: string;
  /** Space around the map, in px. */
  readonly margin?: number;
  /** Draw only this part of the map (the "current view" of the app), instead of all of it. */
  readonly crop?: Rect;
  /** False leaves the background transparent (for PNGs on coloured slides). */
  readonly background?: boolean;
  /**
   * A presentation step's picture: the boxes the step is about; the others (context from earlier steps) are
   * drawn faded, with the connectors that do not join two of them. All boxes are drawn plain without it.
   */
  readonly lit?: ReadonlySet<string>;
  /** A caption under the map (an exported picture's title and source); none without it. */
  readonly caption?: PictureCaption;
  /** An evaluation's statuses: drawn on the boxes (a pill with icon and word), inactive relations faded. */
  readonly evaluation?: EvaluationMarks;
  /** False leaves out the evaluation's legend (a page draws its own); drawn under the map otherwise. */
  readonly statusLegend?: boolean;
}

/**
 * What a picture of a laid-out map holds and where, before it is drawn: the one place both drawers (the SVG
 * writer and the canvas drawer of PNGs) take their sizes from, so that their pictures match.
 */
export interface Picture {
  readonly theme: Theme;
  /** The primitives drawn: of the part of the map that reaches into the picture. */
  readonly model: RenderModel;
  /** The picture's area in map coordinates, each number rounded as the SVG file writes it (0.01 px). */
  readonly viewBox: Rect;
  /** The map's part of the picture, above the legend and the caption. */
  readonly shown: Rect;
  readonly legend: StatusLegend | undefined;
  readonly legendBand: number;
  readonly captionBand: number;
}

const rounded = (v: number): number => Math.round(v * 100) / 100;

export function picture(laidOut: LaidOutMap, options: PictureOptions = {}): Picture {
  const theme = themes[options.theme ?? 'light'];
  // A crop draws only what reaches into it.
  const drawnMap = options.crop ? within(laidOut, options.crop) : laidOut;
  const margin = options.margin ?? 24;
  const { bounds } = laidOut;
  const shown = options.crop ?? {
    x: bounds.x - margin,
    y: bounds.y - margin,
    width: bounds.width + 2 * margin,
    height: bounds.height + 2 * margin,
  };
  const legend =
    options.evaluation && options.statusLegend !== false
      ? statusLegend(drawnMap, options.evaluation)
      : undefined;
  const legendBand = legend ? statusLegendHeight(legend, shown.width) : 0;
  const band = options.caption ? captionBand(options.caption, shown.width) : 0;
  return {
    theme,
    model: renderModel(drawnMap, theme, options.evaluation),
    viewBox: {
      x: rounded(shown.x),
      y: rounded(shown.y),
      width: rounded(shown.width),
      height: rounded(shown.height + legendBand + band),
    },
    shown,
    legend,
    legendBand,
    captionBand: band,
  };
}

/** Rows of a picture in map units, top to bottom: a band of it drawn alone (a PNG drawn in strips or bands). */
export interface PictureRows {
  readonly top: number;
  readonly bottom: number;
}

/** How far past its geometry a shape's ink may reach: a box's status pill, an arrowhead, a label's letters. */
const INK_BEYOND = 16;

/** Whether something between `top` and `bottom` (map units) may leave ink in `rows` (none: the whole picture). */
export const reachesRows = (rows: PictureRows | undefined, top: number, bottom: number): boolean =>
  !rows || (bottom + INK_BEYOND >= rows.top && top - INK_BEYOND <= rows.bottom);

/** The rows a frame covers, its link to the part before included. */
export function frameRows({ group }: FrameShape): [number, number] {
  const ys = group.link ? [group.link[0].y, group.link[1].y] : [];
  return [Math.min(group.y, ...ys), Math.max(group.y + group.height, ...ys)];
}

/** The rows a connector's line covers: its points' least and greatest y (x and y alternate). */
export function lineRows(coords: readonly number[]): [number, number] {
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 1; i < coords.length; i += 2) {
    top = Math.min(top, coords[i]!);
    bottom = Math.max(bottom, coords[i]!);
  }
  return [top, bottom];
}

/**
 * Whether a connector's end lies in the picture: an arrowhead outside it is left out (the SVG renderer of
 * PNGs fails on one), by both drawers alike.
 */
export const insidePicture = (shown: Rect, x: number, y: number): boolean =>
  x >= shown.x && x <= shown.x + shown.width && y >= shown.y && y <= shown.y + shown.height;

/** In a step's picture, what is drawn faded: a box not lit, a connector not joining lit boxes only. */
export const isFaded = (lit: ReadonlySet<string> | undefined, ids: readonly string[]): boolean =>
  lit !== undefined && !ids.every((id) => lit.has(id));
