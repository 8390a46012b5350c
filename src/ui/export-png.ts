import type { LaidOutMap } from '../core/layout/types.ts';
import { canvasSize, drawPicture, pictureTexts } from '../core/render/canvas.ts';
import { picture, type PictureOptions } from '../core/render/picture.ts';
import { checkSize, TooLargeError } from './export.ts';

/* Loaded on the first Export PNG: a first visit needs none of it. */

/**
 * A PNG of a laid-out map drawn straight from its render model onto a canvas (core/render/canvas.ts), at
 * `scale`: the same picture as the SVG export's, in the page's own Inter (fonts.css), with no SVG written,
 * no fonts embedded and nothing parsed again. The canvas encodes the PNG off the main thread.
 */
export async function mapToPng(laidOut: LaidOutMap, options: PictureOptions, scale: number): Promise<Blob> {
  const pic = picture(laidOut, options);
  const { width, height } = canvasSize(pic, scale);
  checkSize(width, height, scale);
  await loadPageFonts(pictureTexts(pic, options).join(''));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { alpha: options.background === false });
  // A canvas the browser cannot allocate gives no context: the picture is too large for it.
  if (!context) throw new TooLargeError(Math.max(0.1, scale / 2));
  drawPicture(context, pic, options, scale);
  try {
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    // A 2× picture of a large map holds hundreds of MB: given back now, not at the next collection.
    canvas.width = 0;
    canvas.height = 0;
  }
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
