import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { stepPages } from '../../src/core/presentation/step-pages.ts';
import { dropFile } from './drop-file.ts';

const treninText = readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8');
const trenin = JSON.parse(treninText) as {
  tour: { focus: string; show: string[]; title: string }[];
};
/** The pages the presentation shows: the tour's steps, a step too large for one screen in parts. */
const pages = stepPages(parseArgmapJson(treninText).map!);

async function ready(page: Page, url = '/') {
  await page.goto(url);
  await page.locator('[data-node-id]').first().waitFor();
}

/** The map layer's transform: where the camera is. */
const cameraOf = (page: Page) => page.locator('svg.map > g').first().getAttribute('transform');

test('p presents; → and ← walk the tour with #step=; Esc returns to exploring', async ({ page }) => {
  await ready(page);
  const before = await cameraOf(page);
  await page.keyboard.press('p');
  await expect(page.getByText(`step 1 / ${trenin.tour.length}`)).toBeVisible();
  await expect(page).toHaveURL(/#step=1$/);
  await expect(page.getByRole('button', { name: 'Fit' })).toBeHidden();
  await expect(page.locator('[data-node-id]')).toHaveCount(pages[0]!.scene.nodes.length);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#step=2$/);
  await expect(page.locator('[data-node-id]')).toHaveCount(pages[1]!.scene.nodes.length);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/#step=1$/);
  await page.keyboard.press('End');
  await expect(page.getByText(`step ${pages.at(-1)!.label} / ${trenin.tour.length}`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Fit' })).toBeVisible();
  await expect(page).not.toHaveURL(/#step=/);
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.tour.at(-1)!.show.length);
  // The view from before: the same place and scale, not zoomed out by a fitting margin.
  const scale = (transform: string | null) => Number(/scale\(([\d.]+)\)/.exec(transform ?? '')?.[1]);
  await expect.poll(async () => Math.abs(scale(await cameraOf(page)) - scale(before))).toBeLessThan(0.001);
});

test('#step= opens the presentation at that step, reload-safe; Esc then shows the map as on opening', async ({
  page,
}) => {
  await ready(page, '/#step=3');
  await expect(page.getByText(`step 3 / ${trenin.tour.length}`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`step 3 / ${trenin.tour.length}`)).toBeVisible();
  // No view came before the presentation: leaving it shows the first view, the thesis at the top.
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node-id="joint-mediation-foundation"]')).toBeInViewport({ ratio: 1 });
});

test('the presenter view follows the main window, and drives it', async ({ page, context }) => {
  await ready(page);
  const presenter = await context.newPage();
  await presenter.goto('/?presenter');
  await page.keyboard.press('p');
  await expect(presenter.getByText(`Step 1 / ${trenin.tour.length}`)).toBeVisible();
  await expect(presenter.getByRole('heading', { level: 1 })).toHaveText(trenin.tour[0]!.title);
  await page.keyboard.press('ArrowRight');
  await expect(presenter.getByText(`Step 2 / ${trenin.tour.length}`)).toBeVisible();
  await expect(presenter.getByRole('region', { name: 'Speaker note' })).not.toBeEmpty();
  await presenter.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/#step=3$/);
});

test('without a tour, the steps show every box exactly once', async ({ page }) => {
  await ready(page);
  const example = JSON.parse(
    readFileSync(new URL('../../data/example.argmap.json', import.meta.url), 'utf8'),
  );
  delete example.tour;
  await dropFile(page, 'no-tour.argmap.json', JSON.stringify(example));
  await expect(page.locator('[data-node-id]')).toHaveCount(10);
  await page.keyboard.press('p');
  const seen: string[] = [];
  const current = page.locator('[data-step="current"]');
  for (let i = 1; i <= 10; i++) {
    await expect(page.getByText(`step ${i} / 10`)).toBeVisible();
    // Each step is about one box; what earlier steps showed stays as context, or folded into "+n".
    await expect(current).toHaveCount(1);
    seen.push((await current.getAttribute('data-node-id'))!);
    await page.keyboard.press('ArrowRight');
  }
  expect(new Set(seen).size).toBe(10);
});

test('clicking a box while presenting shows its quote large; screenshots of three steps', async ({
  page,
}) => {
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await ready(page, '/#step=1');
    for (const n of [1, 6, 12]) {
      await page.goto(`/#step=${n}`);
      await page.locator('[data-node-id]').first().waitFor();
      await page.waitForTimeout(500); // the camera glide
      await page.screenshot({ path: `test-results/screenshots/present-${width}-step${n}.png` });
    }
  }
  // A box of this step (lit, and framed by the camera).
  await page.locator('.node:not(.dimmed)').first().click();
  const quote = page.getByRole('dialog', { name: 'Quote' });
  await expect(quote).toBeVisible();
  // Opaque: nothing of the map shows through the quote or its attribution.
  expect(await quote.evaluate((element) => getComputedStyle(element).backgroundColor)).toMatch(/^rgb\(/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Quote' })).toHaveCount(0);
  await expect(page.getByText(/^step 12a? \//)).toBeVisible();
});
