import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dropFile } from './drop-file.ts';

const formatted = readFileSync(
  new URL('../fixtures/formatting/emphasis.argmap.json', import.meta.url),
  'utf8',
);

test('a box draws bold, italic and a link that opens safely in a new tab; a script link is only text', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await dropFile(page, 'emphasis.argmap.json', formatted);

  const box = page.locator('g[data-node-id="bold"]');
  await expect(box).toHaveAttribute('aria-label', /The reset is not yet a partnership and trust is scarce/);
  const bold = box.locator('tspan[font-weight="600"]', { hasText: 'partnership' });
  await expect(bold).toBeVisible();
  expect(await bold.evaluate((tspan) => getComputedStyle(tspan).fontWeight)).toBe('600');
  await expect(box.locator('text[transform*="skewX"]', { hasText: 'trust' })).toBeVisible();
  // No markup is drawn.
  expect(await box.locator('text').allTextContents()).not.toContain(expect.stringContaining('**'));

  // Every line of the box's text lies inside it: the layout measured bold as it is drawn.
  const rect = (await box.locator('rect.box').boundingBox())!;
  for (const line of await box.locator('text.text').all()) {
    const drawn = (await line.boundingBox())!;
    expect(drawn.x + drawn.width).toBeLessThanOrEqual(rect.x + rect.width);
  }

  const link = box.locator('a', { hasText: 'Valdai' });
  await expect(link).toHaveAttribute('href', 'https://valdaiclub.com/');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // A click opens the address in a new tab (answered here, never fetched), and does not select the box.
  await context.route('https://valdaiclub.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Valdai</title>' }),
  );
  const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await opened.waitForLoadState();
  expect(opened.url()).toBe('https://valdaiclub.com/');
  await opened.close();
  await expect(box).not.toHaveClass(/\bselected\b/);

  const script = page.locator('g[data-node-id="script"]');
  await expect(script.locator('a')).toHaveCount(1);
  await expect(script.locator('a')).toHaveAttribute('href', 'mailto:someone@example.org');
  await expect(script).toContainText('A dangerous link and');
  expect(await page.locator('a[href^="javascript"]').count()).toBe(0);

  // The details panel shows the same formatting, built as elements.
  await box.locator('text.label').click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.locator('strong')).toHaveText('not yet a partnership');
  await expect(details.locator('em')).toHaveText('trust');
  await expect(details.locator('a')).toHaveAttribute('href', 'https://valdaiclub.com/');
  await expect(details.locator('a')).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(details).not.toContainText('**');

  // Search finds the words as the box shows them.
  await page.getByRole('searchbox', { name: 'Search' }).fill('yet a partnership');
  await expect(page.locator('[role="option"]').first()).toContainText('partnership');
  await page.screenshot({ path: 'test-results/formatting.png' });
});
