import { loadMapText } from '../../core/load.ts';
import { errorCount, formatProblem } from '../../core/problems.ts';
import type { ArgumentMap } from '../../core/model/types.ts';

/** The largest map file the element reads, as the app. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A map named by the element's `src`, fetched (relative to the page) and read with the app's reading pipeline;
 * its source text is fetched next to it. Loaded only for `src`: an inline map needs no reader.
 */
export async function fetchMap(
  src: string,
  base: string,
): Promise<{ map: ArgumentMap } | { message: string }> {
  const url = new URL(src, base);
  const response = await fetch(url).catch(() => undefined);
  if (!response?.ok)
    return { message: `Cannot load ${src} (${response ? response.status : 'network error'}).` };
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
  if (loaded.valid && loaded.map) return { map: loaded.map };
  const first = loaded.problems.find((p) => p.severity === 'error');
  return {
    message: `${src}: ${errorCount(loaded.problems)} errors; ${first ? formatProblem(first, src) : ''}`,
  };
}
