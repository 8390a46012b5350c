import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { buildForest } from '../../src/core/layout/forest.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { indexMap } from '../../src/core/model/map-index.ts';

const trenin = parseArgmapJson(
  readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8'),
).map!;
const forest = buildForest(indexMap(trenin));
const atDepth = (depth: number) => [...forest.all.values()].filter((t) => t.depth === depth).length;
const thesis = '[data-node-id="joint-mediation-foundation"]';
/** The map has several roots (the background and the interviewer's rival answers stand apart): all stay shown. */
const roots = forest.roots.length;
const thesisTree = forest.roots.find((root) => root.id === 'joint-mediation-foundation')!;

test('Collapse all then Fit shows every root; Shift+Enter opens one level at a time', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.locator(thesis).waitFor();
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(page.locator('[data-node-id]')).toHaveCount(roots);
  // The view follows the folded map: shown as on opening, not left on the empty ground where boxes were.
  await expect(page.locator(thesis)).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Fit' }).click();
  for (const root of forest.roots) {
    await expect(page.locator(`[data-node-id="${root.id}"]`)).toBeInViewport({ ratio: 1 });
  }

  await page.locator(thesis).focus();
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('[data-node-id]')).toHaveCount(roots + thesisTree.children.length);
  // Each first-level box with more below it is collapsed: Shift+click on its pill opens one more level.
  const child = thesisTree.children.find((c) => c.children.length > 0)!;
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.locator(`[data-node-id="${child.id}"] .toggle`).click({ modifiers: ['Shift'] });
  await expect(page.locator('[data-node-id]')).toHaveCount(
    roots + thesisTree.children.length + child.children.length,
  );
  // Enter alone opens a box's whole subtree, as before.
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
});

test('the Levels menu shows the map so many levels deep, from its top', async ({ page }) => {
  // Opened on a deep box, far from the thesis: the view is then on ground the levels chosen fold away.
  const deepest = [...forest.all.values()].reduce((a, b) => (b.depth > a.depth ? b : a));
  await page.goto(`/#node=${deepest.id}`);
  await expect(page.locator(thesis)).not.toBeInViewport();
  await page.getByLabel('Levels shown').selectOption('2');
  await expect(page.locator('[data-node-id]')).toHaveCount(atDepth(0) + atDepth(1));
  await expect(page.locator(thesis)).toBeInViewport({ ratio: 1 });
  await page.getByLabel('Levels shown').selectOption('3');
  await expect(page.locator('[data-node-id]')).toHaveCount(atDepth(0) + atDepth(1) + atDepth(2));
});

/**
 * The CSS animation each box is given, by box id (the computed style, which stays after the animation has
 * run, however slowly the test gets to look).
 */
const boxAnimations = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<SVGGElement>('svg.map g[data-node-id]')].map((box) => [
        box.dataset['nodeId']!,
        // Svelte scopes a component's keyframes: "svelte-abc123-fade-in".
        getComputedStyle(box)
          .animationName.split(', ')
          .filter((name) => name !== 'none')
          .map((name) => name.replace(/^svelte-\w+-/, '')),
      ]),
    ),
  );

test('boxes an expand adds fade in; the boxes already there, and a map just opened, do not', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator(thesis).waitFor();
  expect(Object.values(await boxAnimations(page)).flat()).toEqual([]);
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(page.locator('[data-node-id]')).toHaveCount(roots);
  await page.getByRole('button', { name: 'Expand all' }).click();
  const animations = await boxAnimations(page);
  const added = Object.keys(animations).filter((id) => !forest.roots.some((root) => root.id === id));
  expect(added).toHaveLength(trenin.nodes.length - roots);
  for (const id of added) expect(animations[id]).toContain('fade-in');
  for (const root of forest.roots) expect(animations[root.id]).not.toContain('fade-in');
});

test('with reduced motion, boxes an expand adds appear at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await page.locator(thesis).waitFor();
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(page.locator('[data-node-id]')).toHaveCount(roots);
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  expect(Object.values(await boxAnimations(page)).flat()).toEqual([]);
});
