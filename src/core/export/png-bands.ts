import { pngSize } from './png-options.ts';

/** One horizontal band of a picture: its rows, `from` to `to` in pixels, and `top` to `bottom` in map units. */
export interface PictureBand {
  readonly from: number;
  readonly to: number;
  readonly top: number;
  readonly bottom: number;
}

const SVG_ROOT = /viewBox="([-\d.e]+) ([-\d.e]+) ([\d.e]+) ([\d.e]+)" width="([\d.e]+)" height="([\d.e]+)"/;

/**
 * An exported SVG's picture cut into `count` horizontal bands, so that they can be drawn at the same time,
 * one per core, and their pixels laid one under the other. Each band (`bandSvg`) draws at `scale` exactly
 * the rows of the whole picture between its edges, which must be whole pixels: when the scale puts no edge
 * on one, there are no bands (the picture is drawn whole).
 */
export function pictureBands(svg: string, scale: number, count: number): PictureBand[] {
  const root = SVG_ROOT.exec(svg);
  if (!root || count < 2) return [];
  const y = Number(root[2]);
  const { height } = pngSize(svg, scale);
  const edges = Array.from({ length: count + 1 }, (_, i) => Math.round((height * i) / count));
  const bands = edges.slice(1).map((to, i) => {
    const from = edges[i]!;
    return { from, to, top: y + from / scale, bottom: y + to / scale };
  });
  // resvg rounds a picture's size up: every band must come out as its own count of rows.
  const exact = bands.every((b) => b.to > b.from && Math.ceil((b.bottom - b.top) * scale) === b.to - b.from);
  return exact ? bands : [];
}

/** The SVG of one band: the same drawing, its viewBox and height narrowed to the band's rows. */
export function bandSvg(svg: string, band: PictureBand): string {
  const root = SVG_ROOT.exec(svg);
  if (!root) return svg;
  const rows = band.bottom - band.top;
  return svg.replace(
    root[0],
    `viewBox="${root[1]} ${band.top} ${root[3]} ${rows}" width="${root[5]}" height="${rows}"`,
  );
}
