import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { toPng } from '../../src/cli/export.ts';
import { composeDeck, composeHandout, composeMap } from '../../src/core/export/pages/compose.ts';
import type { ComposedDocument } from '../../src/core/export/pages/page.ts';
import { outlineTitle, writePdf } from '../../src/core/export/pdf/write-pdf.ts';
import { mapOf, readText, root } from './helpers.ts';

/**
 * The PDFs read back with poppler's tools (Debian's poppler-utils, which .ci/run installs): their pages,
 * sizes, text, fonts, metadata and bookmarks.
 */

const trenin = mapOf(readText('data/trenin-2010.argmap.json'));
const font = (name: string) => new Uint8Array(readFileSync(new URL(`static/fonts/${name}`, root)));
const fonts = { regular: font('Inter-Regular.ttf'), semibold: font('Inter-SemiBold.ttf') };
const folder = mkdtempSync(join(tmpdir(), 'argmap-pdf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

async function written(name: string, document: ComposedDocument): Promise<string> {
  const file = join(folder, name);
  writeFileSync(file, await writePdf(document, fonts));
  return file;
}

const deck = composeDeck(trenin);
const handout = composeHandout(trenin);
const map = composeMap(trenin, { page: 'letter' });
// Each written once, read by the tests below.
const files = {
  deck: written('deck.pdf', deck),
  handout: written('handout.pdf', handout),
  map: written('map.pdf', map),
};

/** pdfinfo's fields, and the size of every page in points. */
function info(file: string) {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', file))?.[1]);
  const sizes = [
    ...run('pdfinfo', '-f', '1', '-l', String(pages), file).matchAll(/size:\s+([\d.]+) x ([\d.]+)/g),
  ];
  const field = (key: string) => new RegExp(`^${key}:\\s+(.*)$`, 'm').exec(run('pdfinfo', file))?.[1];
  return {
    pages,
    sizes: sizes.map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]),
    title: field('Title'),
    author: field('Author'),
  };
}

/** The fonts the PDF uses, as pdffonts lists them: name, embedded, subset. */
function fontsOf(file: string) {
  return run('pdffonts', file)
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type… encoding emb sub uni object generation
      return { name: columns[0]!, embedded: columns.at(-5), subset: columns.at(-4) };
    });
}

function expectInterOnly(file: string) {
  const used = fontsOf(file);
  expect(used.length).toBeGreaterThan(0);
  for (const { name, embedded, subset } of used) {
    expect(name).toMatch(/^[A-Z]{6}\+Inter-(Regular|SemiBold)$/);
    expect(embedded).toBe('yes');
    expect(subset).toBe('yes');
  }
  expect(used.map((f) => f.name).join(' ')).not.toMatch(/Helvetica|Times|Courier/);
}

/** Each page's text holds its title and every text of its boxes (as lines of the page, whitespace aside). */
function expectTexts(file: string, document: ComposedDocument) {
  const pages = run('pdftotext', '-enc', 'UTF-8', file, '-').split('\f').map(normalised);
  expect(pages.slice(0, document.pages.length)).toHaveLength(document.pages.length);
  document.pages.forEach((page, i) => {
    const text = pages[i]!;
    // The caption may cut a long title with an ellipsis: its first words are there.
    expect(text, `page ${i + 1}`).toContain(normalised(page.title).split(' ').slice(0, 3).join(' '));
    for (const line of page.texts) expect(text, `page ${i + 1}`).toContain(normalised(line));
  });
}

/** The PDF's bookmarks, as pdftohtml lists them. */
function outline(file: string): string[] {
  const xml = run('pdftohtml', '-xml', '-i', '-stdout', '-q', '-f', '1', '-l', '1', file);
  const decode = (s: string) =>
    s.replace(/&(amp|lt|gt|quot|apos|#(\d+));/g, (_, name: string, code?: string) =>
      code ? String.fromCodePoint(Number(code)) : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name]!,
    );
  return [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => decode(m[1]!));
}

describe('the deck as a PDF', async () => {
  const file = await files.deck;

  it('has a 960 × 540 pt page per page of the deck, with its title and metadata', () => {
    const read = info(file);
    expect(read.pages).toBe(deck.pages.length);
    expect(read.sizes).toHaveLength(deck.pages.length);
    for (const size of read.sizes) expect(size).toEqual([960, 540]);
    expect(read.title).toBe(trenin.title);
    expect(read.author).toBe('Dmitri Trenin');
  });

  it('holds each page’s title and every text of its boxes as text', () => expectTexts(file, deck));

  it('draws its text in Inter only, embedded and subset', () => expectInterOnly(file));

  it('has a bookmark per page, with the step’s label', () => {
    const items = outline(file);
    expect(items).toEqual(deck.pages.map(outlineTitle));
    expect(items.some((item) => /^\d+[a-z]? · /.test(item))).toBe(true);
  });
});

