import { expect, test } from '@playwright/test';
import { dropFile } from './drop-file.ts';
import { chooseExportSettings, exportedPng, exportMenu } from './export-menu.ts';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** The SVG `argmap export` writes for the Trenin map with default options. */
async function cliSvg(): Promise<string> {
  const { exportMap } = await import('../../src/cli/export.ts');
  const { parseArgmapJson } = await import('../../src/core/formats/argmap-json/parse.ts');
  const text = readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8');
  const options = { format: 'svg', scale: 2, theme: 'light', direction: 'down' } as const;
  return (await exportMap(parseArgmapJson(text).map!, options)) as string;
}

test('Export SVG downloads the same file as `argmap export` writes', async ({ page }) => {
  const cli = await cliSvg();

  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), exportMenu(page, 'Export SVG')]);
  expect(download.suggestedFilename()).toBe('trenin-2010.svg');
  const browser = readFileSync(await download.path(), 'utf8');
  expect(browser).toBe(cli);
});

test('Export PNG downloads a picture at 2× the map, which reads at slide size', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download'), exportMenu(page, 'Export PNG')]);
  const elapsed = Date.now() - started;
  expect(download.suggestedFilename()).toBe('trenin-2010.png');
  const png = readFileSync(await download.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Width and height from the PNG header: the SVG's size times the scale.
  const svg = await cliSvg();
  const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.round(w! * 2), Math.round(h! * 2)]);
  console.log(
    `browser PNG 2× export of the Trenin map: ${elapsed} ms, ${png.readUInt32BE(16)}×${png.readUInt32BE(20)} px`,
  );
});

test('a second PNG export, by the encoders the first one left running, is the same picture', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await chooseExportSettings(page, { 'PNG scale': '1' });
  const first = await exportedPng(page);
  const second = await exportedPng(page);
  // Decodable (every chunk's CRC and the image data whole), and byte for byte the same file.
  expect(PNG.sync.read(second).width).toBeGreaterThan(4000);
  expect(second.equals(first)).toBe(true);
});

test('a PNG on a transparent background keeps its transparency: clear around the boxes, opaque boxes', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await chooseExportSettings(page, { 'PNG scale': '1', Background: 'Transparent' });
  const file = await exportedPng(page);
  expect(file[25]).toBe(6); // colour type: RGBA
  const png = PNG.sync.read(file);
  const alpha = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3];
  expect(alpha(0, 0)).toBe(0);
  const alphas = new Set<number>();
  for (let i = 3; i < png.data.length; i += 4 * 97) alphas.add(png.data[i]!);
  // Clear background, opaque boxes, and the soft edges of text and lines between them.
  expect(alphas.has(0) && alphas.has(255)).toBe(true);
  expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
});

test('a PNG too large for the browser gives a message offering a smaller scale, not a broken file', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  // Fifty reasons side by side: at 4× wider than any browser's canvas, at 2× not.
  const reasons = Array.from({ length: 50 }, (_, i) => i);
  const wide = {
    format: 'argmap',
    version: 1,
    nodes: [
      { id: 'thesis', type: 'statement', text: 'A thesis with fifty reasons.' },
      ...reasons.map((i) => ({
        id: `reason-${i}`,
        type: 'statement',
        text: `Reason number ${i}, side by side.`,
      })),
    ],
    relations: reasons.map((i) => ({ id: `r${i}`, type: 'support', from: [`reason-${i}`], to: 'thesis' })),
  };
  await dropFile(page, 'wide.argmap.json', JSON.stringify(wide));
  await page.locator('[data-node-id="reason-49"]').waitFor();
  await page.locator('summary[aria-label="Export options"]').click();
  await page.getByRole('group', { name: 'Export settings' }).getByLabel('PNG scale').selectOption('4');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await exportMenu(page, 'Export PNG');
  await expect(page.getByRole('alert', { name: 'Problems' })).toContainText(
    /too large for the browser at 4×; choose 2× under ⚙ → PNG scale/,
  );
  expect(downloaded).toBe(false);
});
