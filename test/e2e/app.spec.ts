import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { searchNodes } from '../../src/core/search.ts';
import { dropFile } from './drop-file.ts';

const trenin = JSON.parse(
  readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8'),
) as {
  nodes: { id: string; type: string; text: string }[];
};

/**
 * Collects console errors and Content-Security-Policy violations of a page. A violation inside a try/catch
 * (a library probing whether it may eval) logs nothing, so the page reports every violation event itself.
 */
function watch(page: Page): string[] {
  const errors: string[] = [];
  void page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('opens on the Trenin map, one box per statement, with no errors or CSP violations', async ({ page }) => {
  const errors = watch(page);
  await page.goto('/');
  const boxes = page.locator('[data-node-id]');
  await expect(boxes.first()).toBeVisible();
  await expect(boxes).toHaveCount(trenin.nodes.length);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Russia Suffers From a Security Deficit in Relations With NATO',
  );
  await page.screenshot({ path: 'test-results/screenshots/app-light.png' });
  expect(errors).toEqual([]);
});

test('clicking a box fills Details and marks its passage in the source text', async ({ page }) => {
  await page.goto('/');
  const node = trenin.nodes.find((n) => n.type === 'statement')!;
  await page.locator(`[data-node-id="${node.id}"]`).click();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(node.text);
  const mark = page.getByRole('region', { name: 'Source text' }).locator('mark');
  await expect(mark).toBeVisible();
  expect((await mark.textContent())!.length).toBeGreaterThan(10);
  await expect(page).toHaveURL(new RegExp(`#node=${node.id}$`));
});

test('text measured in Node matches Chromium measureText on the bundled font within 0.5 px', async ({
  page,
}) => {
  const { createFontMeasurer } = await import('../../src/core/text/measure.ts');
  const measurer = createFontMeasurer();
  const samples = [
    'Russia suffers from a security deficit in relations with NATO and the United States.',
    'Россия испытывает дефицит безопасности в отношениях с НАТО.',
    'Ёжик, щука, объём: ЩЪЫЬЭЮЯ',
    '0123456789 1,000 3.14 10 %',
    '“Reset” – (NATO), ‘U.S.’; 2010! Why? a/b [x] {y} & * # @',
    'Transnistria Kyrgyzstan Afghanistan',
    // Outside the first visit's slice of the font: loaded when asked for.
    'Tiếng Việt, ǎǒǔ, Ελλάδα, ₴ №',
  ];
  const fontFiles: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fontFiles.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  // The Trenin map needs only the core slice of each weight, as WOFF2.
  expect(fontFiles.sort()).toEqual(['/fonts/Inter-Regular-core.woff2', '/fonts/Inter-SemiBold-core.woff2']);
  const widths = await page.evaluate(async (texts) => {
    for (const weight of [400, 600]) await document.fonts.load(`${weight} 14px Inter`, texts.join(''));
    const context = document.createElement('canvas').getContext('2d')!;
    context.fontKerning = 'none';
    const measure = (font: string) =>
      texts.map((text) => {
        context.font = font;
        return context.measureText(text).width;
      });
    return { regular: measure('400 14px Inter'), semibold: measure('600 14px Inter') };
  }, samples);
  samples.forEach((text, i) => {
    expect(Math.abs(widths.regular[i]! - measurer.width(text, 'regular', 14)), text).toBeLessThan(0.5);
    expect(Math.abs(widths.semibold[i]! - measurer.width(text, 'semibold', 14)), text).toBeLessThan(0.5);
  });
});

