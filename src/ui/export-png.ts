import type { LaidOutMap } from '../core/layout/types.ts';
import { canvasSize, drawPicture, pictureTexts } from '../core/render/canvas.ts';
import { picture, type Picture, type PictureOptions } from '../core/render/picture.ts';
import { assemblePng, encodeStrip } from '../core/export/png-encode.ts';
import { checkSize, TooLargeError } from './export.ts';
import { StripEncoders, stripsOf } from './png-strips.ts';

/* Loaded on the first Export PNG: a first visit needs none of it. */

/**
 * A PNG of a laid-out map drawn straight from its render model onto a canvas (core/render/canvas.ts), at
 * `scale`: the same picture as the SVG export's, in the page's own Inter (fonts.css), with no SVG written,
 * no fonts embedded and nothing parsed again. A large picture is drawn a strip at a time, and workers
 * encode each strip while the next is drawn (`png-strips.ts`, `core/export/png-encode.ts`).
 */
export async function mapToPng(laidOut: LaidOutMap, options: PictureOptions, scale: number): Promise<Blob> {
  const pic = picture(laidOut, options);
  const { width, height } = canvasSize(pic, scale);
  checkSize(width, height, scale);
  const opaque = options.background !== false;
  // Large pictures are encoded by workers, started first so that their code loads while the fonts do.
  const encoders = width * height > ONE_STRIP_PIXELS ? StripEncoders.take() : undefined;
  try {
    await loadPageFonts(pictureTexts(pic, options).join(''));
    const strips = encoders ? stripsOf(width, height) : [{ from: 0, to: height }];
    // One canvas as tall as the tallest strip, drawn again for each strip.
    const canvas = new OffscreenCanvas(width, Math.max(...strips.map((s) => s.to - s.from)));
    try {
      const read = stripReader(canvas, pic, options, scale);
      const encoded = encoders
        ? await encoders.encode(strips, width, opaque, read)
        : [encodeStrip({ rgba: read(0, height), width, rows: height }, opaque, true)];
      const png = assemblePng(width, height, opaque, encoded);
      return new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
    } finally {
      // A 2× picture of a large map holds hundreds of MB: given back now, not at the next collection.
      canvas.width = 0;
      canvas.height = 0;
    }
  } finally {
    encoders?.release();
  }
}

/** Up to this many pixels, a picture is encoded on the page at once: starting workers would cost more. */
const ONE_STRIP_PIXELS = 4_000_000;

/**
 * Starts the encoders when the Export menu opens on a map whose PNG will need them, so that they have
 * loaded by the time an item is chosen (they are kept a while, `png-strips.ts`).
 */
export function prepareEncoders(laidOut: LaidOutMap, scale: number): void {
  const { width, height } = laidOut.bounds;
  if (width * height * scale ** 2 > ONE_STRIP_PIXELS) StripEncoders.take().release();
}

/**
 * Draws rows `top` to `top + rows` of the picture on the canvas and reads them back: the picture moved up
 * by `top` pixels, with only what reaches into those rows.
 */
function stripReader(
  canvas: OffscreenCanvas,
  pic: Picture,
  options: PictureOptions,
  scale: number,
): (top: number, rows: number) => Uint8ClampedArray {
  // Read back, never shown: a canvas in memory, not on the graphics card.
  const context = canvas.getContext('2d', { alpha: options.background === false, willReadFrequently: true });
  // A canvas the browser cannot allocate gives no context: the picture is too large for it.
  if (!context) throw new TooLargeError(Math.max(0.1, scale / 2));
  return (top, rows) => {
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.translate(0, -top);
    const y = pic.viewBox.y + top / scale;
    drawPicture(context, pic, options, scale, { top: y, bottom: y + rows / scale });
    return context.getImageData(0, 0, canvas.width, rows).data;
  };
}

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
