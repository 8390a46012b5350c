import trenin from '../../data/trenin-2010.argmap.json?raw';
import treninText from '../../data/trenin-2010.txt?raw';
import { loadMapText, type LoadedMap } from '../core/load.ts';

/** The map the app opens with: Trenin's 2010 interview, embedded so that no network is needed. */
export function loadDefaultMap(): Promise<LoadedMap> {
  return loadMapText(trenin, async (path) => (path === 'trenin-2010.txt' ? treninText : undefined));
}