test('the toggle under a box collapses its subtree and expands it again', async ({ page }) => {
  // A box of the second level, brought into view by the address (the thesis's children spread wide).
  await page.goto('/#node=more-trust-needed');
  const boxes = page.locator('[data-node-id]');
  await expect(boxes).toHaveCount(trenin.nodes.length);
  const thesis = page.locator('[role="treeitem"][aria-level="1"]').first();
  // Take a branch in view.
  const candidates = page.locator('[role="treeitem"][aria-level="2"][aria-expanded="true"]');
  const viewport = page.viewportSize()!;
  let id: string | null = null;
  for (const candidate of await candidates.all()) {
    const box = await candidate.boundingBox();
    if (
      box &&
      box.x > 0 &&
      box.y > 0 &&
      box.x + box.width < viewport.width &&
      box.y + box.height < viewport.height
    ) {
      id = await candidate.getAttribute('data-node-id');
      break;
    }
  }
  expect(id).not.toBeNull();
  const branch = page.locator(`[data-node-id="${id}"]`);
  await branch.getByRole('button', { name: 'Collapse' }).click();
  const collapsedBox = page.locator(`[data-node-id="${id}"]`);
  await expect(collapsedBox).toHaveAttribute('aria-expanded', 'false');
  const shown = await boxes.count();
  expect(shown).toBeLessThan(trenin.nodes.length);
  await collapsedBox.getByRole('button', { name: /^Expand/ }).click();
  await expect(boxes).toHaveCount(trenin.nodes.length);
  await expect(thesis).toBeVisible();
});

test('#node= in the address selects that box on load', async ({ page }) => {
  const node = trenin.nodes[5]!;
  await page.goto(`/#node=${node.id}`);
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(node.text);
  await expect(page.locator(`[data-node-id="${node.id}"]`)).toHaveAttribute('aria-selected', 'true');
});

test('search for "Transnistria" reaches its box and selects it', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await expect(search).toBeFocused();
  await page.keyboard.type('transnistria');
  const hits = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(hits.first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#node=transnistria-first-step$/);
  const box = page.locator('[data-node-id="transnistria-first-step"]');
  await expect(box).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Transnistria');
  // The search stays open for the next hit; Escape leaves it for the box it showed.
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box).toBeFocused();
});

test('search counts its hits, says where each matched, lights them on the map, and Enter walks them', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('russia nato');
  const expected = searchNodes(trenin as unknown as ArgumentMap, 'russia nato');
  expect(expected.length).toBeGreaterThan(2);
  const count = page.locator('#search-count');
  await expect(count).toContainText(`${expected.length} boxes`);
  const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(first.locator('mark')).toHaveText(expected[0]!.context.match);
  await expect(first).toContainText(`${expected[0]!.field}:`);
  // The hits are lit, the rest dimmed.
  await expect(page.locator('.node:not(.dimmed)')).toHaveCount(expected.length);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#node=${expected[0]!.id}$`));
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#node=${expected[1]!.id}$`));
  await expect(count).toContainText(`showing 2 / ${expected.length}`);
  await search.press('Shift+Enter');
  await expect(page).toHaveURL(new RegExp(`#node=${expected[0]!.id}$`));
  await search.press('Shift+Enter');
  await expect(page).toHaveURL(new RegExp(`#node=${expected.at(-1)!.id}$`));
  // Escape leaves the search for the box it showed; Escape again clears the selection: nothing is lit.
  await search.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.locator('.node.dimmed')).toHaveCount(0);
});

test('arrow keys move focus along the tree; Enter collapses; Escape clears; ? lists the keys', async ({
  page,
}) => {
  await page.goto('/#node=mediation-builds-trust');
  const start = page.locator('[data-node-id="mediation-builds-trust"]');
  await start.focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('[data-node-id="joint-mediation-foundation"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  // The thesis's first two children, side by side: the rival answers.
  const firstChild = page.locator('[role="treeitem"][data-node-id="rival-nrc"]');
  await expect(firstChild).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const second = page.locator('[role="treeitem"][data-node-id="rival-membership"]');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(firstChild).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(firstChild).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(firstChild).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Click a box');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard keys' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard keys' })).toHaveCount(0);
});

test('dropping a broken file keeps the map and shows where the file is wrong', async ({ page }) => {
  const errors = watch(page);
  await page.goto('/');
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  const broken = readFileSync(new URL('../fixtures/app/broken.argmap.json', import.meta.url), 'utf8');
  await dropFile(page, 'broken.argmap.json', broken);
  const panel = page.getByRole('alert', { name: 'Problems' });
  await expect(panel).toContainText('could not be opened; the current map stays');
  await expect(panel).toContainText('broken.argmap.json:6:');
  await expect(panel).toContainText('duplicate node id "a"');
  await expect(panel).toContainText('no node "ghost"');
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  await panel.getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel).toHaveCount(0);

  // A good file replaces the map.
  const example = readFileSync(new URL('../../data/example.argmap.json', import.meta.url), 'utf8');
  await dropFile(page, 'example.argmap.json', example);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Should the city centre be closed to cars?',
  );
  await expect(page.locator('[data-node-id]')).toHaveCount(10);
  expect(errors).toEqual([]);
});

