import type { FontFiles } from '../core/export/embed-fonts.ts';

/**
 * Chromium and Firefox refuse canvases beyond 32,767 px a side or about 268 million pixels; browsers with
 * smaller limits (Safari) hand back no image, which is caught below.
 */
const MAX_SIDE = 32767;
const MAX_AREA = 268_435_456;

export class TooLargeError extends Error {
  constructor(readonly suggestedScale: number) {
    super(`The picture is too large for the browser at this scale; try ${suggestedScale}× or less.`);
  }
}

/** The bundled fonts, fetched once per app (they are also what the page itself uses). */
export async function fetchFonts(): Promise<FontFiles> {
  const get = async (name: string) => new Uint8Array(await (await fetch(`/fonts/${name}`)).arrayBuffer());
  const [regular, semibold] = await Promise.all([get('Inter-Regular.ttf'), get('Inter-SemiBold.ttf')]);
  return { regular, semibold };
}

/** Draws an exported SVG (fonts embedded) onto a canvas at `scale` and encodes it as PNG. */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const size = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const width = Math.round(Number(size?.[1]) * scale);
  const height = Math.round(Number(size?.[2]) * scale);
  if (!(width <= MAX_SIDE && height <= MAX_SIDE && width * height <= MAX_AREA)) {
    const fits =
      Math.min(MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height))) * scale;
    throw new TooLargeError(Math.max(0.1, Math.floor(fits * 10) / 10));
  }
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new TooLargeError(Math.max(0.1, scale / 2));
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    // A canvas the browser could not allocate yields no blob: never hand the user a blank file.
    if (!blob) throw new TooLargeError(Math.max(0.1, scale / 2));
    return blob;
  } finally {
    URL.revokeObjectURL(url);
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
