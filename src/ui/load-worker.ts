/// <reference lib="webworker" />
import { loadMapText, type LoadOptions } from '../core/load.ts';

/**
 * Reads a map off the main thread: a 20 MB file takes seconds to parse and check, and the tab must stay
 * responsive (and show progress) meanwhile. The result is plain data, copied back to the page.
 */
self.onmessage = async (event: MessageEvent<{ text: string; options: LoadOptions }>) => {
  const { text, options } = event.data;
  try {
    self.postMessage({ ok: true, loaded: await loadMapText(text, undefined, options) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