test('opens Argdown and AIF files by drag and drop, and reports Argdown errors at line:column', async ({
  page,
}) => {
  const errors = watch(page);
  await page.goto('/');
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

  await dropFile(page, 'errors.argdown', fixture('argdown/errors.argdown'));
  const panel = page.getByRole('alert', { name: 'Problems' });
  await expect(panel).toContainText('could not be opened; the current map stays');
  await expect(panel).toContainText('errors.argdown:1:1: statement title is not closed');
  await expect(panel).toContainText('errors.argdown:14:3: only an argument can be undercut');
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  await panel.getByRole('button', { name: 'Dismiss' }).click();

  await dropFile(page, 'groups.argdown', fixture('argdown/groups.argdown'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia and NATO');
  await expect(page.locator('[data-node-id]')).toHaveCount(6);
  await expect(page.locator('[data-node-id="deficit"]')).toHaveAccessibleName(
    /Russia suffers from a security deficit/,
  );

  await dropFile(page, 'nodeset.json', fixture('aif/nodeset.json'));
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  const aifStatements = (
    JSON.parse(fixture('aif/nodeset.json')) as { nodes: { type: string }[] }
  ).nodes.filter((n) => n.type === 'I' || n.type === 'EN').length;
  await expect(page.locator('[data-node-id]')).toHaveCount(aifStatements);
  expect(errors).toEqual([]);
});

test('saves the map as Argdown that reads back to the same map', async ({ page }) => {
  await page.goto('/?map=/maps/example.argmap.json');
  await expect(page.locator('[data-node-id]')).toHaveCount(10);
  await page.getByLabel('Export options').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Save map as' }).getByRole('button', { name: 'Argdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.argdown$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('[Car-free centre]: The city centre should be closed to private cars.');
  await dropFile(page, 'again.argdown', text);
  await expect(page.locator('[data-node-id]')).toHaveCount(10);
  await expect(page.getByRole('alert', { name: 'Problems' })).toHaveCount(0);
});

test('hostile files: each shows its problems and the map stays; payloads in labels stay text', async ({
  page,
}) => {
  const errors = watch(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Every Content-Security-Policy violation of the page, as the browser reports it.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('/');
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  const hostile = (name: string) =>
    readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), 'utf8');
  const panel = page.getByRole('alert', { name: 'Problems' });
  for (const [name, place] of [
    ['json-truncated.json', 'json-truncated.json:1:91:'],
    ['wrong-types.json', 'wrong-types.json:4:11: /title:'],
    ['argdown-unclosed-everything.argdown', 'argdown-unclosed-everything.argdown:1:1:'],
    ['aif-junk-nodes.aif.json', 'aif-junk-nodes.aif.json:3:3: /nodes/0:'],
    ['group-cycle.json', 'is inside itself'],
  ] as const) {
    await dropFile(page, name, hostile(name));
    await expect(panel).toContainText('could not be opened; the current map stays');
    await expect(panel).toContainText(place);
    await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
    await panel.getByRole('button', { name: 'Dismiss' }).click();
  }

  // Too many boxes to draw: explained, not a frozen tab.
  const nodes = Array.from({ length: 10001 }, (_, i) => ({
    id: `n${i}`,
    type: 'statement',
    text: `claim ${i}`,
  }));
  await dropFile(page, 'huge.json', JSON.stringify({ format: 'argmap', version: 1, nodes }));
  await expect(panel).toContainText('huge.json has 10,001 boxes; the app draws maps of up to 10,000');
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  await panel.getByRole('button', { name: 'Dismiss' }).click();

  await dropFile(page, 'html-payloads.json', hostile('html-payloads.json'));
  await expect(page.locator('[data-node-id]')).toHaveCount(6);
  await expect(page.locator('[data-node-id="h0"]')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('[data-node-id="h1"]')).toContainText('</text><script>alert(1)</script>');
  await page.locator('[data-node-id="h1"]').click();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('<script>alert(1)</script>');
  expect(await page.locator('img, script:not([src])').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
  // The policy is in force: an inline script is refused (and reported), so a payload could not run.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.ran = true';
    document.head.append(script);
  });
  expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.length))
    .toBe(1);
  // That one refusal was ours; nothing else may have been refused or have failed.
  errors.splice(
    0,
    errors.length,
    ...errors.filter((e) => !/Content Security Policy|CSP violation: script-src-elem inline/.test(e)),
  );
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('a reload brings back the map opened last; "Show the Trenin map" goes back to the default', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  await dropFile(
    page,
    'debate.argdown',
    readFileSync(new URL('../fixtures/argdown/groups.argdown', import.meta.url), 'utf8'),
  );
  await expect(page.locator('[data-node-id]')).toHaveCount(6);
  // The map is remembered as soon as it is opened: a crash right now would not lose it either.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const request = indexedDB.open('argmap');
            request.onsuccess = () => {
              const get = request.result.transaction('maps').objectStore('maps').get('last-opened');
              get.onsuccess = () => resolve((get.result as { fileName?: string } | undefined)?.fileName);
            };
          }),
      ),
    )
    .toBe('debate.argdown');

  await page.reload();
  await expect(page.locator('[data-node-id]')).toHaveCount(6);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia and NATO');
  // Without the note in localStorage that something is kept (cleared by the user), the Trenin map shows at
  // once and the kept map still comes back as soon as IndexedDB answers.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia and NATO');
  await expect(page.locator('[data-node-id]')).toHaveCount(6);
  const note = page.getByRole('status').filter({ hasText: 'Reopened debate.argdown' });
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Show the Trenin map' }).click();
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  await page.reload();
  await expect(page.locator('[data-node-id]')).toHaveCount(trenin.nodes.length);
  await expect(page.getByRole('status').filter({ hasText: 'Reopened' })).toHaveCount(0);
});