describe('the handout and the map as PDFs', async () => {
  const handoutFile = await files.handout;
  const mapFile = await files.map;

  it('puts the handout on A4 portrait, with its notes and quotes as text', () => {
    const read = info(handoutFile);
    expect(read.pages).toBe(handout.pages.length);
    for (const size of read.sizes) expect(size).toEqual([595, 842]);
    expectTexts(handoutFile, handout);
    const text = normalised(run('pdftotext', '-enc', 'UTF-8', handoutFile, '-'));
    const note = handout.pages.find((page) => page.note)!.note!;
    expect(text).toContain(normalised(note).split(' ').slice(0, 8).join(' '));
    expectInterOnly(handoutFile);
  });

  it('puts the map on pages of the size asked for', () => {
    const read = info(mapFile);
    expect(read.pages).toBe(map.pages.length);
    for (const size of read.sizes) expect(size).toEqual([612, 792]);
    expectTexts(mapFile, map);
    expectInterOnly(mapFile);
  });
});

describe('a PDF of one page', () => {
  it('has no bookmarks', async () => {
    const one = { ...composeMap(trenin), author: undefined };
    const file = await written('one.pdf', { ...one, pages: one.pages.slice(0, 1) });
    expect(info(file).pages).toBe(1);
    expect(outline(file)).toEqual([]);
  });
});

/**
 * How far two pictures differ, averaged over blocks of 3 × 3 pixels (each renderer smooths the edges of
 * letters its own way; a missing fill, another colour or a shifted text shows in the blocks all the same):
 * the share of blocks whose largest channel difference is over 16, and over 48.
 */
function difference(a: PNG, b: PNG) {
  const K = 3;
  const width = Math.floor(Math.min(a.width, b.width) / K);
  const height = Math.floor(Math.min(a.height, b.height) / K);
  const block = (png: PNG, x: number, y: number, channel: number) => {
    let sum = 0;
    for (let j = 0; j < K; j++)
      for (let i = 0; i < K; i++) sum += png.data[((y * K + j) * png.width + x * K + i) * 4 + channel]!;
    return sum / (K * K);
  };
  let slight = 0;
  let large = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.max(...[0, 1, 2].map((c) => Math.abs(block(a, x, y, c) - block(b, x, y, c))));
      if (d > 16) slight++;
      if (d > 48) large++;
    }
  }
  return { slight: slight / (width * height), large: large / (width * height) };
}

describe('the PDF’s pages as pictures', async () => {
  const pdfs = { deck: await files.deck, map: await files.map };

  // Pages without a cross-link: resvg ignores the style sheet's :not() rule that lightens them.
  it.each([
    ['deck', 0],
    ['deck', 5],
    ['map', 0],
  ] as const)('look like the PNG of the same page (%s, page %i)', (name, index) => {
    const page = (name === 'deck' ? deck : map).pages[index]!;
    const prefix = join(folder, `${name}-${index}`);
    // At 72 dpi a point is a pixel: the PDF's page at the size of the SVG's PNG at half scale.
    const number = String(index + 1);
    run('pdftoppm', '-r', '72', '-png', '-singlefile', '-f', number, '-l', number, pdfs[name], prefix);
    const fromPdf = PNG.sync.read(readFileSync(`${prefix}.png`));
    const fromSvg = PNG.sync.read(Buffer.from(toPng(page.svg, { scale: 0.5, theme: 'light' })));
    expect(Math.abs(fromPdf.width - fromSvg.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(fromPdf.height - fromSvg.height)).toBeLessThanOrEqual(1);
    const { slight, large } = difference(fromPdf, fromSvg);
    expect(slight).toBeLessThan(0.05);
    expect(large).toBeLessThan(0.005);
  });
});

/**
 * The app loads the writer on demand: bundled for the browser as the app's build bundles it, it takes
 * pdfkit's and fontkit's browser builds, leaves nothing to import (no Node module, no stand-in for one), and
 * writes the same PDF.
 */
describe('the writer bundled for the browser', () => {
  it('holds no Node module and writes the PDF', { timeout: 30_000 }, async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: fileURLToPath(root),
      build: {
        write: false,
        target: 'es2022',
        lib: { entry: 'src/core/export/pdf/write-pdf.ts', formats: ['es'], fileName: 'write-pdf' },
      },
    });
    // A library build answers with one output per format.
    const [output] = [result].flat() as Rolldown.RolldownOutput[];
    const [chunk] = output!.output as [Rolldown.OutputChunk];
    expect(chunk.imports).toEqual([]);
    expect(chunk.dynamicImports).toEqual([]);
    const modules = chunk.moduleIds.map((id) => id.replace(/\\/g, '/'));
    expect(modules).toContainEqual(expect.stringMatching(/pdfkit\/js\/pdfkit\.browser\.mjs$/));
    expect(modules).toContainEqual(expect.stringMatching(/fontkit\/dist\/browser-module\.mjs$/));
    expect(modules.filter((id) => /pdfkit\.(node\.mjs|js)$|browser-external|^node:/.test(id))).toEqual([]);

    const file = join(folder, 'write-pdf.browser.mjs');
    writeFileSync(file, chunk.code);
    const bundled = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
      writePdf: typeof writePdf;
    };
    const example = composeDeck(mapOf(readText('data/example.argmap.json')));
    const pdf = join(folder, 'example-browser.pdf');
    writeFileSync(pdf, await bundled.writePdf(example, fonts));
    expect(info(pdf).pages).toBe(example.pages.length);
    expectTexts(pdf, example);
    expectInterOnly(pdf);
  });
});
