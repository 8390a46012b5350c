/// <reference lib="webworker" />
import type { LaidOutMap } from '../core/layout/types.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import { exportPages, type PageExportRequest } from './export-pages.ts';

/**
 * Writes decks, handouts and pictures off the main thread: drawing a deck's slides takes many seconds, in
 * which the page must stay responsive and show how far the export has come. The files go back as Blobs.
 */
self.onmessage = async (
  event: MessageEvent<{ map: ArgumentMap; laidOut: LaidOutMap; request: PageExportRequest; name: string }>,
) => {
  const { map, laidOut, request, name } = event.data;
  try {
    const files = await exportPages(map, laidOut, request, name, (done, total) =>
      self.postMessage({ type: 'progress', done, total }),
    );
    self.postMessage({ type: 'done', files });
  } catch (error) {
    self.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
