import { describe, expect, it } from 'vitest';
import { composeView, wholeBoxes } from '../../src/core/export/pages/compose.ts';
import { embedPageFonts, pageCharacters } from '../../src/core/export/pages/page-fonts.ts';
import { composeDeck } from '../../src/core/export/pages/compose.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { mapOf, readBytes, readText } from './helpers.ts';

const trenin = mapOf(readText('data/trenin-2010.argmap.json'));
const fonts = {
  regular: readBytes('static/fonts/Inter-Regular.ttf'),
  semibold: readBytes('static/fonts/Inter-SemiBold.ttf'),
};

describe('a picture of the view', () => {
  const laidOut = layoutMap(trenin);

  it('grows the view to the whole of every box it touches', () => {
    const box = laidOut.nodes.find((n) => n.depth === 1)!;
    // A view through the middle of one box, cutting it on every side.
    const view = { x: box.x + 10, y: box.y + 10, width: box.width / 2, height: box.height / 3 };
    const rect = wholeBoxes(laidOut, view);
    for (const node of laidOut.nodes) {
      const touches =
        node.x < rect.x + rect.width + 12 &&
        node.x + node.width > rect.x - 12 &&
        node.y < rect.y + rect.height + 12 &&
        node.y + node.height > rect.y - 12;
      if (!touches) continue;
      expect(node.x).toBeGreaterThanOrEqual(rect.x);
      expect(node.y).toBeGreaterThanOrEqual(rect.y);
      expect(node.x + node.width).toBeLessThanOrEqual(rect.x + rect.width);
      expect(node.y + node.height).toBeLessThanOrEqual(rect.y + rect.height);
    }
    expect(rect.width).toBeGreaterThanOrEqual(box.width);
    expect(rect.width).toBeLessThan(laidOut.bounds.width);
  });

  it('is one page with a caption naming the map', () => {
    const box = laidOut.nodes[0]!;
    const doc = composeView(trenin, laidOut, { x: box.x, y: box.y, width: 600, height: 300 });
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]!.svg).toContain(trenin.title!.split(' ')[0]!);
    expect(doc.pages[0]!.texts.join(' ')).toContain(box.textLines[0]!);
  });
});

describe('a page as an SVG file', () => {
  const page = composeDeck(trenin).pages[1]!;

  it('knows every character the page draws, entities read back', () => {
    const used = pageCharacters('<svg><text x="1">a &amp; b &#39;c&#39;</text><text>“é”</text></svg>');
    expect([...used].map((c) => String.fromCodePoint(c)).sort()).toEqual(
      [' ', "'", '&', 'a', 'b', 'c', 'é', '“', '”'].sort(),
    );
  });

  it('carries both weights of the font, subset to what the page draws', () => {
    const svg = embedPageFonts(page.svg, fonts);
    const faces = [
      ...svg.matchAll(
        /@font-face\{font-family:Inter;font-weight:(\d+);src:url\(data:font\/ttf;base64,([^)]+)\)/g,
      ),
    ];
    expect(faces.map((f) => f[1])).toEqual(['400', '600']);
    for (const face of faces) expect(face[2]!.length).toBeLessThan(fonts.regular.length / 4);
  });

  it('gets a style sheet of its own when it has none', () => {
    const svg = embedPageFonts('<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>', fonts);
    expect(svg).toMatch(/^<svg [^>]*>\n<style>@font-face/);
  });
});
