import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';
import { dropFile } from '../e2e/drop-file.ts';
import { syntheticMap } from './synthetic.ts';

/**
 * Figures only a browser gives, measured in headless Chromium on the built app (`dist/app`, served by Vite's
 * preview server): time until a map answers input, frame times of a scripted pan and zoom, collapsing and
 * expanding a large subtree, PNG export, and the size of the JavaScript a first visit loads.
 */

export interface Frames {
  readonly name: string;
  /** Boxes on screen, and how many of them are drawn with their text. */
  readonly inView: number;
  readonly withText: number;
  /** Main-thread time of each frame, from its start to its rendering done (input, script, style, layout, paint). */
  readonly workP50: number;
  readonly workP95: number;
  /** Time between frames: 16.7 ms when every frame comes on time at 60 Hz. */
  readonly intervalP95: number;
  /** Frames that came late (interval over 1.5 frames). */
  readonly late: number;
  readonly frames: number;
}

export interface BrowserFigures {
  /** Time from navigation (the Trenin map) or from the drop (generated maps) until the map answers input. */
  readonly interactive: { name: string; boxes: number; ms: number }[];
  /**
   * The first paint of a first visit (first-contentful-paint), median: the prerendered map, which needs no
   * script (docs/ARCHITECTURE.md, "Performance").
   */
  readonly firstPaintMs: number;
  readonly frames: Frames[];
  readonly collapse: { hidden: number; collapseMs: number; expandMs: number } | undefined;
  /** PNG 2× of the Trenin map from the Export menu, click to file (median of 3). */
  readonly pngMs: number | undefined;
  /** The first of those three: the page's first export, its encoders started and compiled for it. */
  readonly firstPngMs: number | undefined;
  /** The Trenin tour as a PDF deck from the Export menu, click to file. */
  readonly deckMs: number | undefined;
  /** The same deck as PowerPoint (a picture per slide), with `--decks` only. */
  readonly pptxMs: number | undefined;
  readonly bundle: { entryGzip: number; allGzip: number };
  /** Gzip bytes of what a first visit downloads, by kind, until the map answers input and its fonts are in. */
  readonly firstVisit: FirstVisitBytes;
}

