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
  await expect(legend.getByRole('listitem')).toHaveCount(9);
  const map = (await page.locator('svg.map').boundingBox())!;
  const docked = (await legend.boundingBox())!;
  expect(docked.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
  // The choice is kept for the next visit.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Legend' }).getByRole('listitem')).toHaveCount(9);
});
