import type { LaidOutMap } from '../core/layout/types.ts';
import type { LoadedMap, LoadOptions } from '../core/load.ts';
import { relatedReader } from '../core/related.ts';

/**
 * The reading pipeline loads when a file is opened: the first visit shows the Trenin map, read when the app
 * was built, and needs neither the reader nor its schema library.
 */
const loadMapText = async (...args: Parameters<typeof import('../core/load.ts').loadMapText>) =>
  (await import('../core/load.ts')).loadMapText(...args);

/** Largest file the app opens; larger ones are refused with a message instead of freezing the tab. */
export const MAX_MAP_BYTES = 20 * 1024 * 1024;
/** Largest source text file read beside a map, as on the command line. */
const MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024;
/**
 * Most boxes the app draws: beyond this, reading and laying out a map takes longer than a user should wait.
 * The command line exports larger maps.
 */
export const MAX_MAP_NODES = 10_000;

/** A map read off the main thread, with its first layout (all expanded, thesis on top) when made there. */
export type ReadMap = LoadedMap & { readonly laidOut?: LaidOutMap };
/** A map opened from a file, with the file's text (remembered for the next visit). */
export type OpenedMap = ReadMap & { readonly text?: string };

/** A file the user picked or dropped. Its source text file cannot be read (no folder access): a warning. */
export async function openFile(file: File): Promise<OpenedMap> {
  if (file.size > MAX_MAP_BYTES)
    return refused(
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the app opens maps up to ` +
        `${MAX_MAP_BYTES / 1024 / 1024} MB (the command line reads up to 64 MB)`,
    );
  const text = await file.text();
  if (text.trim() === '') return { ...emptyFile(), text };
  const read = await loadOffMainThread(text, { fileName: file.name });
  const checked = withinLimits(read, file.name);
  return checked === read ? { ...read, text } : { ...checked, text };
}

/** Reads map text in a Web Worker, so that the page stays responsive; on the main thread if none starts. */
export function loadOffMainThread(
  text: string,
  options: LoadOptions,
  related?: Record<string, string>,
  /** Aborting stops the worker (a later reading replaces this one). */
  signal?: AbortSignal,
): Promise<ReadMap> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return loadMapText(text, relatedReader(related), options);
  }
  return new Promise<ReadMap>((resolve, reject) => {
    signal?.addEventListener('abort', () => {
      worker.terminate();
      reject(new Error('reading replaced by a later one'));
    });
    worker.onmessage = (
      event: MessageEvent<
        { ok: true; loaded: LoadedMap; laidOut?: LaidOutMap } | { ok: false; message: string }
      >,
    ) => {
      worker.terminate();
      if (event.data.ok) {
        const { loaded, laidOut } = event.data;
        resolve(laidOut ? { ...loaded, laidOut } : loaded);
      } else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      event.preventDefault();
      // A worker that cannot run (an old browser, a blocked script) is no reason not to open the map.
      resolve(loadMapText(text, relatedReader(related), options));
    };
    worker.postMessage({ text, options, maxNodes: MAX_MAP_NODES, related });
  });
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
  // The preview server (and many hosts) answer an unknown path with the app's own page: that is no map.
  const page = /^text\/html\b/i.test(response?.headers.get('content-type') ?? '');
  if (response?.status === 404 || (response?.ok && page)) return refused(`not found: ${url.pathname}`);
  if (!response?.ok)
    return refused(`cannot load ${url.pathname} (${response ? response.status : 'network error'})`);
  const text = await boundedText(response, url.pathname);
  if (typeof text !== 'string') return text;
  const loaded = await loadMapText(text, (related) => fetchSourceText(new URL(related, url)), {
    fileName: url.pathname,
  });
  return withinLimits(loaded, url.pathname);
}

/**
 * The response's text, read up to MAX_MAP_BYTES (the same limit as a file the user opens: counted in bytes,
 * and checked while reading, so that a huge answer is not downloaded whole), or the refusal. Empty is refused.
 */
async function boundedText(response: Response, name: string): Promise<string | LoadedMap> {
  const text = await readUpTo(response, MAX_MAP_BYTES);
  if (text === undefined)
    return refused(
      `${name} is larger than ${MAX_MAP_BYTES / 1024 / 1024} MB; the app opens maps up to ` +
        `${MAX_MAP_BYTES / 1024 / 1024} MB (the command line reads up to 64 MB)`,
    );
  return text.trim() === '' ? emptyFile() : text;
}

/** A response's body as text, or undefined (and the download stopped) once it passes `limit` bytes. */
async function readUpTo(response: Response, limit: number): Promise<string | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    void response.body?.cancel();
    return undefined;
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    bytes += part.value.byteLength;
    if (bytes > limit) {
      void reader!.cancel();
      return undefined;
    }
    chunks.push(part.value);
  }
  const whole = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) whole.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return new TextDecoder().decode(whole);
}

/**
 * A map's source text file fetched beside it: refused with the reason when missing (a 404, or the site's
 * own page in its place) or larger than the command line's limit for source texts (README.md).
 */
async function fetchSourceText(url: URL): Promise<string> {
  const response = await fetch(url).catch(() => undefined);
  const page = /^text\/html\b/i.test(response?.headers.get('content-type') ?? '');
  if (!response || response.status === 404 || (response.ok && page)) throw new Error('no such file');
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const text = await readUpTo(response, MAX_TEXT_FILE_BYTES);
  if (text === undefined) throw new Error(`it is larger than ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB`);
  return text;
}

/** An empty file is an error wherever it comes from, with the command line's message. */
export function emptyFile(): LoadedMap {
  return {
    map: undefined,
    valid: false,
    sourceText: undefined,
    format: 'argmap',
    problems: [{ severity: 'error', code: 'syntax', message: 'the file is empty', line: 1, column: 1 }],
  };
}

/**
 * A map with more boxes than the app can draw smoothly is refused with a message, not a frozen tab (with
 * `keepProblems`, the map's own problems are listed too: the editor shows them all).
 */
export function withinLimits<T extends LoadedMap>(
  loaded: T,
  name: string,
  keepProblems = false,
): T | LoadedMap {
  const count = loaded.map?.nodes.length ?? 0;
  if (count <= MAX_MAP_NODES) return loaded;
  const limit = refused(
    `${name} has ${count.toLocaleString('en')} boxes; the app draws maps of up to ` +
      `${MAX_MAP_NODES.toLocaleString('en')} (npx argmap export draws larger ones as SVG or PNG)`,
  );
  return keepProblems ? { ...limit, problems: [...loaded.problems, ...limit.problems] } : limit;
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
