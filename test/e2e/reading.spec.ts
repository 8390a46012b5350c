import { expect, test } from '@playwright/test';
import { serialiseArgmap } from '../../src/core/formats/argmap-json/serialise.ts';
import { syntheticMap } from '../bench/synthetic.ts';
import { dropFile } from './drop-file.ts';

/**
 * Reading maps never holds the page: files, `?map=` addresses and the editor's text are read in a worker,
 * and a reading can be cancelled, leaving the map on screen as it was.
 */

const thesis = '[data-node-id="joint-mediation-foundation"]';

test('a large map being read can be cancelled: the map on screen stays, the page keeps answering', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator(thesis).waitFor();
  await dropFile(page, 'large.argmap.json', serialiseArgmap(syntheticMap(8000)));
  const note = page.getByRole('status').filter({ hasText: 'Opening large.argmap.json…' });
  await expect(note).toBeVisible();
  // The page answers while the worker reads: a box can be selected meanwhile.
  await page.locator(thesis).click();
  await expect(page.locator(thesis)).toHaveAttribute('aria-selected', 'true');
  await note.getByRole('button', { name: 'Cancel' }).click();
  await expect(note).toHaveCount(0);
  // Long enough for the reading to have ended, had it gone on: the Trenin map is still the one shown.
  await page.waitForTimeout(3000);
  await expect(page.locator(thesis)).toBeVisible();
  await expect(page.locator('[data-node-id]')).not.toHaveCount(8000);
  await expect(page.getByRole('alert', { name: 'Problems' })).toHaveCount(0);
});

test('?map= is read in a worker, with its source text fetched next to it', async ({ page }) => {
  await page.goto('/?map=/maps/trenin-2010.argmap.json');
  await page.locator(thesis).waitFor();
  // The quotes of the map are checked against its text: the source panel shows it.
  await expect(page.getByRole('region', { name: 'Source text' })).toContainText('security deficit');
  const workers = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => /load-worker/.test(name)),
  );
  expect(workers.length).toBeGreaterThan(0);
});
