import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dropFile } from './drop-file.ts';

const trenin = JSON.parse(
  readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8'),
) as {
  tour: { focus: string; show: string[]; title: string }[];
};

async function ready(page: Page, url = '/') {
  await page.goto(url);
  await page.locator('[data-node-id]').first().waitFor();
}

test('p presents; → and ← walk the tour with #step=; Esc returns to exploring', async ({ page }) => {
  await ready(page);
  await page.keyboard.press('p');
  await expect(page.getByText(`step 1 / ${trenin.tour.length}`)).toBeVisible();
  await expect(page).toHaveURL(/#step=1$/);
  await expect(page.getByRole('button', { name: 'Fit' })).toBeHidden();
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.tour[0]!.show.length);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#step=2$/);
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.tour[1]!.show.length);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/#step=1$/);
  await page.keyboard.press('End');
  await expect(page.getByText(`step ${trenin.tour.length} / ${trenin.tour.length}`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Fit' })).toBeVisible();
  await expect(page).not.toHaveURL(/#step=/);
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.tour.at(-1)!.show.length);
});

test('#step= opens the presentation at that step, reload-safe', async ({ page }) => {
  await ready(page, '/#step=3');
  await expect(page.getByText(`step 3 / ${trenin.tour.length}`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`step 3 / ${trenin.tour.length}`)).toBeVisible();
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
  const seen = new Set<string>();
  for (let i = 1; i <= 10; i++) {
    await expect(page.getByText(`step ${i} / 10`)).toBeVisible();
    await expect(page.locator('[data-node-id]')).toHaveCount(i);
    for (const id of await page
      .locator('[data-node-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')!)))
      seen.add(id);
    await page.keyboard.press('ArrowRight');
  }
  expect(seen.size).toBe(10);
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
  await expect(page.getByRole('dialog', { name: 'Quote' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Quote' })).toHaveCount(0);
  await expect(page.getByText(/^step 12 \//)).toBeVisible();
});

test('every step of the tour shows its title and marks its boxes: current ones in view, clear of the caption, earlier ones past', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await ready(page, '/#step=1');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const caption = page.locator('[data-step-caption]');
  for (let i = 0; i < trenin.tour.length; i++) {
    const step = trenin.tour[i]!;
    await page.goto(`/#step=${i + 1}`);
    await expect(caption).toContainText(step.title);
    await expect(caption).toContainText(`step ${i + 1} / ${trenin.tour.length}`);
    const before = new Set(i > 0 ? trenin.tour[i - 1]!.show : []);
    const current = new Set([...step.show.filter((id) => !before.has(id)), step.focus]);
    const marked = async (mark: string) =>
      (
        await page
          .locator(`[data-step="${mark}"]`)
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')!))
      ).sort();
    await expect.poll(() => marked('current')).toEqual([...current].sort());
    expect(await marked('past')).toEqual(step.show.filter((id) => !current.has(id)).sort());
    await page.waitForTimeout(100); // the view settles (no glide with reduced motion)
    const band = (await caption.boundingBox())!;
    for (const id of current) {
      const box = (await page.locator(`[data-node-id="${id}"] rect.box`).boundingBox())!;
      expect(box.x, `step ${i + 1}: ${id}`).toBeGreaterThanOrEqual(0);
      expect(box.y, `step ${i + 1}: ${id}`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `step ${i + 1}: ${id}`).toBeLessThanOrEqual(1920);
      expect(box.y + box.height, `step ${i + 1}: ${id}`).toBeLessThanOrEqual(1080);
      const apart =
        box.x + box.width <= band.x ||
        box.x >= band.x + band.width ||
        box.y + box.height <= band.y ||
        box.y >= band.y + band.height;
      expect(apart, `step ${i + 1}: ${id} under the caption`).toBe(true);
    }
  }
});
