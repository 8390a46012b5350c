import type { LaidOutMap } from '../core/layout/types.ts';
import { canvasSize, drawPicture, pictureTexts } from '../core/render/canvas.ts';
import { picture, type PictureOptions } from '../core/render/picture.ts';
import { assemblePng, encodeStrip } from '../core/export/png-encode.ts';
import { checkSize, TooLargeError } from './export.ts';
import { StripEncoders } from './png-strips.ts';

/* Loaded on the first Export PNG: a first visit needs none of it. */

/**
 * A PNG of a laid-out map drawn straight from its render model onto a canvas (core/render/canvas.ts), at
 * `scale`: the same picture as the SVG export's, in the page's own Inter (fonts.css), with no SVG written,
 * no fonts embedded and nothing parsed again. A large picture is read back in strips that workers encode
 * at the same time as the next strip is read (`core/export/png-encode.ts`).
 */
export async function mapToPng(laidOut: LaidOutMap, options: PictureOptions, scale: number): Promise<Blob> {
  const pic = picture(laidOut, options);
  const { width, height } = canvasSize(pic, scale);
  checkSize(width, height, scale);
  const opaque = options.background !== false;
  // Large pictures are encoded by workers, started first so that their code loads while the picture is drawn.
  const encoders = width * height > ONE_STRIP_PIXELS ? new StripEncoders() : undefined;
  const canvas = new OffscreenCanvas(width, height);
  try {
    await loadPageFonts(pictureTexts(pic, options).join(''));
    // Read back, never shown: a canvas in memory, not on the graphics card.
    const context = canvas.getContext('2d', { alpha: !opaque, willReadFrequently: true });
    // A canvas the browser cannot allocate gives no context: the picture is too large for it.
    if (!context) throw new TooLargeError(Math.max(0.1, scale / 2));
    drawPicture(context, pic, options, scale);
    const read = (top: number, rows: number) => context.getImageData(0, top, width, rows).data;
    const strips = encoders
      ? await encoders.encode(width, height, opaque, read)
      : [encodeStrip({ rgba: read(0, height), width, rows: height }, opaque, true)];
    const png = assemblePng(width, height, opaque, strips);
    return new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  } finally {
    encoders?.terminate();
    // A 2× picture of a large map holds hundreds of MB: given back now, not at the next collection.
    canvas.width = 0;
    canvas.height = 0;
  }
}

/** Up to this many pixels, a picture is encoded on the page at once: starting workers would cost more. */
const ONE_STRIP_PIXELS = 4_000_000;

/**
 * Loads the page's Inter faces for the characters a picture draws (both weights): the `unicode-range`
 * slices a page has not shown yet are fetched now, so that no glyph is drawn in a fallback font.
 */
async function loadPageFonts(text: string): Promise<void> {
  await Promise.all([
    document.fonts.load('400 16px Inter', text),
    document.fonts.load('600 16px Inter', text),
  ]);
}
