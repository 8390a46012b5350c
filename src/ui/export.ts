import type { FontFiles } from '../core/export/embed-fonts.ts';
import type { RenderedPicture } from '../core/export/png-encode.ts';
import { pngRenderOptions, pngSize } from '../core/export/png-options.ts';

/**
 * The largest picture offered: what browsers allow a canvas (32,767 px a side, about 268 million pixels), so
 * that a PNG can still be opened where it is dropped; WebAssembly memory running out is caught below.
 */
const MAX_SIDE = 32767;
const MAX_AREA = 268_435_456;

export class TooLargeError extends Error {
  constructor(readonly suggestedScale: number) {
    super(`The picture is too large for the browser at this scale; try ${suggestedScale}× or less.`);
  }
}

let fonts: Promise<FontFiles> | undefined;
let resvg: Promise<typeof import('@resvg/resvg-wasm').Resvg> | undefined;

/** The bundled fonts, fetched once per app (they are also what the page itself uses). */
export function fetchFonts(): Promise<FontFiles> {
  fonts ??= (async () => {
    const get = async (name: string) => new Uint8Array(await (await fetch(`/fonts/${name}`)).arrayBuffer());
    const [regular, semibold] = await Promise.all([get('Inter-Regular.ttf'), get('Inter-SemiBold.ttf')]);
    return { regular, semibold };
  })();
  return fonts;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** resvg's WebAssembly build, compiled on the first PNG export: most sessions never export one. */
export function compiledResvg(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const { default: wasmUrl } = await import('@resvg/resvg-wasm/index_bg.wasm?url');
    try {
      return await WebAssembly.compileStreaming(fetch(wasmUrl));
    } catch {
      // A server that does not say application/wasm: compiled from the bytes instead.
      return WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
    }
  })();
  return compiled;
}

async function loadResvg(): Promise<typeof import('@resvg/resvg-wasm').Resvg> {
  resvg ??= (async () => {
    const [wasm, module] = await Promise.all([import('@resvg/resvg-wasm'), compiledResvg()]);
    await wasm.initWasm(module);
    return wasm.Resvg;
  })();
  return resvg;
}

/**
 * Takes resvg's compiled module and the fonts from the context that made them (a deck's picture workers,
 * `page-pictures.ts`): each worker would otherwise fetch and compile its own.
 */
export function shareResvg(module: WebAssembly.Module, files: FontFiles): void {
  compiled ??= Promise.resolve(module);
  fonts ??= Promise.resolve(files);
}

/**
 * Draws an exported SVG at `scale` as PNG (its bytes) with resvg and the bundled fonts, as `argmap export`
 * does (core/export/png-options.ts), so that the app's PNG is the CLI's picture.
 */
export async function svgToPng(svg: string, scale: number): Promise<Uint8Array> {
  const { width, height } = pngSize(svg, scale);
  checkSize(width, height, scale);
  // The encoder loads with the renderer: a first visit needs neither.
  const [Resvg, { regular, semibold }, { pngOfRendered }] = await Promise.all([
    loadResvg(),
    fetchFonts(),
    import('../core/export/png-encode.ts'),
  ]);
  const settings = pngRenderOptions(svg, scale);
  const options = { ...settings, font: { ...settings.font, fontBuffers: [regular, semibold] } };
  try {
    return draw(new Resvg(svg, options), (image) => pngOfRendered(image, settings));
  } catch (error) {
    // WebAssembly memory is bounded: a picture it cannot hold fails here; never hand the user a blank file.
    if (error instanceof RangeError || error instanceof WebAssembly.RuntimeError)
      throw new TooLargeError(Math.max(0.1, scale / 2));
    throw error;
  }
}

/** Refuses a picture larger than the browser allows a canvas, naming a scale at which it fits. */
export function checkSize(width: number, height: number, scale: number): void {
  if (width <= MAX_SIDE && height <= MAX_SIDE && width * height <= MAX_AREA) return;
  const fits = Math.min(MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height))) * scale;
  throw new TooLargeError(Math.max(0.1, Math.floor(fits * 10) / 10));
}

/** Renders and encodes, then gives the WebAssembly memory back at once (a large picture holds hundreds of MB). */
function draw(
  renderer: InstanceType<typeof import('@resvg/resvg-wasm').Resvg>,
  encode: (image: RenderedPicture) => Uint8Array,
): Uint8Array {
  try {
    const image = renderer.render();
    try {
      return encode(image);
    } finally {
      image.free();
    }
  } finally {
    renderer.free();
  }
}

export function download(data: Blob | string, fileName: string, type = 'image/svg+xml'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
