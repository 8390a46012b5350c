import type { LaidOutMap, Rect } from '../layout/types.ts';
import type { ArgumentMap } from '../model/types.ts';
import type { EvaluationMarks } from '../render/render-model.ts';
import { evaluationText } from '../render/status-legend.ts';
import { renderSvg } from '../render/svg.ts';
import type { PictureCaption } from '../render/svg-caption.ts';
import type { ThemeName } from '../render/theme.ts';
import { embedFonts, type FontFiles } from './embed-fonts.ts';

// Kept here too for the callers that name it with the exporter; the app imports it alone.
export { exportName } from './export-name.ts';

export interface SvgExportOptions {
  readonly theme: ThemeName;
  /** Only this part of the map (the app's current view). */
  readonly crop?: Rect;
  /** False for a transparent background. */
  readonly background?: boolean;
  /** False leaves out the caption (the map's title and its source's author, publisher and date). */
  readonly caption?: boolean;
  /** An evaluation's statuses, drawn on the boxes with a legend under the map (docs/EVALUATION.md). */
  readonly evaluation?: EvaluationMarks;
  /** Only the boxes that reach into these rows: the SVG of a band of the picture (`render/svg.ts`). */
  readonly rows?: { readonly top: number; readonly bottom: number };
}

/**
 * The exported picture: drawn again from the model (never scraped from the screen, so no selection or hover
 * shows), titled and described for screen readers, with the font embedded. The CLI and the app call this
 * same function with the same layout, so their files are identical.
 */
export function exportSvg(
  map: ArgumentMap,
  laidOut: LaidOutMap,
  fonts: FontFiles,
  options: SvgExportOptions,
): string {
  const source = [map.source?.author, map.source?.title, map.source?.publisher, map.source?.date].filter(
    Boolean,
  );
  const caption = options.caption === false ? undefined : pictureCaption(map);
  const svg = renderSvg(laidOut, {
    theme: options.theme,
    ...(map.title ? { title: map.title } : {}),
    ...(source.length > 0 ? { description: `Argument map of ${source.join(', ')}` } : {}),
    ...(options.crop ? { crop: options.crop } : {}),
    ...(options.background === false ? { background: false } : {}),
    ...(caption ? { caption } : {}),
    ...(options.evaluation ? { evaluation: options.evaluation } : {}),
    ...(options.rows ? { rows: options.rows } : {}),
  });
  return embedFonts(svg, laidOut, fonts, [
    caption?.title ?? '',
    caption?.attribution ?? '',
    ...(options.evaluation ? evaluationText : []),
  ]);
}

/** An exported picture's caption: the map's title, and its source's author, publisher and date. */
export function pictureCaption(map: ArgumentMap): PictureCaption | undefined {
  const attribution = attributionOf(map);
  if (!map.title && !attribution) return undefined;
  return { ...(map.title ? { title: map.title } : {}), ...(attribution ? { attribution } : {}) };
}

/** Who and where the map's argument comes from, as captions name it: "author, publisher, date". */
export const attributionOf = (map: ArgumentMap): string =>
  [map.source?.author, map.source?.publisher, map.source?.date].filter(Boolean).join(', ');
