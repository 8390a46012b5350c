import { expect, test, type Download, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { exportMenu, shareAlike } from './export-menu.ts';

/**
 * The Export menu: decks, handouts and map PDFs, PowerPoint, and pictures of a step, a subtree or the view,
 * each the file `argmap export` writes for the same request.
 */

const cli = new URL('../../dist/cli/argmap.js', import.meta.url).pathname;
const trenin = new URL('../../data/trenin-2010.argmap.json', import.meta.url).pathname;
const tour = (JSON.parse(readFileSync(trenin, 'utf8')) as { tour: { title: string; note?: string }[] }).tour;

function fromCli(name: string, ...args: string[]): string {
  const out = join(mkdtempSync(join(tmpdir(), 'argmap-menu-')), name);
  execFileSync(process.execPath, [cli, 'export', trenin, '-o', out, ...args]);
  return out;
}

async function downloadOf(page: Page, item: string | RegExp): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), exportMenu(page, item)]);
  return download;
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) =>
  Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
});

test('the Export menu opens from the toolbar, is walked with the arrow keys and closed with Escape', async ({
  page,
}) => {
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await button.click();
  const menu = page.getByRole('menu', { name: 'Export' });
  const names = (await menu.getByRole('menuitem').allInnerTexts()).map((t) => t.replace(/\s*\(.*$/s, ''));
  expect(names).toEqual([
    'Slides as PDF',
    'Slides as PowerPoint',
    'Handout PDF',
    'Map PDF',
    'This step',
    'This subtree',
    'This view',
    'Export SVG',
    'Export PNG',
    'One HTML file',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Slides as PDF' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Slides as PowerPoint' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'One HTML file' })).toBeFocused();
  // With no box selected there is no subtree to export.
  await expect(menu.getByRole('menuitem', { name: /This subtree/ })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('Slides as PDF is the deck `argmap export --slides` writes: a title page, then the tour', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const started = Date.now();
  const download = await downloadOf(page, 'Slides as PDF');
  const file = await download.path();
  console.log(`browser deck PDF of the Trenin tour: ${Date.now() - started} ms`);
  expect(download.suggestedFilename()).toBe('trenin-2010-slides.pdf');
  const cliFile = fromCli('deck.pdf', '--slides');
  expect(pdfPages(file)).toBe(pdfPages(cliFile));
  expect(pdfPages(file)).toBeGreaterThan(tour.length);
  const text = pdfText(file);
  expect(text).toBe(pdfText(cliFile));
  for (const step of tour) expect(text.replace(/\s+/g, ' ')).toContain(step.title);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font).toMatch(/\+Inter.*\byes\s+yes\b/);
});

test('Slides as PowerPoint has a slide per page of the deck, the steps’ notes in the slides’ notes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const downloaded = downloadOf(page, 'Slides as PowerPoint');
  // The slides are drawn off the main thread: the page keeps answering, and says how far it has come.
  await expect(page.getByRole('status')).toContainText(/Exporting: \d+ \/ \d+ pages drawn/);
  const thesis = page.locator('[data-node-id="joint-mediation-foundation"]');
  await thesis.click();
  await expect(thesis).toHaveAttribute('aria-selected', 'true');
  const download = await downloaded;
  const file = await download.path();
  console.log(`browser PowerPoint deck of the Trenin tour: ${Date.now() - started} ms`);
  expect(download.suggestedFilename()).toBe('trenin-2010.pptx');
  const zip = await JSZip.loadAsync(readFileSync(file));
  const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  expect(slides.length).toBe(pdfPages(fromCli('deck.pdf', '--slides')));
  const notes = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
      .map((name) => zip.file(name)!.async('string')),
  );
  const allNotes = notes.join('\n');
  const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const step of tour.filter((s) => s.note)) expect(allNotes).toContain(xml(step.note!));
  // Each slide's picture (drawn on several workers at once) is the one the CLI draws for that slide.
  const cliZip = await JSZip.loadAsync(readFileSync(fromCli('deck.pptx')));
  const pictures = Object.keys(zip.files).filter((name) => /^ppt\/media\/.+\.png$/.test(name));
  expect(pictures.sort()).toEqual(
    Object.keys(cliZip.files)
      .filter((name) => /^ppt\/media\/.+\.png$/.test(name))
      .sort(),
  );
  expect(pictures.length).toBe(slides.length);
  for (const name of pictures) {
    const [ours, cliOnes] = await Promise.all([zip, cliZip].map((z) => z.file(name)!.async('nodebuffer')));
    // resvg's WebAssembly and native builds draw the same bytes here; where they do not, the same picture.
    if (!ours!.equals(cliOnes!))
      expect(shareAlike(PNG.sync.read(ours!), PNG.sync.read(cliOnes!), 8), name).toBeGreaterThanOrEqual(0.99);
  }
});

test('Handout PDF and Map PDF are the CLI’s handout and map pages', async ({ page }) => {
  test.setTimeout(120_000);
  const handout = await (await downloadOf(page, 'Handout PDF')).path();
  expect(pdfText(handout)).toBe(pdfText(fromCli('handout.pdf', '--handout')));
  const map = await downloadOf(page, /^Map PDF/);
  expect(map.suggestedFilename()).toBe('trenin-2010.pdf');
  const mapFile = await map.path();
  expect(pdfText(mapFile)).toBe(pdfText(fromCli('map.pdf', '--page', 'a4-landscape')));
  expect(execFileSync('pdfinfo', [mapFile], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.2/);
});

test('This step is a 1920×1080 picture of the step that shows the selected box', async ({ page }) => {
  await page.goto('/#node=trust-foundation');
  await page.locator('[data-node-id="trust-foundation"][aria-selected="true"]').waitFor();
  const step = tour.findIndex((s) => (s as { show?: string[] }).show?.includes('trust-foundation')) + 1;
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: /This step/ })).toContainText(tour[step - 1]!.title);
  const download = await downloadOf(page, /This step/);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^trenin-2010-step-${String(step).padStart(2, '0')}a?\\.png$`),
  );
  const png = PNG.sync.read(readFileSync(await download.path()));
  expect([png.width, png.height]).toEqual([1920, 1080]);
});

test('This subtree is the picture `argmap export --node` draws: that box and everything below it', async ({
  page,
}) => {
  await page.goto('/#node=trust-foundation');
  await page.locator('[data-node-id="trust-foundation"][aria-selected="true"]').waitFor();
  const download = await downloadOf(page, /This subtree/);
  expect(download.suggestedFilename()).toBe('trenin-2010-subtree-trust-foundation.png');
  const browser = PNG.sync.read(readFileSync(await download.path()));
  const cliPng = PNG.sync.read(readFileSync(fromCli('subtree.png', '--node', 'trust-foundation')));
  expect([browser.width, browser.height]).toEqual([cliPng.width, cliPng.height]);
  expect(shareAlike(browser, cliPng, 8)).toBeGreaterThanOrEqual(0.99);
});

test('This view is a picture of what the screen shows, no box cut at its edges', async ({ page }) => {
  const download = await downloadOf(page, 'This view');
  expect(download.suggestedFilename()).toBe('trenin-2010-view.png');
  const png = PNG.sync.read(readFileSync(await download.path()));
  // At the scale of 12 pt text: larger than the screen's own map area, and wider than tall like it.
  expect(png.width).toBeGreaterThan(1000);
  expect(png.width).toBeGreaterThan(png.height);
});
