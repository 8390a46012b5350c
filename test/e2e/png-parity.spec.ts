import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { exportMenu, shareAlike } from './export-menu.ts';

/**
 * The PNG the app's Export PNG button downloads and the one `argmap export … --scale 1` writes are the same
 * picture: same size, and at least 99 % of pixels within 8/255 on every channel.
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
  await page.locator('summary[aria-label="Export options"]').click();
  await page.getByRole('group', { name: 'Export settings' }).getByLabel('PNG scale').selectOption('1');
  const [download] = await Promise.all([page.waitForEvent('download'), exportMenu(page, 'Export PNG')]);
  return PNG.sync.read(readFileSync(await download.path()));
}

const maps = [
  { name: 'the example map', file: 'example.argmap.json', address: '/?map=/maps/example.argmap.json' },
  { name: 'the Trenin map', file: 'trenin-2010.argmap.json', address: '/' },
];

for (const { name, file, address } of maps) {
  test(`the browser's PNG of ${name} is the CLI's picture`, async ({ page }) => {
    test.setTimeout(60_000);
    const fromCli = cliPng(file);
    const fromBrowser = await browserPng(page, address);
    expect([fromBrowser.width, fromBrowser.height]).toEqual([fromCli.width, fromCli.height]);
    const share = shareAlike(fromBrowser, fromCli, 8);
    console.log(`${name}: ${(share * 100).toFixed(3)} % of pixels within 8/255 (CLI vs browser, 1×)`);
    expect(share).toBeGreaterThanOrEqual(0.99);
  });
}
