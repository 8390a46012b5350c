/**
 * How an exported SVG becomes a PNG with resvg: its native build in the CLI, its WebAssembly build for the
 * app's page pictures, with these options and the bundled fonts, so that the files are the same picture.
 * (The app's whole-map PNG is drawn on a canvas from the render model instead: `render/canvas.ts`.)
 */

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
