import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';

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

/** The app's own script, as the built index.html loads it. */
const appScript = '**/assets/index-*.js';
/** The app's own script, blocked: what a page shows before it runs stays on the screen. */
const withoutApp = (page: Page) => page.route(appScript, (route) => route.abort());

test('the frame is for a first visit of the default view: a later visit, or an address for another view, skips it', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  // A first visit before the app runs: the frame shows (the page's gate script runs, allowed by its hash).
  await withoutApp(page);
  await page.goto('/');
  await expect(page.locator('#first-frame g.node', { hasText: thesis })).toBeVisible();
  // The app runs once, then the next visit, whose code is now cached, is drawn by the app alone.
  await page.unroute(appScript);
  await page.goto('/');
  await expect(page.locator('[data-node-id]', { hasText: thesis })).toBeVisible();
  await withoutApp(page);
  await page.reload();
  await expect(page.locator('#first-frame')).toHaveCount(1);
  await expect(page.locator('#first-frame')).toBeHidden();
  await context.close();

  // A first visit whose address asks for another map, a step, or the presenter's window.
  for (const address of ['/?map=/maps/example.argmap.json', '/#step=2', '/?presenter']) {
    const other = await browser.newContext({ viewport });
    const visit = await other.newPage();
    await withoutApp(visit);
    await visit.goto(address);
    await expect(visit.locator('#first-frame')).toHaveCount(1);
    await expect(visit.locator('#first-frame'), address).toBeHidden();
    await other.close();
  }
});
