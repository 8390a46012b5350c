import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPng } from '../../src/cli/export.ts';
import { composeDeck, composeStep } from '../../src/core/export/pages/compose.ts';
import type { ComposedDocument } from '../../src/core/export/pages/page.ts';
import { writePptx } from '../../src/core/export/pptx/write-pptx.ts';
import { mapOf, readText } from './helpers.ts';

const trenin = mapOf(readText('data/trenin-2010.argmap.json'));
/** The file as written, not as parsed: the notes must come out exactly as the author typed them. */
const treninJson = JSON.parse(readText('data/trenin-2010.argmap.json')) as {
  readonly title: string;
  readonly source: { readonly author: string };
  readonly tour: readonly { readonly title: string; readonly note?: string }[];
};

const EMU_PER_INCH = 914400;

const decodeXml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a shape: its runs, paragraph by paragraph. */
const textOf = (shape: string) =>
  [...shape.matchAll(/<a:p>(.*?)<\/a:p>/gs)]
    .map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1]!)).join(''))
    .join('\n');

/** The shapes (`p:sp`) of a slide or notes page that are placeholders of a type. */
const placeholders = (xml: string, type: string) =>
  [...xml.matchAll(/<p:sp>.*?<\/p:sp>/gs)]
    .map((m) => m[0])
    .filter((sp) => new RegExp(`<p:ph\\b[^>]*\\btype="${type}"`).test(sp));

/** A PNG's width and height, from its header. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

interface Slide {
  readonly xml: string;
  readonly notes: string;
  readonly picture: Uint8Array;
}

/** Opens a written file: its presentation, metadata and slides (each with its notes and its picture). */
async function open(file: Uint8Array) {
  const zip = await JSZip.loadAsync(file);
  const text = (path: string) => zip.file(path)!.async('string');
  const presentation = await text('ppt/presentation.xml');
  const count = (presentation.match(/<p:sldId /g) ?? []).length;
  const slides: Slide[] = [];
  for (let n = 1; n <= count; n++) {
    const rels = await text(`ppt/slides/_rels/slide${n}.xml.rels`);
    const media = /Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)![1]!;
    const notesXml = await text(`ppt/notesSlides/notesSlide${n}.xml`);
    slides.push({
      xml: await text(`ppt/slides/slide${n}.xml`),
      notes: placeholders(notesXml, 'body').map(textOf).join('\n'),
      picture: await zip.file(`ppt/media/${media}`)!.async('uint8array'),
    });
  }
  return { presentation, core: await text('docProps/core.xml'), slides };
}

/** Where a slide's picture lies, in EMU. */
function pictureFrame(slideXml: string) {
  const pic = /<p:pic>.*?<\/p:pic>/s.exec(slideXml)![0];
  const [, x, y] = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(pic)!;
  const [, cx, cy] = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(pic)!;
  return { x: Number(x), y: Number(y), cx: Number(cx), cy: Number(cy) };
}

describe('the Trenin deck as PowerPoint', () => {
  const deck = composeDeck(trenin);
  /** Real pictures (2×, as the CLI and the app draw them) for some pages; small ones elsewhere, for speed. */
  const real = new Set([0, 1, 5, deck.pages.length - 1]);
  let pictures: Uint8Array[];
  let file: Awaited<ReturnType<typeof open>>;

  beforeAll(async () => {
    pictures = deck.pages.map((page, i) =>
      toPng(page.svg, { scale: real.has(i) ? 2 : 0.25, theme: 'light' }),
    );
    file = await open(await writePptx(deck, pictures));
  }, 60_000);

  it('is one widescreen slide per page, with the map’s title and author', () => {
    expect(file.slides).toHaveLength(deck.pages.length);
    expect(file.presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    expect(decodeXml(/<dc:title>([^<]*)</.exec(file.core)![1]!)).toBe(treninJson.title);
    expect(decodeXml(/<dc:creator>([^<]*)</.exec(file.core)![1]!)).toBe(treninJson.source.author);
  });

  it('fills each slide with its page’s picture, described by its title and box texts', () => {
    file.slides.forEach((slide, i) => {
      // The very PNG given, neither drawn again nor re-encoded.
      expect(Buffer.from(slide.picture).equals(Buffer.from(pictures[i]!))).toBe(true);
      expect(pictureFrame(slide.xml)).toEqual({ x: 0, y: 0, cx: 12192000, cy: 6858000 });
      const alt = decodeXml(
        /<p:cNvPr [^>]*descr="([^"]*)"/.exec(/<p:pic>.*<\/p:pic>/s.exec(slide.xml)![0])![1]!,
      );
      expect(alt.startsWith(deck.pages[i]!.title)).toBe(true);
      for (const text of deck.pages[i]!.texts) expect(alt).toContain(text);
    });
    for (const i of real) expect(pngSize(file.slides[i]!.picture)).toEqual({ width: 3840, height: 2160 });
  });

  it('titles each slide with a title placeholder beneath the picture: the map’s title, then the steps’', () => {
    file.slides.forEach((slide, i) => {
      const titles = placeholders(slide.xml, 'title');
      expect(titles).toHaveLength(1);
      const label = deck.pages[i]!.label;
      const expected = label === undefined ? treninJson.title : treninJson.tour[parseInt(label) - 1]!.title;
      expect(textOf(titles[0]!)).toBe(expected);
      // Drawn first, so the picture covers it.
      expect(slide.xml.indexOf('<p:sp>')).toBeLessThan(slide.xml.indexOf('<p:pic>'));
    });
  });

  it('carries each tour step’s note, exactly, in the notes of every slide of the step', () => {
    expect(file.slides[0]!.notes).toBe('');
    const stepsSeen = new Set<number>();
    file.slides.slice(1).forEach((slide, i) => {
      const step = parseInt(deck.pages[i + 1]!.label!) - 1;
      stepsSeen.add(step);
      expect(slide.notes).toBe(treninJson.tour[step]!.note ?? '');
    });
    const withNotes = treninJson.tour.flatMap((step, i) => (step.note ? [i] : []));
    expect(withNotes.length).toBeGreaterThan(0);
    for (const i of withNotes) expect(stepsSeen.has(i)).toBe(true);
  });
});

