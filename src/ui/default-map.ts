import trenin from '../../data/trenin-2010.argmap.json?raw';
import treninText from '../../data/trenin-2010.txt?raw';
import { loadMapText, type LoadedMap } from '../core/load.ts';

/** The Trenin map's source text, which is embedded; no other file can be read from here. */
export const readDefaultRelated = async (path: string): Promise<string | undefined> =>
  path === 'trenin-2010.txt' ? treninText : undefined;

/** The map the app opens with: Trenin's 2010 interview, embedded so that no network is needed. */
export function loadDefaultMap(): Promise<LoadedMap> {
  return loadMapText(trenin, readDefaultRelated);
}
