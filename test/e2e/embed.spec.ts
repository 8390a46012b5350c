import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { pageNamed, stepPages } from '../../src/core/presentation/step-pages.ts';
import { themes } from '../../src/core/render/theme.ts';

/** The example page (static/embed-example.html): two `<argmap-view>` elements on an ordinary page. */

const text = readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8');
const map = parseArgmapJson(text).map!;
const pages = stepPages(map);

test('the example page draws the map in a shadow root, pans, zooms, and steps the tour', async ({ page }) => {
  await page.goto('/embed-example.html');
  const explore = page.locator('#explore');
  const tour = page.locator('#tour');
  await expect(explore.locator('[data-node-id]')).toHaveCount(map.nodes.length);
  // Exploring the whole map, there is no step to go back to: Present, but no Back.
  await expect(explore.getByRole('button', { name: 'Present' })).toBeVisible();
  await expect(explore.getByRole('button', { name: '◀ Back' })).toHaveCount(0);
  // Drawn inside the elements' shadow roots: nothing of the map is in the page's own DOM, nor styled by it.
  expect(await page.evaluate(() => document.querySelectorAll('[data-node-id]').length)).toBe(0);
  const fill = await explore
    .locator('[data-node-id] rect')
    .first()
    .evaluate((rect) => getComputedStyle(rect).fill);
  expect(fill).not.toBe('rgb(255, 0, 0)');

  // Zoom and pan move the map's one transform.
  const layer = explore.locator('svg.map > g').first();
  const before = await layer.getAttribute('transform');
  await explore.getByRole('button', { name: 'Zoom in' }).click();
  await expect(layer).not.toHaveAttribute('transform', before!);
  const zoomed = await layer.getAttribute('transform');
  const box = (await explore.locator('svg.map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  await expect(layer).not.toHaveAttribute('transform', zoomed!);

  // step="3" theme="dark": the tour's third step, on the dark theme's background.
  const third = pages[pageNamed(pages, '3')]!;
  await expect(tour.locator('[data-step-caption]')).toContainText(`step 3 / ${map.tour!.length}`);
  await expect(tour.locator('[data-node-id]')).toHaveCount(third.scene.nodes.length);
  await expect(tour.locator('rect.backdrop')).toHaveAttribute('fill', themes.dark.background);
  // Presenting, no minimap covers the step; exploring, it is there.
  await expect(tour.locator('.minimap')).toBeHidden();
  await expect(explore.locator('.minimap')).toBeVisible();
  await tour.getByRole('button', { name: 'Next ▶' }).click();
  const fourth = pages[pageNamed(pages, '4')]!;
  await expect(tour.locator('[data-step-caption]')).toContainText(
    `step ${fourth.label} / ${map.tour!.length}`,
  );
  await expect(tour.locator('[data-step="current"]')).toHaveCount(fourth.current.length);
  await tour.locator('[role="application"]').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tour.locator('[data-step-caption]')).toContainText(`step 3 / ${map.tour!.length}`);
  await tour.getByRole('button', { name: '◀ Back' }).click();
  await expect(tour.locator('[data-step-caption]')).toContainText(`step 2 / ${map.tour!.length}`);
  await page.keyboard.press('Escape');
  await expect(tour.locator('[data-step-caption]')).toHaveCount(0);
  await expect(tour.getByRole('button', { name: '◀ Back' })).toHaveCount(0);
  await expect(tour.locator('[data-node-id]')).toHaveCount(map.nodes.length);
});

test('an element whose map cannot be loaded says so', async ({ page }) => {
  await page.goto('/embed-example.html');
  await page.evaluate(() => document.querySelector('#explore')!.setAttribute('src', '/maps/missing.json'));
  await expect(page.locator('#explore').getByRole('status')).toContainText(
    'Cannot load /maps/missing.json (not found)',
  );
  // A map with errors: how many, and the first, placed in the file.
  await page.route('**/broken.argmap.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: '{"format": "argmap", "version": 1, "nodes": [{"type": "statement", "id": "a", "text": 3}]}',
    }),
  );
  await page.evaluate(() => document.querySelector('#tour')!.setAttribute('src', '/maps/broken.argmap.json'));
  await expect(page.locator('#tour').getByRole('status')).toContainText(
    /\/maps\/broken\.argmap\.json has \d+ errors?; the first: \/maps\/broken\.argmap\.json:1:\d+/,
  );
});
