import { parseJsonText } from './json-text.ts';

/** The formats a map file can be read from. */
export type MapFormat = 'argmap' | 'argdown' | 'aif';

/**
 * The format of a map file, from its name and then its content. `.argdown` / `.ad` are Argdown. JSON (text
 * starting with `{` or `[`) is argmap when it says `"format": "argmap"`, AIF when it has AIF's `nodes` and
 * `edges` (or OVA's `AIF` object) or is named `.aif` / `.aif.json`, else argmap. Other text is Argdown,
 * unless its name says JSON (then the JSON reader explains what is wrong).
 */
export function detectFormat(text: string, fileName?: string): MapFormat {
  const name = (fileName ?? '').toLowerCase();
  const extension = /\.(aif)(?:\.json)?$/.test(name) ? 'aif' : /\.([a-z]+)$/.exec(name)?.[1];
  if (extension === 'argdown' || extension === 'ad') return 'argdown';
  const start = /\S/.exec(text)?.[0];
  // `[Title]: …` starts many Argdown files; a JSON array (no map at all) fails at once as Argdown would.
  if (start === '[' && extension !== 'json' && extension !== 'aif' && notJsonAtAll(text)) return 'argdown';
  if (start !== '{' && start !== '[')
    return extension === 'aif' ? 'aif' : extension === 'json' ? 'argmap' : 'argdown';
  // A cheap look at the keys: reading the whole JSON twice would cost as much as reading the map.
  if (/"format"\s*:\s*"argmap"/.test(text)) return 'argmap';
  if (/"AIF"\s*:\s*\{/.test(text) || (/"nodes"\s*:/.test(text) && /"edges"\s*:/.test(text))) return 'aif';
  return extension === 'aif' ? 'aif' : 'argmap';
}

/** Not JSON, as opposed to JSON nested too deeply (which the JSON reader refuses with its place). */
function notJsonAtAll(text: string): boolean {
  const parsed = parseJsonText(text);
  return !parsed.ok && !parsed.error.limit;
}
