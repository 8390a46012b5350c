import { expect, test, type Page } from '@playwright/test';

/** The map's transform on screen: its translation and scale. */
async function transformOf(page: Page) {
  const text = (await page.locator('svg.map > g').first().getAttribute('transform'))!;
  const [x, y, k] = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(text)!.slice(1).map(Number);
  return { x: x!, y: y!, k: k! };
}

test('the first view is readable: body text at 13 px or more on screen, the thesis in view', async ({
  page,
}) => {
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await page.locator('[data-node-id]').first().waitFor();
    await expect.poll(async () => 14 * (await transformOf(page)).k).toBeGreaterThanOrEqual(13);
    await expect(page.locator('[data-node-id="joint-mediation-foundation"]')).toBeInViewport();
  }
});

test('the minimap shows where the view is; a click jumps there, a drag moves the view', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const minimap = page.getByRole('group', { name: 'Minimap' });
  await expect(minimap).toBeVisible();
  const surface = (await minimap.locator('.surface').boundingBox())!;
  const before = await transformOf(page);

  // A click near the right end of the map brings its right end into view.
  await page.mouse.click(surface.x + surface.width - 4, surface.y + surface.height / 2);
  const jumped = await transformOf(page);
  expect(jumped.x).toBeLessThan(before.x - 1000);
  expect(jumped.k).toBeCloseTo(before.k, 5);
  const frame = (await minimap.locator('.frame').boundingBox())!;
  expect(frame.x + frame.width).toBeGreaterThan(surface.x + surface.width - 30);

  // A drag from there to the left end moves the view along with it.
  await page.mouse.move(surface.x + surface.width - 4, surface.y + surface.height / 2);
  await page.mouse.down();
  await page.mouse.move(surface.x + surface.width / 2, surface.y + surface.height / 2, { steps: 5 });
  const midway = await transformOf(page);
  await page.mouse.move(surface.x + 4, surface.y + surface.height / 2, { steps: 5 });
  await page.mouse.up();
  const dragged = await transformOf(page);
  expect(midway.x).toBeGreaterThan(jumped.x + 500);
  expect(dragged.x).toBeGreaterThan(midway.x + 500);

  // It folds away on request, and comes back.
  await minimap.getByRole('button', { name: 'Hide the minimap' }).click();
  await expect(minimap).toHaveCount(0);
  await page.getByRole('button', { name: 'Minimap' }).click();
  await expect(page.getByRole('group', { name: 'Minimap' })).toBeVisible();
});

test('on a phone the minimap waits to be asked for', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await expect(page.getByRole('group', { name: 'Minimap' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Minimap' }).click();
  await expect(page.getByRole('group', { name: 'Minimap' })).toBeVisible();
});
