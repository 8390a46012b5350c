/// <reference lib="webworker" />
import { encodeStrip, type EncodedStrip } from '../core/export/png-encode.ts';

/** One strip of a picture's pixels to encode (`png-strips.ts`); the pixels are handed over, not copied. */
export interface StripJob {
  readonly id: number;
  /** The row above the strip (none for the top strip), then the strip's rows, RGBA. */
  readonly rgba: Uint8ClampedArray;
  readonly width: number;
  readonly rows: number;
  readonly hasAbove: boolean;
  readonly opaque: boolean;
  readonly last: boolean;
}

export type StripReply = { readonly id: number } & EncodedStrip;

/** Encodes the strips of PNG it is given, each as soon as it comes (`core/export/png-encode.ts`). */
self.onmessage = (event: MessageEvent<StripJob>) => {
  const { id, rgba, width, rows, hasAbove, opaque, last } = event.data;
  const row = width * 4;
  const strip = encodeStrip(
    {
      rgba: hasAbove ? rgba.subarray(row) : rgba,
      width,
      rows,
      ...(hasAbove ? { above: rgba.subarray(0, row) } : {}),
    },
    opaque,
    last,
  );
  self.postMessage({ id, ...strip } satisfies StripReply, [strip.deflate.buffer]);
};

// Loaded: the page starts reading the picture back.
self.postMessage('ready');
