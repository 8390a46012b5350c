import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';

/**
 * Ctrl+P prints the map alone, whole and fitted to the page, with its title and source under it; the screen
 * is as it was afterwards. The PDF is Chromium's own print (page.pdf fires beforeprint and afterprint),
 * read back with pdftotext (Debian's poppler-utils, which .ci/run installs).
 */

const readMap = (name: string) =>
  parseArgmapJson(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8')).map!;

/** The printed pages and their text, whitespace folded to single spaces. */
async function print(page: Page): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const file = join(mkdtempSync(join(tmpdir(), 'argmap-print-')), 'map.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), text: text.replace(/\s+/g, ' ') };
}

const toolbarWords = ['Open map', 'Collapse all', 'Expand all', 'Export', 'Legend'];
const mapTransform = (page: Page) => page.locator('svg.map > g').first().getAttribute('transform');

test('prints the Trenin map whole, without the app around it, captioned with its title and source', async ({
  page,
}) => {
  const map = readMap('trenin-2010.argmap.json');
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  // The first view shows the top of the map at a readable scale: its outermost boxes are off screen.
  const { nodes } = layoutMap(map, { direction: 'down' });
  const outermost = [
    nodes.reduce((a, b) => (b.x < a.x ? b : a)),
    nodes.reduce((a, b) => (b.x > a.x ? b : a)),
  ];
  const before = await mapTransform(page);

  const { pages, text } = await print(page);

  expect(pages).toBe(1);
  expect(text).toContain(map.title!);
  expect(text).toContain('Dmitri Trenin, The Valdai Discussion Club, 2010-11-23');
  for (const node of outermost) expect(text).toContain([...node.titleLines, ...node.textLines][0]!);
  for (const word of toolbarWords) expect(text).not.toContain(word);
  // The side panel's source text and attribution stay off the paper.
  expect(text).not.toContain('Valdaiclub.com interview');
  // Afterwards the screen is as it was: the same view, no printed sheet left in the page.
  expect(await mapTransform(page)).toBe(before);
  await expect(page.locator('.print-sheet')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();
});

test('prints the example map with its caption under the map, the boxes in the light theme', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?map=/maps/example.argmap.json');
  await expect(page.locator('[data-node-id]')).toHaveCount(10);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  // Under print media only the sheet shows: the map, then its caption below it, inside the page.
  const sheet = page.locator('.print-sheet');
  await expect(sheet).toBeVisible();
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(page.locator('svg.map')).toBeHidden();
  const printed = sheet.locator('svg.print-map');
  await expect(printed.locator('g.node')).toHaveCount(10);
  const caption = sheet.locator('.print-caption');
  await expect(caption).toHaveText(
    /Should the city centre be closed to cars\?\s*Council debate on a car-free centre \(example\), argmap example, 2026-01-15/,
  );
  const [mapBox, captionBox] = [await printed.boundingBox(), await caption.boundingBox()];
  expect(captionBox!.y).toBeGreaterThanOrEqual(mapBox!.y + mapBox!.height - 1);
  // Paper is white: the dark screen theme prints light.
  expect(
    await printed
      .locator('rect.box')
      .first()
      .evaluate((r) => getComputedStyle(r).fill),
  ).toBe('rgb(227, 238, 248)');
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(sheet).toHaveCount(0);

  const { pages, text } = await print(page);
  expect(pages).toBe(1);
  expect(text).toContain('Should the city centre be closed to cars?');
  expect(text).toContain('Footfall rose in every city that');
  for (const word of toolbarWords) expect(text).not.toContain(word);
});

test('prints the Evaluate mode’s statuses on the boxes, named under the map', async ({ page }) => {
  await page.goto('/#eval=r:black-sea-clash');
  await page.locator('[data-node-id="black-sea-clash"]').waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const printed = page.locator('.print-sheet svg.print-map');
  await expect(printed.locator('g.node.status-rejected')).toHaveCount(1);
  const defeated = await printed.locator('g.node.status-out .badge.status').allTextContents();
  expect(defeated.length).toBeGreaterThan(0);
  expect(new Set(defeated)).toEqual(new Set(['✗ defeated']));
  await expect(page.locator('[data-print-legend]')).toContainText('✗ rejected · ○ unsupported · ✗ defeated');
  await expect(page.locator('[data-print-legend]')).toContainText('inactive relation');
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
});