test('a large map draws only the boxes in view, and sketches the whole map when zoomed out', async ({
  page,
}) => {
  const errors = watch(page);
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  // 3,000 boxes: a thesis with 30 reasons, each with 99 reasons of its own.
  const nodes = Array.from({ length: 3000 }, (_, i) => ({
    id: `n${i}`,
    type: 'statement',
    text: `Claim number ${i}`,
  }));
  const relations = nodes.slice(1).map((_, i) => ({
    id: `r${i + 1}`,
    type: 'support',
    from: `n${i + 1}`,
    to: i < 30 ? 'n0' : `n${1 + (i % 30)}`,
  }));
  await dropFile(page, 'large.json', JSON.stringify({ format: 'argmap', version: 1, nodes, relations }));
  await expect(page.locator('[data-node-id="n0"]')).toBeVisible();
  const drawn = await page.locator('[data-node-id]').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(300);
  // Lines running far across the map are drawn solid: dashes along them would cost seconds per frame.
  await expect(page.locator('path.connector.long').first()).toBeAttached();

  await page.keyboard.press('0');
  const sketch = page.locator('canvas.sketch');
  await expect(sketch).toBeAttached();
  await expect(page.locator('[data-node-id]')).toHaveCount(0);
  // The sketch is drawn: this map is a wide fan, a band of boxes across the view once the zoom settles.
  await page.waitForTimeout(500);
  const painted = await sketch.evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
    return count / (canvas.width * canvas.height);
  });
  await page.screenshot({ path: 'test-results/screenshots/sketch.png' });
  expect(painted).toBeGreaterThan(0.001);

  // Zoomed in again, the boxes (with their text) are back.
  await page.locator('[data-node-id]').first().waitFor({ state: 'detached' });
  await page.locator('svg.map').hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -400);
  await expect(page.locator('[data-node-id]').first()).toBeAttached();
  await expect(sketch).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('"Open map" reads a file from the picker', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await page
    .getByLabel('Map file')
    .setInputFiles(new URL('../../data/example.argmap.json', import.meta.url).pathname);
  await expect(page.locator('[data-node-id]')).toHaveCount(10);
});

