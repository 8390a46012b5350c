import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const trenin = JSON.parse(
  readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8'),
) as { tour: { title: string }[] };
const last = trenin.tour.length;

async function ready(page: Page) {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
}

/** The picture's image, once it has loaded and has a size of its own. */
async function loadedImage(figure: Locator): Promise<Locator> {
  const image = figure.locator('img');
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  return image;
}

test('the presenter view shows live pictures of the current and the next step, and the time against the plan', async ({
  page,
  context,
}) => {
  await ready(page);
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1280, height: 800 });
  await presenter.goto('/?presenter');
  await expect(presenter.getByText('Waiting for the presentation')).toBeVisible();
  await page.keyboard.press('p');
  await expect(presenter.getByText(`Step 1 / ${last}`)).toBeVisible();

  const current = presenter.getByRole('figure', { name: 'Current step' });
  const next = presenter.getByRole('figure', { name: 'Next step' });
  const first = await (await loadedImage(current)).getAttribute('src');
  expect(first).toMatch(/^data:image\/svg\+xml/);
  const upcoming = await (await loadedImage(next)).getAttribute('src');
  expect(upcoming).not.toBe(first);
  await expect(next).toContainText(trenin.tour[1]!.title);

  // 15 minutes shared by the tour's steps, none of which plans its own.
  const share = Math.round((15 * 60) / last);
  const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  await expect(presenter.getByLabel('Time on this step')).toContainText(`This step 0:0`);
  await expect(presenter.getByLabel('Time on this step')).toContainText(`/ ${clock(share)}`);
  await expect(presenter.getByLabel('Time of the talk')).toContainText(`Talk 0:0`);
  await expect(presenter.getByLabel('Time of the talk')).toContainText(
    `/ ${clock(share)} planned by this step's end`,
  );
  await expect(presenter.getByText('over', { exact: true })).toHaveCount(0);

  await page.keyboard.press('ArrowRight');
  await expect(presenter.getByText(`Step 2 / ${last}`)).toBeVisible();
  await expect(current.locator('img')).not.toHaveAttribute('src', first!);
  // What was next is now current: the same picture.
  expect(await (await loadedImage(current)).getAttribute('src')).toBe(upcoming);
  await expect(presenter.getByLabel('Time of the talk')).toContainText(
    `/ ${clock(2 * share)} planned by this step's end`,
  );
  await presenter.screenshot({ path: 'test-results/presenter-step-2.png' });

  await page.keyboard.press('End');
  await expect(presenter.getByText(`Step ${last} / ${last}`)).toBeVisible();
  await loadedImage(current);
  await expect(next).toHaveCount(0);
  await expect(presenter.getByText('End of the presentation')).toBeVisible();
  await expect(presenter.getByLabel('Time of the talk')).toContainText("/ 15:00 planned by this step's end");
  await expect(presenter.getByRole('button', { name: 'Reset timer' })).toBeVisible();
});

test('a step over its plan says so in words, and the step clock starts again on the next step', async ({
  page,
  context,
}) => {
  await page.clock.install();
  await ready(page);
  const presenter = await context.newPage();
  await presenter.clock.install();
  await presenter.goto('/?presenter');
  await page.keyboard.press('p');
  await expect(presenter.getByText(`Step 1 / ${trenin.tour.length}`)).toBeVisible();
  const stepTime = presenter.getByLabel('Time on this step');
  const talkTime = presenter.getByLabel('Time of the talk');
  await presenter.clock.runFor(60_000);
  await expect(stepTime).toContainText('This step 1:00');
  await expect(stepTime).toContainText('over');
  await expect(talkTime).toContainText('over');
  await presenter.screenshot({ path: 'test-results/presenter-over.png' });

  await page.keyboard.press('ArrowRight');
  await expect(presenter.getByText(`Step 2 / ${trenin.tour.length}`)).toBeVisible();
  await presenter.clock.runFor(1_000);
  await expect(stepTime).toContainText('This step 0:0');
  await expect(stepTime).not.toContainText('over');
  await expect(talkTime).toContainText('Talk 1:0');

  await presenter.getByRole('button', { name: 'Reset timer' }).click();
  await expect(talkTime).toContainText('Talk 0:00');
  await expect(talkTime).not.toContainText('over');
});
