import { expect, test } from '@playwright/test';
import { dropFile } from './drop-file.ts';

/** An argument reconstructed from untitled statements, with an objection to the argument itself. */
const argdown = [
  '[Security deficit]: Russia suffers from a security deficit in relations with NATO.',
  '',
  '<Distrust>: Old fears outlive the reset.',
  '',
  '(1) NATO enlargement is seen in Moscow as a threat',
  '(2) A threat that persists breeds distrust',
  '----',
  '(3) [Security deficit]',
  '',
  '<Distrust>',
  '  - [Reset works]: The reset has already changed the climate.',
  '',
].join('\n');

test('an Argdown map opens with an argument as one box, its premises shown and folded on demand', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await dropFile(page, 'distrust.argdown', argdown);

  const argument = page.locator('g[data-node-id="distrust"]');
  const premise = page.locator('g[data-node-id="nato-enlargement-is-seen-in-moscow-as-a-threat"]');
  // As Argdown's map draws it: the argument one box, its objection in view, the premises folded into it.
  await expect(argument).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('g[data-node-id="reset-works"]')).toBeVisible();
  await expect(premise).toHaveCount(0);
  await expect(argument.getByRole('button', { name: /Expand \(2 hidden/ })).toBeVisible();

  // Its pill shows the premises.
  await argument.getByRole('button', { name: /Expand/ }).click();
  await expect(premise).toBeVisible();
  await expect(argument).toHaveAttribute('aria-expanded', 'true');

  // The details panel folds them again, the objection staying.
  await argument.click();
  const details = page.getByRole('region', { name: 'Details' });
  await details.getByRole('button', { name: 'Fold the premises into the argument' }).click();
  await expect(premise).toHaveCount(0);
  await expect(page.locator('g[data-node-id="reset-works"]')).toBeVisible();
  await details.getByRole('button', { name: 'Show the premises on the map' }).click();
  await expect(premise).toBeVisible();

  // Found by search, a folded premise is unfolded into view.
  await details.getByRole('button', { name: 'Fold the premises into the argument' }).click();
  await expect(premise).toHaveCount(0);
  await page.getByRole('searchbox').fill('persists breeds');
  await page.keyboard.press('Enter');
  await expect(page.locator('g[data-node-id="a-threat-that-persists-breeds-distrust"]')).toBeVisible();
});

test('an embedded Argdown map opens folded as in the app, and its pill shows the premises', async ({
  page,
}) => {
  await page.route('**/distrust.argdown', (route) =>
    route.fulfill({ body: argdown, contentType: 'text/plain; charset=utf-8' }),
  );
  await page.goto('/embed-example.html');
  const view = page.locator('#explore');
  await view.locator('[data-node-id]').first().waitFor();
  await view.evaluate((element) => element.setAttribute('src', '/distrust.argdown'));

  const argument = view.locator('g[data-node-id="distrust"]');
  const premise = view.locator('g[data-node-id="nato-enlargement-is-seen-in-moscow-as-a-threat"]');
  await expect(argument).toHaveAttribute('aria-expanded', 'false');
  await expect(view.locator('g[data-node-id="reset-works"]')).toBeVisible();
  await expect(premise).toHaveCount(0);

  await argument.getByRole('button', { name: /Expand \(2 hidden/ }).click();
  await expect(premise).toBeVisible();
  // Clicked again, the pill folds the whole argument, its objection with it, as in the app.
  await argument.getByRole('button', { name: /Collapse/ }).click();
  await expect(premise).toHaveCount(0);
  await expect(view.locator('g[data-node-id="reset-works"]')).toHaveCount(0);
});
