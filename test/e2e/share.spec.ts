import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { pageNamed, stepPages } from '../../src/core/presentation/step-pages.ts';
import { dropFile } from './drop-file.ts';

const treninText = readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8');
const trenin = JSON.parse(treninText) as { title: string; tour: unknown[] };
/** The pages the presentation shows, to count the boxes of step 3's. */
const pages = stepPages(parseArgmapJson(treninText).map!);
const example = readFileSync(new URL('../../data/example.argmap.json', import.meta.url), 'utf8');

async function ready(page: Page, url = '/') {
  await page.goto(url);
  await page.locator('[data-node-id]').first().waitFor();
}

/** The ids of the boxes drawn collapsed, in order. */
const collapsedBoxes = (page: Page) =>
  page
    .locator('[data-node-id][aria-expanded="false"]')
    .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-node-id')));

test('a copied link opens the same map, step, collapse state and assumptions in a fresh browser', async ({
  page,
  browser,
}) => {
  // A box first shown at step 3, selected; a claim rejected in the Evaluate mode; every thesis collapsed.
  await ready(page, '/#node=joint-mediation-foundation&eval=r:reset-fruits');
  await page.getByRole('button', { name: 'Collapse all' }).click();
  const collapsed = await collapsedBoxes(page);
  expect(collapsed.length).toBeGreaterThan(0);
  const shown = await page.locator('[data-node-id]').count();
  await page.getByRole('button', { name: 'File ▾' }).click();
  await page.getByRole('menuitem', { name: /^Copy link to step/ }).click();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toMatch(/#map=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await ready(other, link);
  await expect(other.getByText(`step 3 / ${trenin.tour.length}`)).toBeVisible();
  await expect(other.locator('[data-node-id]')).toHaveCount(pages[pageNamed(pages, '3')]!.scene.nodes.length);
  // The map part is gone from the address: the map is kept like a file opened, for a reload.
  await expect(other).toHaveURL(/#step=3&eval=r:reset-fruits$/);
  await other.keyboard.press('Escape');
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(trenin.title);
  await expect(other.getByRole('button', { name: 'Evaluate' })).toHaveAttribute('aria-pressed', 'true');
  await expect(other.locator('[data-node-id]')).toHaveCount(shown);
  expect(await collapsedBoxes(other)).toEqual(collapsed);
  await fresh.close();
});

test('a damaged link says so, and the map the user had stays', async ({ page }) => {
  await ready(page);
  await dropFile(page, 'example.argmap.json', example);
  const title = (JSON.parse(example) as { title: string }).title;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goto('/#map=eJyrVkrLz1eyUkpKLFKqBQA*');
  const problems = page.getByRole('alert', { name: 'Problems' });
  await expect(problems).toContainText('the link could not be opened');
  await expect(problems).toContainText('damaged at character');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page).not.toHaveURL(/map=/);
  // Opened as a new page (not a jump within the page): the map kept from before comes back, with the error.
  await page.goto('about:blank');
  await page.goto('/#map=eJyrVkrLz1eyUkpKLFKqBQA');
  await expect(page.getByRole('alert', { name: 'Problems' })).toContainText('does not unpack');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

/** A map whose texts do not compress (letters drawn by a fixed generator): too large for a link. */
function largeMap(): string {
  let seed = 7;
  const letter = () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26));
  const text = () => Array.from({ length: 120 }, (_, i) => (i % 7 === 6 ? ' ' : letter())).join('');
  const nodes = Array.from({ length: 400 }, (_, i) => ({ type: 'statement', id: `n${i}`, text: text() }));
  const relations = nodes.slice(1).map((n, i) => ({ id: `r${i}`, type: 'support', from: n.id, to: 'n0' }));
  return JSON.stringify({ format: 'argmap', version: 1, title: 'Large', nodes, relations });
}

test('a map too large for a link is offered as one HTML file instead', async ({ page }) => {
  await ready(page);
  await dropFile(page, 'large.argmap.json', largeMap());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Large');
  await page.getByRole('button', { name: 'File ▾' }).click();
  await page.getByRole('menuitem', { name: 'Copy link', exact: true }).click();
  const note = page.getByRole('status', { name: 'Share link' });
  await expect(note).toContainText('too large for a link');
  await expect(note).toContainText('one HTML file');
  await expect(page.getByRole('textbox', { name: 'Link' })).toHaveCount(0);
});
