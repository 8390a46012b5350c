/// <reference lib="webworker" />
import { encodeStrip, type EncodedStrip } from '../core/export/png-encode.ts';

/** One strip of a picture's pixels to encode (`png-strips.ts`); the pixels are handed over, not copied. */
export interface StripJob {
  readonly id: number;
  /** The strip's rows, RGBA. */
  readonly rgba: Uint8ClampedArray;
  /** The last row of the strip above (none for the top strip). */
  readonly above?: Uint8ClampedArray;
  readonly width: number;
  readonly rows: number;
  readonly opaque: boolean;
  readonly last: boolean;
}

export type StripReply = { readonly id: number } & EncodedStrip;

/** Encodes the strips of PNG it is given, each as soon as it comes (`core/export/png-encode.ts`). */
self.onmessage = (event: MessageEvent<StripJob>) => {
  const { id, rgba, above, width, rows, opaque, last } = event.data;
  const strip = encodeStrip({ rgba, width, rows, ...(above ? { above } : {}) }, opaque, last);
  self.postMessage({ id, ...strip } satisfies StripReply, [strip.deflate.buffer]);
};

// Loaded: the page starts reading the picture back.
self.postMessage('ready');
