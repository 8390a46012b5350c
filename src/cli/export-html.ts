import { readFileSync } from 'node:fs';
import { htmlFile } from '../core/export/html/html-file.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import type { ThemeName } from '../core/render/theme.ts';
import { ExportError } from './errors.ts';
import { bundledFonts } from './export.ts';

/**
 * The one-file viewer's code, built by `npm run build:embed`. The same path from src/cli and from the built
 * CLI in dist/cli: both are two folders below the repository's root.
 */
const viewerFile = new URL('../../dist/viewer/argmap-viewer.js', import.meta.url);

/** `argmap export MAP -o map.html`: the map in one HTML file that shows, explores and presents it offline. */
export async function exportHtml(map: ArgumentMap, theme: ThemeName): Promise<string> {
  let viewer: string;
  try {
    viewer = readFileSync(viewerFile, 'utf8');
  } catch {
    throw new ExportError('the viewer of HTML files is not built: run npm run build:embed first');
  }
  return htmlFile({ map, viewer, fonts: bundledFonts(), theme });
}
