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

export interface BrowserFigures {
  readonly interactive: { name: string; boxes: number; ms: number }[];
  readonly frames: { name: string; drawn: number; p50: number; p95: number; frames: number }[];
  readonly collapse: { hidden: number; collapseMs: number; expandMs: number } | undefined;
  readonly pngMs: number | undefined;
  readonly bundle: { entryGzip: number; allGzip: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

export async function benchBrowser(sizes: readonly number[]): Promise<BrowserFigures | undefined> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('Browser figures skipped: no Chromium found (set CHROMIUM_PATH).');
    return undefined;
  }
  const server = await preview({ preview: { port: 4188, strictPort: true }, logLevel: 'silent' });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const base = 'http://localhost:4188/';
    // Each scenario in a new browser context: the app remembers the last map opened (IndexedDB), and a
    // measurement must not start from the one before.
    let page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const fresh = async () => {
      await page.context().close();
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      return page;
    };

    // The Trenin map: from navigation to the first frame that answers input (median of 5 loads).
    const trenin: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(base);
      trenin.push(await markTime(page, 'argmap:interactive'));
    }
    const interactive = [{ name: 'Trenin map', boxes: 79, ms: median(trenin) }];
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
        frames.push({ name: `${size.toLocaleString('en')} boxes, readable`, ...(await gesture(page)) });
        await page.keyboard.press('0');
        await page.waitForTimeout(600);
        frames.push({ name: `${size.toLocaleString('en')} boxes, whole map`, ...(await gesture(page)) });
      }
    }

    // A map of 2,000 boxes under 25 reasons, zoomed so that they are all drawn with their text.
    const wide = fan(2000, 25);
    await fresh();
    await page.goto(base);
    await markTime(page, 'argmap:interactive');
    await dropFile(page, 'fan.json', JSON.stringify(wide));
    await page.getByRole('status').filter({ hasText: 'Opening' }).waitFor({ state: 'detached' });
    // From the whole map, zoom in until the boxes are drawn with their text: the most drawn at once.
    await page.keyboard.press('0');
    await page.waitForTimeout(600);
    for (let i = 0; i < 20 && (await page.locator('[data-node-id]').count()) === 0; i++) {
      await page.keyboard.press('+');
      await page.waitForTimeout(400);
    }
    frames.push({ name: '2,000-box map, zoomed in', ...(await gesture(page)) });

    // Collapse and expand the subtree of 1,000 boxes under one reason (time to the next frame).
    const collapse = await collapseTimes(await fresh(), base);

    // PNG at 2× of the Trenin map, from the click to the file.
    await fresh();
    await page.goto(base);
    await markTime(page, 'argmap:interactive');
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    await download.path();
    const pngMs = Date.now() - started;

    return { interactive, frames, collapse, pngMs, bundle: bundleSize() };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/** Milliseconds from navigation start to a mark, waiting for it. */
async function markTime(page: Page, name: string): Promise<number> {
  return page.evaluate(async (mark) => {
    for (;;) {
      const entry = performance.getEntriesByName(mark)[0];
      if (entry) return entry.startTime;
      await new Promise((r) => setTimeout(r, 10));
    }
  }, name);
}

/** A scripted pan (drag) and zoom (wheel) over the map; frame times from requestAnimationFrame. */
async function gesture(page: Page): Promise<{ drawn: number; p50: number; p95: number; frames: number }> {
  const box = (await page.locator('svg.map').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const drawn = await page.locator('[data-node-id]').count();
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { frameTimes: number[]; stopFrames: boolean }).frameTimes = times;
    (window as unknown as { stopFrames: boolean }).stopFrames = false;
    let last = performance.now();
    const tick = (now: number) => {
      times.push(now - last);
      last = now;
      if (!(window as unknown as { stopFrames?: boolean }).stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(x + i * 8, y + i * 3);
  await page.mouse.up();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -120 : 120);
  await page.waitForTimeout(300);
  const times = await page.evaluate(() => {
    (window as unknown as { stopFrames: boolean }).stopFrames = true;
    return (window as unknown as { frameTimes: number[] }).frameTimes.slice(1);
  });
  return { drawn, p50: percentile(times, 50), p95: percentile(times, 95), frames: times.length };
}

/** n boxes: a thesis, `reasons` reasons under it, the rest spread under those. */
function fan(n: number, reasons: number) {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, type: 'statement', text: `Claim ${i}` }));
  const relations = nodes.slice(1).map((_, i) => ({
    id: `r${i + 1}`,
    type: 'support',
    from: `n${i + 1}`,
    to: i < reasons ? 'n0' : `n${1 + (i % reasons)}`,
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
