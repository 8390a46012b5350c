import { withAssumptions } from '../core/evaluate/assumptions.ts';
import type { Assumption } from '../core/evaluate/evaluate.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import type { ThemeName } from '../core/render/theme.ts';
import { download, fetchFonts } from './export.ts';

/**
 * The map as one HTML file (README, "One HTML file"), as `argmap export -o map.html` writes it: the viewer
 * served with the app (`/viewer/`, vite.config.ts), the fonts and the writer fetched and loaded on first use.
 */
export async function htmlExport(map: ArgumentMap, theme: ThemeName): Promise<string> {
  const [response, fonts, { htmlFile }] = await Promise.all([
    fetch('/viewer/argmap-viewer.js'),
    fetchFonts(),
    import('../core/export/html/html-file.ts'),
  ]);
  if (!response.ok) throw new Error(`the viewer could not be loaded (${response.status})`);
  return htmlFile({ map, viewer: await response.text(), fonts, theme });
}

/** Saves the HTML file, named after the map, its assumptions kept in it. */
export async function saveHtml(
  map: ArgumentMap,
  assumptions: ReadonlyMap<string, Assumption> | undefined,
  theme: ThemeName,
  name: string,
): Promise<void> {
  const kept = assumptions ? withAssumptions(map, assumptions) : map;
  download(await htmlExport(kept, theme), `${name}.html`, 'text/html;charset=utf-8');
}
