import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { renderAsync, Resvg, ResvgRenderOptions } from '@resvg/resvg-js';
import type { FontFiles } from '../core/export/embed-fonts.ts';
import { exportSvg } from '../core/export/export-svg.ts';
import { bandSvg, pictureBands, type PictureBand } from '../core/export/png-bands.ts';
import { assemblePng, encodeStrip, pngOfRendered, type EncodedStrip } from '../core/export/png-encode.ts';
import { pngRenderOptions, pngSize } from '../core/export/png-options.ts';
import { layoutMap } from '../core/layout/layout.ts';
import type { Direction } from '../core/layout/types.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import type { EvaluationMarks } from '../core/render/render-model.ts';
import type { ThemeName } from '../core/render/theme.ts';
import { ExportError } from './errors.ts';

export type ExportFormat = 'svg' | 'png' | 'json' | 'aif' | 'argdown';

export interface ExportOptions {
  /** A picture; the map formats are written by `map-text.ts`. */
  readonly format: 'svg' | 'png';
  readonly scale: number;
  readonly theme: ThemeName;
  readonly direction: Direction;
  /** False leaves the picture's caption out (`--no-caption`). */
  readonly caption?: boolean;
  /** Statuses drawn on the picture, with their legend (`--evaluate`). */
  readonly evaluation?: EvaluationMarks;
}

/** Larger PNGs are refused with a suggestion rather than exhausting memory. */
export const MAX_PNG_PIXELS = 16384 * 16384;

const fontFile = (name: string) => new URL(`../../static/fonts/${name}`, import.meta.url);
const fonts = { regular: fontFile('Inter-Regular.ttf'), semibold: fontFile('Inter-SemiBold.ttf') };

export { ExportError };

/** The bundled Inter files, as the exporters embed them. */
export function bundledFonts(): FontFiles {
  return {
    regular: new Uint8Array(readFileSync(fonts.regular)),
    semibold: new Uint8Array(readFileSync(fonts.semibold)),
  };
}

export async function exportMap(map: ArgumentMap, options: ExportOptions): Promise<string | Uint8Array> {
  const laidOut = layoutMap(map, { direction: options.direction });
  const fonts = bundledFonts();
  const svgOf = (rows?: PictureBand) =>
    exportSvg(map, laidOut, fonts, {
      theme: options.theme,
      ...(options.caption === false ? { caption: false } : {}),
      ...(options.evaluation ? { evaluation: options.evaluation } : {}),
      ...(rows ? { rows } : {}),
    });
  const svg = svgOf();
  if (options.format === 'svg') return svg;
  const bands = bandsToDraw(svg, options.scale);
  if (bands.length === 0) return toPng(svg, options);
  return drawBands(
    svg,
    options.scale,
    bands.map((band) => ({ band, svg: bandSvg(svgOf(band), band, options.scale) })),
  );
}

/**
 * The PNG renderer (a native module of some megabytes), loaded on the first picture drawn: an SVG, a PDF or
 * a map file is written without it. It is a CommonJS module, so it is required where it is needed.
 */
const requireModule = createRequire(import.meta.url);
const resvg = (): { Resvg: typeof Resvg; renderAsync: typeof renderAsync } =>
  requireModule('@resvg/resvg-js') as { Resvg: typeof Resvg; renderAsync: typeof renderAsync };

export function toPng(svg: string, options: Pick<ExportOptions, 'scale' | 'theme'>): Uint8Array {
  const { Resvg } = resvg();
  const settings = pngOptions(svg, options.scale);
  return pngOfRendered(new Resvg(svg, settings).render(), settings);
}

/** Pictures larger than this are drawn in bands, one per core; a smaller one is drawn before they would start. */
const BANDED_PIXELS = 4_000_000;

/** The bands a large picture on a background is drawn in, one per core; none for a small one. */
function bandsToDraw(svg: string, scale: number): PictureBand[] {
  const { width, height } = pngSize(svg, scale);
  const cores = Math.min(4, availableParallelism());
  const opaque = pngRenderOptions(svg, scale).background !== undefined;
  return width * height > BANDED_PIXELS && opaque ? pictureBands(svg, scale, cores) : [];
}

/**
 * A large picture drawn in horizontal bands at the same time on resvg's threads, each band's SVG holding
 * only what reaches into its rows (text is most of resvg's work) and drawn with a margin (`png-bands.ts`);
 * each band's own rows are encoded as soon as it is drawn, while later bands may still draw, its first row
 * filtered against the last of the band above. The file is the one picture.
 */
export async function drawBands(
  whole: string,
  scale: number,
  bands: ReadonlyArray<{ band: PictureBand; svg: string }>,
): Promise<Uint8Array> {
  const settings = pngOptions(whole, scale);
  const { width, height } = pngSize(whole, scale);
  const { renderAsync } = resvg();
  const drawn = bands.map(({ svg }) => renderAsync(svg, settings));
  const strips: EncodedStrip[] = [];
  let above: Uint8Array | undefined;
  for (const [i, { band }] of bands.entries()) {
    const { pixels } = await drawn[i]!;
    // The band's own rows, without the margins it was drawn with.
    const own = pixels.subarray(
      (band.from - band.drawnFrom) * width * 4,
      (band.to - band.drawnFrom) * width * 4,
    );
    const rows = { rgba: own, width, rows: band.to - band.from, ...(above ? { above } : {}) };
    strips.push(encodeStrip(rows, true, i === bands.length - 1));
    above = own.subarray(own.length - width * 4);
  }
  return assemblePng(width, height, true, strips);
}

/**
 * Many pictures at once (a deck's pages), drawn on resvg's threads: as many at a time as the machine has
 * cores, each encoded as soon as it is drawn so that no more than those few full-size pixel buffers live.
 * `drawn` hears how many are done.
 */
export async function toPngs(
  svgs: readonly string[],
  scale: number,
  drawn?: (done: number, total: number) => void,
): Promise<Uint8Array[]> {
  const { renderAsync } = resvg();
  const out: Uint8Array[] = new Array<Uint8Array>(svgs.length);
  let next = 0;
  let done = 0;
  const work = async () => {
    for (let i = next++; i < svgs.length; i = next++) {
      const settings = pngOptions(svgs[i]!, scale);
      out[i] = pngOfRendered(await renderAsync(svgs[i]!, settings), settings);
      drawn?.(++done, svgs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, work));
  return out;
}

/** resvg's options for an exported SVG at a scale, refused with a smaller scale when the picture is too large. */
function pngOptions(svg: string, scale: number): ResvgRenderOptions {
  const { width, height } = pngSize(svg, scale);
  if (!(width * height <= MAX_PNG_PIXELS)) {
    const fits = Math.floor(Math.sqrt(MAX_PNG_PIXELS / ((width * height) / scale ** 2)) * 10) / 10;
    throw new ExportError(`the picture would be too large at --scale ${scale}; try --scale ${fits} or less`);
  }
  const own = pngSize(svg, 1);
  // resvg refuses a picture that rounds down to no pixel at all; say which scale is the least that draws.
  if (Math.min(own.width, own.height) * scale < 1) {
    const least = Math.ceil((1 / Math.min(own.width, own.height)) * 1000) / 1000;
    throw new ExportError(
      `the picture would be under one pixel at --scale ${scale}; use --scale ${least} or more`,
    );
  }
  const settings = pngRenderOptions(svg, scale);
  const fontFiles = [fonts.regular.pathname, fonts.semibold.pathname];
  return { ...settings, font: { ...settings.font, fontFiles } };
}