export interface FirstVisitBytes {
  readonly js: number;
  readonly css: number;
  readonly fonts: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

export async function benchBrowser(
  sizes: readonly number[],
  decks = false,
): Promise<BrowserFigures | undefined> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('Browser figures skipped: no Chromium found (set CHROMIUM_PATH).');
    return undefined;
  }
  // BENCH_PORT: another port when 4188 is taken (by a second checkout's bench or browser tests).
  const port = Number(process.env.BENCH_PORT ?? 4188);
  const server = await preview({ preview: { port, strictPort: true }, logLevel: 'silent' });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const base = `http://localhost:${port}/`;
    // Each scenario in a new browser context: the app remembers the last map opened (IndexedDB), and a
    // measurement must not start from the one before.
    let page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const fresh = async () => {
      await page.context().close();
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      return page;
    };

    // The Trenin map: from navigation to the first frame that answers input. A first visit (a new browser
    // context: nothing cached, the JavaScript compiled for the first time; median of 5, after one visit that
    // starts the browser's processes) and a returning visitor (reloads: cached files and compiled code;
    // median of the 5 after the first two, which fill the caches).
    await page.goto(base);
    await markTime(page, 'argmap:interactive');
    const first: number[] = [];
    const painted: number[] = [];
    for (let i = 0; i < 5; i++) {
      await (await fresh()).goto(base);
      first.push(await markTime(page, 'argmap:interactive'));
      painted.push(await firstPaint(page));
    }
    const next: number[] = [];
    for (let i = 0; i < 7; i++) {
      await page.goto(base);
      next.push(await markTime(page, 'argmap:interactive'));
    }
    const firstVisit = await firstVisitBytes(await fresh(), base);
    const interactive = [
      { name: 'Trenin map, first visit', boxes: 79, ms: median(first) },
      { name: 'Trenin map, next visits', boxes: 79, ms: median(next.slice(2)) },
    ];
    const frames: BrowserFigures['frames'] = [];

    // Generated maps, dropped as a file: from the drop to the first frame that answers input.
    for (const size of sizes) {
      const text = JSON.stringify({ format: 'argmap', version: 1, ...syntheticMap(size) });
      await fresh();
      await page.goto(base);
      await markTime(page, 'argmap:interactive');
      await page.evaluate(() => performance.clearMarks());
      await dropFile(page, `synthetic-${size}.json`, text);
      const ms = await page.evaluate(async () => {
        for (;;) {
          const done = performance.getEntriesByName('argmap:interactive')[0];
          const start = performance.getEntriesByName('argmap:open')[0];
          if (done && start) return done.startTime - start.startTime;
          await new Promise((r) => setTimeout(r, 20));
        }
      });
      interactive.push({ name: `${size.toLocaleString('en')} boxes`, boxes: size, ms });
      if (size === sizes[sizes.length - 1]) {
        frames.push(await gesture(page, `${size.toLocaleString('en')} boxes, first view`));
        await page.keyboard.press('0');
        await page.waitForTimeout(600);
        frames.push(await gesture(page, `${size.toLocaleString('en')} boxes, whole map`, size));
      }
    }

    // 2,000 boxes all in view: the generated map of 2,000 boxes, shown whole (too small to read: sketched).
    await fresh();
    await page.goto(base);
    await markTime(page, 'argmap:interactive');
    await dropFile(
      page,
      'synthetic-2000.json',
      JSON.stringify({ format: 'argmap', version: 1, ...syntheticMap(2000) }),
    );
    await page.getByRole('status').filter({ hasText: 'Opening' }).waitFor({ state: 'detached' });
    await page.keyboard.press('0');
    await page.waitForTimeout(600);
    frames.push(await gesture(page, '2,000 boxes, all in view', 2000));
    // The most boxes drawn with their text at once: a binary tree of 2,047 short claims (dense at every
    // level), shown whole and zoomed in until the text is drawn.
    await fresh();
    await page.goto(base);
    await markTime(page, 'argmap:interactive');
    await dropFile(page, 'binary.json', JSON.stringify(binaryTree(11)));
    await page.getByRole('status').filter({ hasText: 'Opening' }).waitFor({ state: 'detached' });
    await page.keyboard.press('0');
    await page.waitForTimeout(600);
    for (let i = 0; i < 20 && (await page.locator('[data-node-id]').count()) === 0; i++) {
      await page.keyboard.press('+');
      await page.waitForTimeout(400);
    }
    frames.push(await gesture(page, '2,047 boxes, smallest text'));

    // Collapse and expand the subtree of 1,000 boxes under one reason (time to the next frame).
    const collapse = await collapseTimes(await fresh(), base);

    // PNG at 2× of the Trenin map, from the click to the file.
    await fresh();
    await page.goto(base);
    await markTime(page, 'argmap:interactive');
    const pngTimes = [
      await exportTime(page, 'Export PNG'),
      await exportTime(page, 'Export PNG'),
      await exportTime(page, 'Export PNG'),
    ];
    const pngMs = median(pngTimes);
    const deckMs = await exportTime(page, 'Slides as PDF');
    const pptxMs = decks ? await exportTime(page, 'Slides as PowerPoint') : undefined;

    return {
      interactive,
      firstPaintMs: median(painted),
      frames,
      collapse,
      pngMs,
      firstPngMs: pngTimes[0],
      deckMs,
      pptxMs,
      bundle: bundleSize(),
      firstVisit,
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/**
 * What a first visit (a new browser context, nothing cached) downloads of scripts, style sheets and fonts,
 * each response gzipped as a server would send it, until the Trenin map answers input, the fonts it shows
 * are loaded and the network is quiet.
 */
async function firstVisitBytes(page: Page, base: string): Promise<FirstVisitBytes> {
  const kinds: Record<string, keyof FirstVisitBytes> = { script: 'js', stylesheet: 'css', font: 'fonts' };
  const sizes: Promise<[keyof FirstVisitBytes, number]>[] = [];
  page.on('response', (response) => {
    const kind = kinds[response.request().resourceType()];
    if (kind)
      sizes.push(
        response
          .body()
          .then((body) => [kind, gzipSync(body).length] as [keyof FirstVisitBytes, number])
          .catch(() => [kind, NaN]),
      );
  });
  await page.goto(base);
  await markTime(page, 'argmap:interactive');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
  const bytes = { js: 0, css: 0, fonts: 0 };
  for (const [kind, size] of await Promise.all(sizes)) bytes[kind] += size;
  return bytes;
}

/** Milliseconds from navigation start to a mark, waiting for it. */
/** When the page first painted content (first-contentful-paint), in ms from navigation. */
async function firstPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true }),
      ),
  );
}

async function markTime(page: Page, name: string): Promise<number> {
  return page.evaluate(async (mark) => {
    for (;;) {
      const entry = performance.getEntriesByName(mark)[0];
      if (entry) return entry.startTime;
      await new Promise((r) => setTimeout(r, 10));
    }
  }, name);
}

/**
 * A scripted pan (drag) and zoom (wheel) over the map. Each frame's main-thread work is timed from the
 * frame's start (the requestAnimationFrame time, before input is handled) to a message posted from the
 * frame's callback, which runs once the frame's rendering is done; the interval between frames shows frames
 * the browser could not make on time (drawing off the main thread included).
 */
