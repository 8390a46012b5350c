import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { stepPages } from '../../src/core/presentation/step-pages.ts';
import { exportMenu } from './export-menu.ts';

/** The one-file HTML export, opened from the disk with the network cut off: it must need none. */

const cli = new URL('../../dist/cli/argmap.js', import.meta.url).pathname;
const trenin = new URL('../../data/trenin-2010.argmap.json', import.meta.url).pathname;
const map = parseArgmapJson(readFileSync(trenin, 'utf8')).map!;
const pages = stepPages(map);

test('the HTML file opens from file:// with every request blocked, explores and presents three steps', async ({
  page,
  context,
}) => {
  const file = join(mkdtempSync(join(tmpdir(), 'argmap-html-')), 'trenin.html');
  execFileSync(process.execPath, [cli, 'export', trenin, '-o', file]);
  expect(statSync(file).size).toBeLessThanOrEqual(400 * 1024);

  const requests: string[] = [];
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  page.on('request', (request) => void requests.push(request.url()));
  // A script or style the page's policy refused would be reported here.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') refused.push(message.text());
  });
  await page.goto(pathToFileURL(file).href);

  await expect(page.locator('[data-node-id]')).toHaveCount(map.nodes.length);
  await expect(page.getByRole('treeitem').first()).toBeVisible();
  const box = page.locator('[data-node-id]').filter({ has: page.getByRole('button', { name: 'Collapse' }) });
  const id = await box.first().getAttribute('data-node-id');
  await page.locator(`[data-node-id="${id}"]`).getByRole('button', { name: 'Collapse' }).click();
  await expect(page.locator(`[data-node-id="${id}"]`)).toHaveAttribute('aria-expanded', 'false');
  expect(await page.locator('[data-node-id]').count()).toBeLessThan(map.nodes.length);

  await page.getByRole('button', { name: 'Present' }).click();
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Next ▶' }).click();
    const shown = pages[i]!;
    await expect(page.locator('[data-step-caption]')).toContainText(
      `step ${shown.label} / ${map.tour!.length}`,
    );
    await expect(page.locator('[data-node-id]')).toHaveCount(shown.scene.nodes.length);
    await expect(page.locator('[data-step="current"]')).toHaveCount(shown.current.length);
  }
  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  expect(refused).toEqual([]);
});

test('Export → One HTML file in the app writes the file the command line writes', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), exportMenu(page, 'One HTML file')]);
  expect(download.suggestedFilename()).toBe('trenin-2010.html');
  const fromApp = readFileSync(await download.path(), 'utf8');
  const file = join(mkdtempSync(join(tmpdir(), 'argmap-html-')), 'trenin.html');
  execFileSync(process.execPath, [cli, 'export', trenin, '-o', file]);
  // The same viewer, policy, fonts and map, byte for byte.
  expect(fromApp).toBe(readFileSync(file, 'utf8'));
});
