import { loadMapText } from '../../core/load.ts';
import { errorCount, formatProblem } from '../../core/problems.ts';
import type { ArgumentMap } from '../../core/model/types.ts';
import { foldedOnOpen } from '../folded-on-open.ts';

/** The largest map file the element reads, as the app. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A map named by the element's `src`, fetched (relative to the page) and read with the app's reading pipeline;
 * its source text is fetched next to it. Loaded only for `src`: an inline map needs no reader.
 */
export async function fetchMap(
  src: string,
  base: string,
): Promise<{ map: ArgumentMap; folded: string[] } | { message: string }> {
  const url = new URL(src, base);
  const response = await fetch(url).catch(() => undefined);
  // Many hosts answer an unknown path with a page of theirs: that is no map.
  const page = /^text\/html\b/i.test(response?.headers.get('content-type') ?? '');
  if (!response?.ok || page)
    return {
      message: `Cannot load ${src} (${!response ? 'network error' : page ? 'not found' : response.status}).`,
    };
  const text = await response.text();
  if (text.length > MAX_BYTES) return { message: `${src} is larger than 20 MB.` };
  const loaded = await loadMapText(
    text,
    async (path) => {
      const related = await fetch(new URL(path, url)).catch(() => undefined);
      return related?.ok ? related.text() : undefined;
    },
    { fileName: url.pathname },
  );
  // An Argdown file opens as in the app: as Argdown's own map draws it.
  if (loaded.valid && loaded.map) return { map: loaded.map, folded: foldedOnOpen(loaded) };
  const first = loaded.problems.find((p) => p.severity === 'error');
  const errors = errorCount(loaded.problems);
  return {
    message: `${src} has ${errors} error${errors === 1 ? '' : 's'}; the first: ${first ? formatProblem(first, src) : ''}`,
  };
}
