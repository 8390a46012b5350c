import type { ArgumentMap } from '../../model/types.ts';
import { relationWords, type ThemeName } from '../../render/theme.ts';
import { toBase64 } from '../../share/base64url.ts';
import { embedFontFaces, type FontFiles } from '../embed-fonts.ts';
import { viewerDataText } from './viewer-data.ts';

/** What one self-contained HTML file of a map is made of (README, "One HTML file"). */
export interface HtmlFileInput {
  readonly map: ArgumentMap;
  /** The viewer's code: the one-file viewer bundle (`npm run build:embed`), an ES module. */
  readonly viewer: string;
  /** The bundled Inter files (TrueType), embedded subset to the characters the file can show. */
  readonly fonts: FontFiles;
  readonly theme: ThemeName;
}

/**
 * One HTML file that shows, explores and presents the map with no network: the viewer's code inline (allowed
 * by its hash, not by 'unsafe-inline'), the fonts as `data:` addresses, the map in a data block. Its
 * Content-Security-Policy is the app's, narrowed to what the file holds: nothing may be fetched at all.
 */
export async function htmlFile(input: HtmlFileInput): Promise<string> {
  const code = inlineScript(input.viewer);
  const policy = [
    "default-src 'none'",
    `script-src 'sha256-${await sha256(code)}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const data = viewerDataText({ map: input.map });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="generator" content="argmap">
<title>${escapeText(input.map.title ?? 'Argument map')}</title>
<style data-argmap-fonts>${embedFontFaces(characters(input.map), input.fonts)}
html,body{margin:0;height:100%}argmap-view{display:block;height:100%}</style>
</head>
<body>
<argmap-view controls theme="${input.theme}"><script type="application/json">${data}</script></argmap-view>
<script type="module">${code}</script>
</body>
</html>
`;
}

/**
 * The code as it can sit inside a script element: `</script` and `<!--` would end or change the element, so
 * their `<` is written `\x3C`, which means the same inside the strings, templates and regular expressions
 * where alone they can appear. The hash is taken of this text, with line ends as the parser reads them.
 */
function inlineScript(code: string): string {
  return code.replace(/\r\n?/g, '\n').replace(/<(?=\/script|!--)/gi, '\\x3C');
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toBase64(new Uint8Array(digest));
}

/** Every character the viewer may draw: the map's texts (and more), its relation words and its buttons. */
function characters(map: ArgumentMap): Set<number> {
  const used = new Set<number>();
  for (let c = 0x20; c < 0x7f; c++) used.add(c);
  for (const text of [JSON.stringify(map), '◀▶−…·', ...Object.values(relationWords)])
    for (const c of text) used.add(c.codePointAt(0)!);
  return used;
}

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
