import { expect, test, type Browser, type Locator } from '@playwright/test';

/** The Trenin map's thesis, which the first view centres at the top of the map's surface. */
const thesis = 'Mediation builds the foundation';

const viewport = { width: 1280, height: 800 };

/** Where a box is drawn on the screen. */
const placeOf = async (box: Locator) => {
  const rect = await box.boundingBox();
  if (!rect) throw new Error('the box is not drawn');
  return rect;
};

/** The page as a browser without JavaScript shows it: index.html and its style sheets only. */
async function withoutScripts(browser: Browser, size = viewport) {
  const context = await browser.newContext({ viewport: size, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  return { context, page };
}

test('before any script runs, a first visit shows the Trenin map in its own font, its thesis at the top', async ({
  browser,
}) => {
  const { context, page } = await withoutScripts(browser);
  const box = page.locator('#first-frame g.node', { hasText: thesis });
  await expect(box).toBeVisible();
  await expect(page.locator('#first-frame g.node')).not.toHaveCount(0);
  // Its text drawn in Inter, which the page has loaded (not a fallback font).
  const font = await box.locator('text.title').evaluate(async (text) => {
    await document.fonts.ready;
    return {
      family: getComputedStyle(text).fontFamily,
      loaded: document.fonts.check(`600 14px Inter`, text.textContent ?? ''),
    };
  });
  expect(font.family.startsWith('Inter')).toBe(true);
  expect(font.loaded).toBe(true);
  // The first view's place: the thesis in the middle of the map's surface, near its top.
  const surface = await placeOf(page.locator('#first-frame svg.map'));
  const rect = await placeOf(box.locator('rect.box'));
  expect(Math.abs(rect.x + rect.width / 2 - (surface.x + surface.width / 2))).toBeLessThan(1);
  expect(rect.y - surface.y).toBeGreaterThan(0);
  expect(rect.y - surface.y).toBeLessThan(100);
  await page.screenshot({ path: 'test-results/screenshots/first-frame-no-script.png' });
  await context.close();
});

// At 1000 px the app's toolbar takes two rows: the first frame's toolbar must wrap alike.
for (const size of [viewport, { width: 1000, height: 700 }]) {
  test(`the app takes the page over with the same map in the same place, and answers input (${size.width} px)`, async ({
    browser,
  }) => {
    const still = await withoutScripts(browser, size);
    const before = await placeOf(
      still.page.locator('#first-frame g.node', { hasText: thesis }).locator('rect.box'),
    );
    await still.context.close();

    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    await page.goto('/');
    const box = page.locator('[data-node-id]', { hasText: thesis });
    await expect(box).toBeVisible();
    await expect(page.locator('#first-frame')).toHaveCount(0);
    const after = await placeOf(box.locator('rect.box'));
    for (const key of ['x', 'y', 'width', 'height'] as const)
      expect(Math.abs(after[key] - before[key])).toBeLessThan(0.5);
    // The live map, not a picture: a click selects the box.
    await box.click();
    await expect(box).toHaveClass(/selected/);
    await context.close();
  });
}
