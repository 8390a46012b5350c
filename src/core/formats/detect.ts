/** The formats a map file can be read from. */
export type MapFormat = 'argmap' | 'argdown' | 'aif';

/**
 * The format of a map file, from its name and then its content: `.argdown` / `.ad` are Argdown; otherwise
 * JSON (text starting with `{`) is AIF when it has AIF's `nodes` and `edges` (or OVA's `AIF` object) and no
 * `"format": "argmap"`, else argmap; any other text is Argdown.
 */
export function detectFormat(text: string, fileName?: string): MapFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'argdown' || extension === 'ad') return 'argdown';
  const start = /\S/.exec(text)?.[0];
  if (start !== '{' && start !== '[')
    return extension === 'json' || extension === 'aif' ? 'argmap' : 'argdown';
  // A cheap look at the keys: reading the whole JSON twice would cost as much as reading the map.
  if (/"format"\s*:\s*"argmap"/.test(text)) return 'argmap';
  if (/"AIF"\s*:\s*\{/.test(text) || (/"nodes"\s*:/.test(text) && /"edges"\s*:/.test(text))) return 'aif';
  return extension === 'aif' ? 'aif' : 'argmap';
}
