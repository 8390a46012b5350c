/**
 * How an exported SVG becomes a PNG with resvg: its native build in the CLI, its WebAssembly build for the
 * app's page pictures, with these options and the bundled fonts, so that the files are the same picture.
 * (The app's whole-map PNG is drawn on a canvas from the render model instead: `render/canvas.ts`.)
 */

import { encodePng } from './png-encode.ts';

export interface PngSize {
  readonly width: number;
  readonly height: number;
}

/** The options both builds of resvg take (fonts are added by the caller: file paths in Node, bytes in the browser). */
export interface PngRenderOptions {
  readonly fitTo: { readonly mode: 'zoom'; readonly value: number };
  /** The picture's own background colour, so the last partly covered row and column are filled too. */
  readonly background?: string;
  readonly font: { readonly loadSystemFonts: false; readonly defaultFontFamily: 'Inter' };
}

/** The PNG's size in pixels: the SVG's width and height times the scale, rounded as resvg rounds them. */
export function pngSize(svg: string, scale: number): PngSize {
  const size = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return { width: Math.ceil(Number(size?.[1]) * scale), height: Math.ceil(Number(size?.[2]) * scale) };
}

export function pngRenderOptions(svg: string, scale: number): PngRenderOptions {
  const background = /<rect class="background"[^>]* fill="([^"]+)"/.exec(svg)?.[1];
  return {
    fitTo: { mode: 'zoom', value: scale },
    ...(background ? { background } : {}),
    font: { loadSystemFonts: false, defaultFontFamily: 'Inter' },
  };
}

/** What both builds of resvg give back for a drawn picture. */
export interface RenderedPicture {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  asPng(): Uint8Array;
}

/**
 * The PNG file of a picture resvg has drawn. On a background every pixel is opaque, and the map encoder
 * (`png-encode.ts`) writes it several times faster than resvg's own encoder; a transparent picture keeps
 * resvg's, whose pixels it reads as they are stored.
 */
export function pngOfRendered(image: RenderedPicture, options: { readonly background?: string }): Uint8Array {
  return options.background ? encodePng(image.pixels, image.width, image.height, true) : image.asPng();
}

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
