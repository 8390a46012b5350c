import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { chooseExportSettings, exportedPng, inkAlike, shareAlike } from './export-menu.ts';

/**
 * The PNG the app's Export PNG button downloads (drawn on a canvas from the render model) and the one
 * `argmap export … --scale 1` writes (resvg) are the same picture: same size, the same ink in every small
 * square (text, boxes and lines where they are), and nearly every pixel alike; only the edges of letters
 * and lines are anti-aliased each renderer's own way.
 */

const cli = new URL('../../dist/cli/argmap.js', import.meta.url).pathname;
const dataFile = (name: string) => new URL(`../../data/${name}`, import.meta.url).pathname;

function cliPng(map: string): PNG {
  const out = join(mkdtempSync(join(tmpdir(), 'argmap-png-')), 'cli.png');
  execFileSync(process.execPath, [cli, 'export', dataFile(map), '-o', out, '--scale', '1']);
  return PNG.sync.read(readFileSync(out));
}

async function browserPng(page: Page, address: string): Promise<PNG> {
  await page.goto(address);
  await page.locator('[data-node-id]').first().waitFor();
  return downloadPng(page);
}

async function downloadPng(page: Page): Promise<PNG> {
  await chooseExportSettings(page, { 'PNG scale': '1' });
  return PNG.sync.read(await exportedPng(page));
}

/** A picture of the same size with nothing on it but the first pixel's colour. */
function blankLike(png: PNG): PNG {
  const blank = new PNG({ width: png.width, height: png.height });
  for (let at = 0; at < blank.data.length; at += 4) png.data.copy(blank.data, at, 0, 4);
  return blank;
}

/**
 * `ink`: the least share of squares of like ink. The Trenin map at 1× is large enough to be drawn and
 * encoded in strips (`export-png.ts`); a strip whose first row were filtered against a row other than the
 * one the decoder has would leave streaks down its columns to the bottom, in some 0.5 % of the squares.
 */
const maps = [
  {
    name: 'the example map',
    file: 'example.argmap.json',
    address: '/?map=/maps/example.argmap.json',
    ink: 0.99,
  },
  { name: 'the Trenin map', file: 'trenin-2010.argmap.json', address: '/', ink: 0.999 },
];

for (const { name, file, address, ink: inkAtLeast } of maps) {
  test(`the browser's PNG of ${name} is the CLI's picture`, async ({ page }) => {
    test.setTimeout(60_000);
    const fromCli = cliPng(file);
    const fromBrowser = await browserPng(page, address);
    expect([fromBrowser.width, fromBrowser.height]).toEqual([fromCli.width, fromCli.height]);
    const share = shareAlike(fromBrowser, fromCli, 32);
    const ink = inkAlike(fromBrowser, fromCli, 16, 8);
    console.log(
      `${name}: ${(share * 100).toFixed(3)} % of pixels within 32/255, ${(ink * 100).toFixed(3)} % of 16 px squares of like ink (CLI vs browser, 1×)`,
    );
    // Text and edges at half pixels are smoothed differently by the browser's canvas and resvg: a small map
    // dense with text at 1× has some 4 % of its pixels on such edges. The ink per square is the close check.
    expect(share).toBeGreaterThanOrEqual(0.95);
    expect(ink).toBeGreaterThanOrEqual(inkAtLeast);
    // Not two blank pictures: the map's text is drawn (a box's square holds far more ink than paper).
    expect(inkAlike(fromBrowser, blankLike(fromBrowser), 16, 8)).toBeLessThan(0.9);
  });
}

test('the browser PNG in the dark theme, evaluated, is the CLI’s picture too: statuses, legend and caption', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await page.locator('[data-status]').first().waitFor();
  const fromBrowser = await downloadPng(page);
  const out = join(mkdtempSync(join(tmpdir(), 'argmap-png-')), 'cli.png');
  execFileSync(process.execPath, [
    cli,
    'export',
    dataFile('trenin-2010.argmap.json'),
    '-o',
    out,
    '--scale',
    '1',
    '--theme',
    'dark',
    '--evaluate',
  ]);
  const fromCli = PNG.sync.read(readFileSync(out));
  expect([fromBrowser.width, fromBrowser.height]).toEqual([fromCli.width, fromCli.height]);
  expect(inkAlike(fromBrowser, fromCli, 16, 8)).toBeGreaterThanOrEqual(0.99);
});