describe('writePptx', () => {
  const small = (doc: ComposedDocument) =>
    doc.pages.map((page) => toPng(page.svg, { scale: 0.1, theme: 'light' }));

  it('sizes the presentation to the first page, and centres a page of another shape on its slide', async () => {
    const wide = composeDeck(trenin).pages[1]!;
    const [square] = composeStep(trenin, 1, { page: '4:3' }).pages;
    const doc: ComposedDocument = { title: 'Mixed', pages: [square!, wide] };
    const file = await open(await writePptx(doc, small(doc)));
    // 4:3 is 1440×1080 page pixels: 10 × 7.5 inches.
    expect(file.presentation).toMatch(/<p:sldSz cx="9144000" cy="6858000"/);
    expect(pictureFrame(file.slides[0]!.xml)).toEqual({ x: 0, y: 0, cx: 9144000, cy: 6858000 });
    const letterboxed = pictureFrame(file.slides[1]!.xml);
    expect(letterboxed.cx).toBe(9144000);
    expect(letterboxed.x).toBe(0);
    expect(letterboxed.y * 2 + letterboxed.cy).toBeCloseTo(6858000, -1);
    expect(letterboxed.cy).toBe(Math.round((9144000 * 9) / 16));
  });

  it('keeps a huge page within PowerPoint’s 56 inches', async () => {
    const page = composeDeck(trenin).pages[1]!;
    const huge = { ...page, size: { name: 'picture' as const, width: 144 * 112, height: 144 * 28 } };
    const doc: ComposedDocument = { title: 'Huge', pages: [huge] };
    const file = await open(await writePptx(doc, small({ ...doc, pages: [page] })));
    expect(file.presentation).toMatch(
      new RegExp(`<p:sldSz cx="${56 * EMU_PER_INCH}" cy="${14 * EMU_PER_INCH}"`),
    );
  });

  it('keeps a title and a note with markup and control characters readable', async () => {
    const page = composeDeck(trenin).pages[1]!;
    const doc: ComposedDocument = {
      title: 'A <b>&</b> "B"',
      pages: [{ ...page, title: 'Less < more & "quoted"\u0000', note: 'Say: a < b & c\u0007.' }],
    };
    const file = await open(await writePptx(doc, small(doc)));
    expect(textOf(placeholders(file.slides[0]!.xml, 'title')[0]!)).toBe('Less < more & "quoted"');
    expect(file.slides[0]!.notes).toBe('Say: a < b & c.');
    expect(decodeXml(/<dc:title>([^<]*)</.exec(file.core)![1]!)).toBe('A <b>&</b> "B"');
  });

  it('refuses pictures that do not match the pages', async () => {
    const doc = composeStep(trenin, 1);
    await expect(writePptx(doc, [])).rejects.toThrow(/pictures/);
    await expect(
      writePptx(
        doc,
        doc.pages.map(() => new TextEncoder().encode('<svg/>')),
      ),
    ).rejects.toThrow(/not a PNG/);
  });
});
