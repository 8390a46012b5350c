import { pngSize } from './png-options.ts';

/** One horizontal band of a picture, drawn alone (`bandSvg`) and laid under the band before it. */
export interface PictureBand {
  /** The band's rows of the picture, in pixels. */
  readonly from: number;
  readonly to: number;
  /**
   * The rows its SVG draws: the band's and a margin above and below, so that everything written into the
   * SVG (all that reaches into the band, `rows` of the SVG writer) is at least partly on its canvas.
   */
  readonly drawnFrom: number;
  readonly drawnTo: number;
  /** The band's rows in map units: what reaches into them is written into its SVG. */
  readonly top: number;
  readonly bottom: number;
}

const SVG_ROOT = /viewBox="([-\d.e]+) ([-\d.e]+) ([\d.e]+) ([\d.e]+)" width="([\d.e]+)" height="([\d.e]+)"/;

/**
 * How far (map units) a band's canvas reaches past its rows: beyond the margin within which the SVG writer
 * keeps what nearly reaches a band (`reachesRows`). resvg's native build stops the whole process when a
 * see-through shape (a cross-link's line) lies wholly outside its canvas.
 */
const DRAWN_MARGIN = 32;

/**
 * An exported SVG's picture cut into `count` horizontal bands, so that they can be drawn at the same time,
 * one per core, and their rows laid one under the other. Each band's SVG (`bandSvg`) draws at `scale`
 * exactly the rows of the whole picture it covers, whose edges must be whole pixels: when the scale puts no
 * edge on one, there are no bands (the picture is drawn whole).
 */
export function pictureBands(svg: string, scale: number, count: number): PictureBand[] {
  const root = SVG_ROOT.exec(svg);
  if (!root || count < 2) return [];
  const y = Number(root[2]);
  const { height } = pngSize(svg, scale);
  const margin = Math.ceil(DRAWN_MARGIN * scale);
  const edges = Array.from({ length: count + 1 }, (_, i) => Math.round((height * i) / count));
  const bands = edges.slice(1).map((to, i) => {
    const from = edges[i]!;
    const drawnFrom = Math.max(0, from - margin);
    const drawnTo = Math.min(height, to + margin);
    return { from, to, drawnFrom, drawnTo, top: y + from / scale, bottom: y + to / scale };
  });
  // resvg rounds a picture's size up: every band must come out as its own count of rows.
  const rows = (from: number, to: number) => Math.ceil((to / scale - from / scale) * scale) === to - from;
  const exact = bands.every((b) => b.to > b.from && rows(b.drawnFrom, b.drawnTo));
  return exact ? bands : [];
}

/** The SVG of one band: the same drawing, its viewBox and height narrowed to the rows the band draws. */
export function bandSvg(svg: string, band: PictureBand, scale: number): string {
  const root = SVG_ROOT.exec(svg);
  if (!root) return svg;
  const top = Number(root[2]) + band.drawnFrom / scale;
  const rows = band.drawnTo / scale - band.drawnFrom / scale;
  return svg.replace(
    root[0],
    `viewBox="${root[1]} ${top} ${root[3]} ${rows}" width="${root[5]}" height="${rows}"`,
  );
}