test('?map= opens another map of the same site, with its source text', async ({ page }) => {
  await page.goto('/?map=/maps/example.argmap.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Should the city centre be closed to cars?',
  );
  await page.locator('[data-node-id="shops-fear"]').click();
  await expect(page.getByRole('region', { name: 'Source text' }).locator('mark')).toHaveText(
    'Shops fear losing customers who arrive by car.',
  );
  // An argument shows its reconstruction: premises, then the conclusion.
  await page.getByRole('searchbox', { name: 'Search' }).fill('health argument');
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByRole('listitem')).toHaveText([
    'Air pollution in the centre exceeds the legal limit on most days.',
    "Cars are the main source of the centre's air pollution.",
  ]);
  await expect(details).toContainText('∴ The city centre should be closed to private cars.');
});

test('?map= reads the source text file next to the map', async ({ page }) => {
  await page.goto('/?map=/maps/trenin-2010.argmap.json#node=transnistria-first-step');
  await expect(page.getByRole('region', { name: 'Source text' }).locator('mark')).toContainText(
    'Transnistria',
  );
  await expect(page.getByRole('alert', { name: 'Problems' })).toHaveCount(0);
});

test('a passage in the source text selects its box; back walks the selection history', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await page
    .getByRole('region', { name: 'Source text' })
    .getByRole('button', { name: /Transnistria/ })
    .first()
    .click();
  await expect(page).toHaveURL(/#node=transnistria-first-step$/);
  // Its premise, just below it on screen.
  await page.locator('[data-node-id="trust-cornerstone"]').click();
  await expect(page).toHaveURL(/#node=trust-cornerstone$/);
  await page.goBack();
  await expect(page).toHaveURL(/#node=transnistria-first-step$/);
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Transnistria');
});

test('themes: light, dark and phone width read well (screenshots in test-results/screenshots)', async ({
  page,
}) => {
  await page.goto('/#node=security-deficit');
  await page.locator('[data-node-id="security-deficit"]').hover();
  await expect(page.locator('.node.dimmed').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/app-hover-light.png' });
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.screenshot({ path: 'test-results/screenshots/app-dark.png' });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: 'test-results/screenshots/app-phone.png' });
  await expect(page.locator('[data-node-id="security-deficit"]')).toBeVisible();
});

test('filters by group, role and tag light up the matching boxes and dim the rest', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await page.getByText('Filter', { exact: true }).click();
  const filters = page.getByRole('group', { name: 'Filters' });
  await filters.getByLabel('Group').selectOption('cyber');
  const cyber = (trenin.nodes as { group?: string }[]).filter((n) => n.group === 'cyber').length;
  await expect(page.locator('.node:not(.dimmed)')).toHaveCount(cyber);
  // The filter says how many boxes pass it.
  await expect(filters.getByRole('status')).toHaveText(`${cyber} boxes of ${trenin.nodes.length}`);
  await filters.getByLabel('Group').selectOption('');
  await filters.getByLabel('objection').check();
  const objections = await page.locator('.node.role-objection').count();
  await expect(page.locator('.node:not(.dimmed)')).toHaveCount(objections);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.locator('.node.dimmed')).toHaveCount(0);
});

test('Tab enters the map once, at the thesis, as a screen reader tree', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await expect(page.getByRole('tree', { name: 'Argument map' })).toBeVisible();
  await expect(page.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Keys' }).focus();
  await page.keyboard.press('Tab');
  const focused = page.locator('[role="treeitem"]:focus');
  await expect(focused).toHaveAttribute('aria-level', '1');
  await expect(focused).toHaveAttribute('aria-label', /^thesis: /);
});

test('the first Tab offers "Skip to the map", which puts the keyboard on the thesis', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const skip = page.getByRole('button', { name: 'Skip to the map' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  const focused = page.locator('[role="treeitem"]:focus');
  await expect(focused).toHaveAttribute('aria-level', '1');
  // From there the arrow keys walk the tree.
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('aria-level', '2');
});

test('an edited #node= selects its box and brings it into view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const box = page.locator('[data-node-id="two-central-problems"]');
  await expect(box).not.toBeInViewport();
  await page.evaluate(() => (location.hash = '#node=two-central-problems'));
  await expect(box).toHaveAttribute('aria-selected', 'true');
  await expect(box).toBeInViewport();
});
