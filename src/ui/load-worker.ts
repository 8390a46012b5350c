/// <reference lib="webworker" />
import { reconstructionFold } from '../core/layout/folds.ts';
import { layoutMap } from '../core/layout/layout.ts';
import { loadMapText, type LoadOptions } from '../core/load.ts';
import { relatedReader } from '../core/related.ts';
import { fetchSourceText } from './fetch-text.ts';
import { foldedOnOpen } from './folded-on-open.ts';

/**
 * Reads a map off the main thread, and lays it out: reading and checking the largest files the app opens,
 * and laying out the largest maps, take long enough to freeze the tab, which must stay responsive (and show
 * progress) meanwhile. The results are plain data, copied back to the page.
 */
self.onmessage = async (
  event: MessageEvent<{
    text: string;
    options: LoadOptions;
    maxNodes: number;
    /** Files the map may name (its source text), sent along: a worker cannot ask the page for them. */
    related?: Record<string, string>;
    /** Or the address the map came from (`?map=`): the files it names are fetched next to it. */
    base?: string;
  }>,
) => {
  const { text, options, maxNodes, related, base } = event.data;
  try {
    const loaded = await loadMapText(text, base ? fetchedNextTo(base) : relatedReader(related), options);
    // The first layout is made as the map opens: with the reconstructions it opens folded.
    const folded = loaded.valid ? foldedOnOpen(loaded) : [];
    const laidOut =
      loaded.valid && loaded.map && loaded.map.nodes.length <= maxNodes
        ? layoutMap(loaded.map, { collapsed: new Set(folded.map(reconstructionFold)) })
        : undefined;
    self.postMessage({ ok: true, loaded, laidOut, folded });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};

/** Reads the files a map names from its own site, next to the map (16 MB at most, not the site's page). */
const fetchedNextTo = (base: string) => (path: string) => fetchSourceText(new URL(path, base));
