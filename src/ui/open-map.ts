import { loadMapText, type LoadedMap } from '../core/load.ts';

/** Largest file the app opens; larger ones are refused with a message instead of freezing the tab. */
export const MAX_MAP_BYTES = 20 * 1024 * 1024;

/** A file the user picked or dropped. Its source text file cannot be read (no folder access): a warning. */
export async function openFile(file: File): Promise<LoadedMap> {
  if (file.size > MAX_MAP_BYTES)
    return refused(`${file.name} is larger than ${MAX_MAP_BYTES / 1024 / 1024} MB`);
  return loadMapText(await file.text(), undefined, { fileName: file.name });
}

/**
 * `?map=<path>`: a map from this site only (a map from elsewhere could be anything). Its source text is
 * fetched relative to it.
 */
export async function openUrl(path: string, base: string): Promise<LoadedMap> {
  const url = new URL(path, base);
  if (url.origin !== new URL(base).origin)
    return refused(`?map= opens maps from this site only, not ${url.origin}`);
  const response = await fetch(url).catch(() => undefined);
  if (!response?.ok)
    return refused(`cannot load ${url.pathname} (${response ? response.status : 'network error'})`);
  return loadMapText(
    await response.text(),
    async (related) => {
      const text = await fetch(new URL(related, url)).catch(() => undefined);
      return text?.ok ? text.text() : undefined;
    },
    { fileName: url.pathname },
  );
}

function refused(message: string): LoadedMap {
  return {
    map: undefined,
    valid: false,
    sourceText: undefined,
    format: 'argmap',
    problems: [{ severity: 'error', code: 'limit', message }],
  };
}
