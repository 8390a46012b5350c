/// <reference lib="webworker" />
import type { FontFiles } from '../core/export/embed-fonts.ts';
import { shareResvg, svgToPng, TooLargeError } from './export.ts';

/** What a picture worker is given first: resvg compiled and the fonts, shared by all the workers. */
export interface PictureSetup {
  readonly module: WebAssembly.Module;
  readonly fonts: FontFiles;
}

/** One page's picture asked of a picture worker (`page-pictures.ts`). */
export interface PictureJob {
  readonly id: number;
  readonly svg: string;
  readonly scale: number;
}

export type PictureReply =
  | { readonly id: number; readonly png: Uint8Array }
  | { readonly id: number; readonly failed: string; readonly suggestedScale?: number };

/** Draws the pages it is given as PNG, one after another, and hands each back as soon as it is drawn. */
self.onmessage = async (event: MessageEvent<PictureSetup | PictureJob>) => {
  if ('module' in event.data) return shareResvg(event.data.module, event.data.fonts);
  const { id, svg, scale } = event.data;
  try {
    const png = await svgToPng(svg, scale);
    self.postMessage({ id, png } satisfies PictureReply, [png.buffer]);
  } catch (error) {
    self.postMessage({
      id,
      failed: error instanceof Error ? error.message : String(error),
      ...(error instanceof TooLargeError ? { suggestedScale: error.suggestedScale } : {}),
    } satisfies PictureReply);
  }
};
