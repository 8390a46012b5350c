import type { LaidOutMap } from '../core/layout/types.ts';
import type { LoadedMap, LoadOptions } from '../core/load.ts';
import { relatedReader } from '../core/related.ts';
import { readUpTo } from './fetch-text.ts';

/**
 * The reading pipeline loads when a file is opened: the first visit shows the Trenin map, read when the app
 * was built, and needs neither the reader nor its schema library.
 */
const loadMapText = async (...args: Parameters<typeof import('../core/load.ts').loadMapText>) =>
  (await import('../core/load.ts')).loadMapText(...args);

/** Largest file the app opens; larger ones are refused with a message instead of freezing the tab. */
export const MAX_MAP_BYTES = 20 * 1024 * 1024;
/** Largest source text file read beside a map, as on the command line. */
/**
 * Most boxes the app draws: beyond this, reading and laying out a map takes longer than a user should wait.
 * The command line exports larger maps.
 */
export const MAX_MAP_NODES = 10_000;

/**
 * A map read off the main thread, with its first layout when made there: all expanded, thesis on top, but the
 * reconstructions it opens with folded (`folded`, `folded-on-open.ts`).
 */
export type ReadMap = LoadedMap & { readonly laidOut?: LaidOutMap; readonly folded?: readonly string[] };
/** A map opened from a file, with the file's text (remembered for the next visit). */
export type OpenedMap = ReadMap & { readonly text?: string };

/**
 * How long a reading may take before its worker is stopped: far beyond any map the app draws (those read in
 * seconds), it is the guard against an input that would keep a core busy for good.
 */
export const READING_LIMIT_MS = 60_000;

/** A file the user picked or dropped. Its source text file cannot be read (no folder access): a warning. */
export async function openFile(file: File, signal?: AbortSignal): Promise<OpenedMap> {
  if (file.size > MAX_MAP_BYTES)
    return refused(
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the app opens maps up to ` +
        `${MAX_MAP_BYTES / 1024 / 1024} MB (the command line reads up to 64 MB)`,
    );
  const text = await file.text();
  if (text.trim() === '') return { ...emptyFile(), text };
  const read = await loadOffMainThread(text, { fileName: file.name }, signal ? { signal } : {});
  const checked = withinLimits(read, file.name);
  return checked === read ? { ...read, text } : { ...checked, text };
}

/** Where a map's text comes from, for the files it names, and how its reading is stopped. */
export interface ReadingContext {
  /** The files the map names (its source text), sent along: a worker cannot ask the page for them. */
  readonly files?: Record<string, string>;
  /** Or the address the map came from (`?map=`): the files it names are fetched next to it. */
  readonly base?: string;
  /** Aborting stops the worker (a later reading replaces this one, or the user cancelled it). */
  readonly signal?: AbortSignal;
}

/**
 * Reads map text in a Web Worker, so that the page stays responsive; on the main thread if none starts. A
 * watchdog stops a reading that runs past `READING_LIMIT_MS`.
 */
export function loadOffMainThread(
  text: string,
  options: LoadOptions,
  context: ReadingContext = {},
): Promise<ReadMap> {
  const { files, base, signal } = context;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return loadMapText(text, relatedReader(files), options);
  }
  return new Promise<ReadMap>((resolve, reject) => {
    const stop = (error?: Error) => {
      clearTimeout(watchdog);
      worker.terminate();
      if (error) reject(error);
    };
    const watchdog = setTimeout(
      () =>
        stop(
          new ReadingStopped(`reading ${options.fileName ?? 'the map'} took over a minute; it was stopped`),
        ),
      READING_LIMIT_MS,
    );
    if (signal?.aborted) return stop(new ReadingStopped('reading cancelled'));
    signal?.addEventListener('abort', () => stop(new ReadingStopped('reading cancelled')));
    worker.onmessage = (
      event: MessageEvent<
        | { ok: true; loaded: LoadedMap; laidOut?: LaidOutMap; folded: string[] }
        | { ok: false; message: string }
      >,
    ) => {
      stop();
      if (event.data.ok) {
        const { loaded, laidOut, folded } = event.data;
        resolve({ ...loaded, ...(laidOut ? { laidOut } : {}), folded });
      } else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      stop();
      event.preventDefault();
      // A worker that cannot run (an old browser, a blocked script) is no reason not to open the map.
      resolve(loadMapText(text, relatedReader(files), options));
    };
    worker.postMessage({ text, options, maxNodes: MAX_MAP_NODES, related: files, base });
  });
}

/** A reading stopped before it ended: cancelled by the user, replaced by another, or too long. */
export class ReadingStopped extends Error {
  override name = 'ReadingStopped';
}

/**
 * `?map=<path>`: a map from this site only (a map from elsewhere could be anything). Its source text is
 * fetched relative to it.
 */
export async function openUrl(path: string, base: string, signal?: AbortSignal): Promise<ReadMap> {
  const url = new URL(path, base);
  if (url.origin !== new URL(base).origin)
    return refused(`?map= opens maps from this site only, not ${url.origin}`);
  const response = await fetch(url, signal ? { signal } : {}).catch(() => undefined);
  // The preview server (and many hosts) answer an unknown path with the app's own page: that is no map.
  const page = /^text\/html\b/i.test(response?.headers.get('content-type') ?? '');
  if (response?.status === 404 || (response?.ok && page)) return refused(`not found: ${url.pathname}`);
  if (!response?.ok)
    return refused(`cannot load ${url.pathname} (${response ? response.status : 'network error'})`);
  const text = await boundedText(response, url.pathname);
  if (typeof text !== 'string') return text;
  // Read in a worker like any file (an address can name a file that would hold the page); the worker
  // fetches the source text next to the map.
  const loaded = await loadOffMainThread(
    text,
    { fileName: url.pathname },
    { base: url.href, ...(signal ? { signal } : {}) },
  );
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
