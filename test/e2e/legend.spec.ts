import { expect, test } from '@playwright/test';

test('the legend starts folded, and opened it sits under the map, never over it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const toggle = page.getByRole('button', { name: /^Legend/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend.getByRole('listitem')).toHaveCount(0);
  const folded = (await legend.boundingBox())!;
  expect(folded.width * folded.height).toBeLessThan(100 * 40);

  await toggle.click();
  await expect(legend.getByRole('listitem')).toHaveCount(11);
  const map = (await page.locator('svg.map').boundingBox())!;
  const docked = (await legend.boundingBox())!;
  expect(docked.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
  // The choice is kept for the next visit.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Legend' }).getByRole('listitem')).toHaveCount(11);
});

test('on a phone the toolbar is one row and the map has most of the screen; ☰ opens the other controls', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const map = (await page.locator('svg.map').boundingBox())!;
  expect(map.height / 844).toBeGreaterThanOrEqual(0.7);
  await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fit' })).toBeHidden();
  await page.getByRole('button', { name: 'More controls' }).click();
  await expect(page.getByRole('button', { name: 'Fit' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open map' })).toBeVisible();
});
