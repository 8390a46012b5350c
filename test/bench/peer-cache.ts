import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Figures of the peers (dagre, Graphviz) on the large maps, kept between runs: timing them there takes
 * minutes, so `npm run bench` does it only when asked (`--all-peers`) and otherwise prints the figures of
 * the last such run, marked as cached. A figure is found again only for the same peer version and the same
 * input (boxes' sizes and edges), so a changed measure of text or a new peer version is never answered with
 * an old figure. The file is in .bench-cache/, which git ignores.
 */

export const PEER_CACHE_FILE = '.bench-cache/peers.json';

export interface Cached<T> {
  readonly figures: T;
  /** When the figures were measured (ISO 8601). */
  readonly date: string;
}

type CacheFile = Record<string, Cached<unknown>>;

/** The key of a peer's figures: its name and version, and a hash of what it was given. */
export function peerKey(peer: string, version: string, input: string): string {
  const hash = createHash('sha256').update(input).digest('hex').slice(0, 16);
  return `${peer}@${version}:${hash}`;
}

function readCache(file: string): CacheFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return {};
  }
}

export function cachedFigures<T>(key: string, file = PEER_CACHE_FILE): Cached<T> | undefined {
  return readCache(file)[key] as Cached<T> | undefined;
}

export function storeFigures<T>(key: string, figures: T, file = PEER_CACHE_FILE): void {
  const cache = readCache(file);
  cache[key] = { figures, date: new Date().toISOString() };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(cache, null, 1) + '\n');
}

/** The version a package installed in node_modules declares. */
export function installedVersion(name: string): string {
  const file = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
