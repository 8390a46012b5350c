import { expect, test } from '@playwright/test';
import { dropFile } from './drop-file.ts';

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
  await expect(legend.getByRole('listitem')).toHaveCount(13);
  const map = (await page.locator('svg.map').boundingBox())!;
  const docked = (await legend.boundingBox())!;
  expect(docked.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
  // The choice is kept for the next visit.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Legend' }).getByRole('listitem')).toHaveCount(13);
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

test('a strict-mode Argdown map draws entails and contrary with lines of their own, named in the legend', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const text = [
    '===',
    'model:',
    '  mode: strict',
    '===',
    '',
    '[Prices rise]: Prices will rise next year.',
    '  + [Demand grows]: Demand grows faster than supply.',
    '  - [Glut]: There is a glut of goods.',
    '    - [Empty shelves]: The shelves are empty.',
    '  <- <Cheap imports>: Imports will stay cheap.',
    '',
  ].join('\n');
  await dropFile(page, 'strict.argdown', text);
  await page.locator('[data-node-id="glut"]').waitFor();
  const line = (kind: string) => page.locator(`path.connector.${kind}`).first();
  await expect(line('entails')).toHaveCSS('stroke-width', '3px');
  await expect(line('contrary')).toHaveCSS('stroke-dasharray', '7px, 3px, 2px, 3px, 2px, 3px');
  await expect(line('attack')).toHaveCSS('stroke-dasharray', '7px, 4px');
  const legend = page.getByRole('region', { name: 'Legend' });
  const toggle = page.getByRole('button', { name: /^Legend/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(legend.getByRole('listitem').filter({ hasText: 'entails' })).toHaveCount(1);
  await expect(legend.getByRole('listitem').filter({ hasText: 'contrary' })).toHaveCount(1);
  if (process.env.ARGMAP_SHOT) await page.screenshot({ path: process.env.ARGMAP_SHOT });
});
