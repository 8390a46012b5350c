import { embedFontFaces, type FontFiles } from '../embed-fonts.ts';

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Every character a page's SVG draws as text: the contents of its text elements, entities read back. */
export function pageCharacters(svg: string): Set<number> {
  const used = new Set<number>();
  for (const [, content] of svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) {
    const text = content!.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name]!);
    for (const c of text) used.add(c.codePointAt(0)!);
  }
  return used;
}

/**
 * A page's SVG as a file of its own: the font embedded, subset to the characters the page draws, so that
 * a slide tool or a viewer without Inter shows it as the PNG and the PDF do.
 */
export function embedPageFonts(svg: string, fonts: FontFiles): string {
  const faces = embedFontFaces(pageCharacters(svg), fonts);
  // The page's first style sheet (its map's) takes the faces; a page without a map gets one of its own.
  return svg.includes('<style>')
    ? svg.replace('<style>', `<style>${faces}`)
    : svg.replace(/(<svg\b[^>]*>)/, `$1\n<style>${faces}</style>`);
}
