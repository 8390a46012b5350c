import prepared from 'virtual:default-map';
import type { ReadMap } from './open-map.ts';

/**
 * The map the app opens with: Trenin's 2010 interview, embedded so that no network is needed, and read,
 * checked and laid out when the app was built (vite.config.ts), by the same code that reads any other map.
 */
export const defaultMap: ReadMap = prepared;

/** The Trenin map's source text, which is embedded; no other file can be read from here. */
export const readDefaultRelated = async (path: string): Promise<string | undefined> =>
  path === prepared.map?.source?.textFile ? prepared.sourceText : undefined;