async function gesture(page: Page, name: string, inView?: number): Promise<Frames> {
  const surface = (await page.locator('svg.map').boundingBox())!;
  const x = surface.x + surface.width / 2;
  const y = surface.y + surface.height / 2;
  // Boxes on screen: every box when the whole map is shown (sketched), else the drawn boxes that are on
  // screen (a margin around the view is drawn too, for panning).
  const withText = await page.evaluate(() => {
    const view = document.querySelector('svg.map')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-node-id]')].filter((box) => {
      const r = box.getBoundingClientRect();
      return r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
    }).length;
  });
  const shown = inView ?? withText;
  await page.evaluate(() => {
    const state = { work: [] as number[], intervals: [] as number[], stop: false };
    (window as unknown as { frameTimes: typeof state }).frameTimes = state;
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<number>) =>
      state.work.push(performance.now() - event.data);
    let last = performance.now();
    const tick = (frameStart: number) => {
      state.intervals.push(frameStart - last);
      last = frameStart;
      channel.port2.postMessage(frameStart);
      if (!state.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(x + i * 8, y + i * 3);
  await page.mouse.up();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -120 : 120);
  await page.waitForTimeout(300);
  const { work, intervals } = await page.evaluate(() => {
    const state = (
      window as unknown as { frameTimes: { work: number[]; intervals: number[]; stop: boolean } }
    ).frameTimes;
    state.stop = true;
    return { work: state.work.slice(1), intervals: state.intervals.slice(1) };
  });
  return {
    name,
    inView: shown,
    withText,
    workP50: percentile(work, 50),
    workP95: percentile(work, 95),
    intervalP95: percentile(intervals, 95),
    late: intervals.filter((t) => t > 25).length,
    frames: intervals.length,
  };
}

/** A complete binary tree of `depth` levels: each claim has two reasons. */
function binaryTree(depth: number) {
  const count = 2 ** depth - 1;
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    type: 'statement',
    text: `Claim ${i}`,
  }));
  const relations = nodes.slice(1).map((_, i) => ({
    id: `r${i + 1}`,
    type: i % 2 ? 'attack' : 'support',
    from: `n${i + 1}`,
    to: `n${i >> 1}`,
  }));
  return { format: 'argmap', version: 1, nodes, relations };
}

async function collapseTimes(page: Page, base: string): Promise<BrowserFigures['collapse']> {
  // One reason with 1,000 boxes under it, next to two small ones.
  const nodes = Array.from({ length: 1004 }, (_, i) => ({
    id: `n${i}`,
    type: 'statement',
    text: `Claim ${i}`,
  }));
  const relations = nodes.slice(1).map((_, i) => ({
    id: `r${i + 1}`,
    type: 'support',
    from: `n${i + 1}`,
    to: i < 3 ? 'n0' : i < 43 ? 'n1' : `n${4 + ((i - 43) % 40)}`,
  }));
  await page.goto(base);
  await markTime(page, 'argmap:interactive');
  await dropFile(page, 'subtree.json', JSON.stringify({ format: 'argmap', version: 1, nodes, relations }));
  await page.getByRole('status').filter({ hasText: 'Opening' }).waitFor({ state: 'detached' });
  const toggle = page.locator('[data-node-id="n1"] .toggle');
  await toggle.waitFor();
  const time = () =>
    page.evaluate(async () => {
      const start = performance.now();
      document
        .querySelector('[data-node-id="n1"] .toggle')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - start;
    });
  const collapseMs = await time();
  const hidden = Number((await toggle.getAttribute('aria-label'))?.match(/\d+/)?.[0] ?? 0);
  const expandMs = await time();
  return { hidden, collapseMs, expandMs };
}

/**
 * Gzip size of the JavaScript a first visit loads (the entry chunk and the chunks it imports, which the page
 * preloads) and of all the app's JavaScript, the lazily loaded readers and the editor included.
 */
function bundleSize(): { entryGzip: number; allGzip: number } {
  const dir = new URL('../../dist/app/assets/', import.meta.url);
  const html = readFileSync(new URL('../index.html', dir), 'utf8');
  const firstVisit = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const size = (name: string) => gzipSync(readFileSync(new URL(name, dir))).length;
  const all = readdirSync(dir).filter((name) => name.endsWith('.js'));
  return {
    entryGzip: firstVisit.length > 0 ? firstVisit.reduce((sum, name) => sum + size(name), 0) : NaN,
    allGzip: all.reduce((sum, name) => sum + size(name), 0),
  };
}

/** From choosing an item of the Export menu to the file downloaded. */
async function exportTime(page: Page, item: string): Promise<number> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click(),
  ]);
  await download.path();
  return Date.now() - started;
}
