import { describe, expect, it } from 'vitest';
import { composeSubtreePicture, composeView } from '../../src/core/export/pages/compose.ts';
import { embedPageFonts, pageCharacters } from '../../src/core/export/pages/page-fonts.ts';
import { composeDeck } from '../../src/core/export/pages/compose.ts';
import { toPng } from '../../src/cli/export.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { wholeBoxes, within } from '../../src/core/render/within.ts';
import { clipLine } from '../../src/core/render/clip-line.ts';
import { renderSvg } from '../../src/core/render/svg.ts';
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

describe('a part of the map', () => {
  const laidOut = layoutMap(trenin);
  const { x, y, width, height } = laidOut.bounds;
  const views = [0, 0.2, 0.45, 0.7, 0.9].flatMap((fx) =>
    [0, 0.3, 0.6].flatMap((fy) =>
      [
        [640, 360],
        [1500, 800],
        [300, 200],
      ].map(([w, h]) => ({ x: x + fx * width, y: y + fy * height, width: w!, height: h! })),
    ),
  );

  /** Every arrowhead a drawing asks for: where its line starts or ends, and the picture's viewBox. */
  function arrowheads(svg: string) {
    const box = /viewBox="([\d.-]+) ([\d.-]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    const ends = [...svg.matchAll(/ d="([^"]+)"([^/]*)\/>/g)].flatMap(([, d, rest]) => {
      const numbers = d!.match(/-?[\d.]+/g)!.map(Number);
      return [
        ...(rest!.includes('marker-start') ? [[numbers[0]!, numbers[1]!]] : []),
        ...(rest!.includes('marker-end') ? [[numbers.at(-2)!, numbers.at(-1)!]] : []),
      ];
    });
    return { box: box as [number, number, number, number], ends };
  }

  it('draws no arrowhead outside a cropped picture, and only what reaches into it', () => {
    for (const view of views) {
      const svg = renderSvg(laidOut, { crop: view });
      const { box, ends } = arrowheads(svg);
      for (const [ex, ey] of ends) {
        expect(ex).toBeGreaterThanOrEqual(box[0]);
        expect(ex).toBeLessThanOrEqual(box[0] + box[2]);
        expect(ey).toBeGreaterThanOrEqual(box[1]);
        expect(ey).toBeLessThanOrEqual(box[1] + box[3]);
      }
      const drawn = within(laidOut, view);
      expect(svg.match(/data-node-id=/g)?.length ?? 0).toBe(drawn.nodes.length);
      expect(drawn.nodes.length).toBeLessThan(laidOut.nodes.length);
    }
  });

  it('is drawn as PNG by resvg, whatever part of the map the view shows', () => {
    for (const view of views) {
      const page = composeView(trenin, laidOut, view).pages[0]!;
      const png = toPng(page.svg, { scale: 0.25, theme: 'light' });
      expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
    }
  });
});

describe('a line cut at a picture’s edge', () => {
  const rect = { x: 0, y: 0, width: 100, height: 100 };

  it('stays as it is when wholly inside, and is gone when wholly outside', () => {
    const line = { steps: 'MLC', coords: [10, 10, 50, 10, 60, 20, 70, 30, 90, 90] };
    expect(clipLine(line, rect)).toBe(line);
    expect(clipLine({ steps: 'ML', coords: [200, 10, 300, 10] }, rect)).toBeUndefined();
  });

  it('ends at the edge where it leaves, and curves become straight pieces', () => {
    expect(clipLine({ steps: 'ML', coords: [50, 50, 150, 50] }, rect)).toEqual({
      steps: 'ML',
      coords: [50, 50, 100, 50],
    });
    const cut = clipLine({ steps: 'MC', coords: [50, 50, 50, 150, 150, 150, 150, 50] }, rect)!;
    expect(cut.steps).toMatch(/^ML+$/);
    for (let i = 0; i < cut.coords.length; i++) expect(cut.coords[i]).toBeLessThanOrEqual(100);
  });
});

describe('the caption of a narrow picture', () => {
  it('puts the titles above the source rather than cutting both to one line', () => {
    const page = composeSubtreePicture(trenin, 'kyrgyzstan-cooperation').pages[0]!;
    const texts = [...page.svg.matchAll(/<text x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
    const title = texts.find(([, , text]) => text!.startsWith('Russia Suffers'))!;
    const source = texts.find(([, , text]) => text!.startsWith('Dmitri Trenin'))!;
    expect(Number(source[1])).toBeGreaterThan(Number(title[1]));
    // A wide slide keeps the caption on one line.
    const slide = composeDeck(trenin).pages[1]!;
    const line = [
      ...slide.svg.matchAll(
        /<text x="[\d.]+" y="([\d.]+)"[^>]*>[^<]*(Russia Suffers|Dmitri Trenin)[^<]*<\/text>/g,
      ),
    ];
    expect(line).toHaveLength(2);
    expect(new Set(line.map((m) => m[1])).size).toBe(1);
  });
});
