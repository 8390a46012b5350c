import { expect, test, type Page } from '@playwright/test';
import { dropFile } from './drop-file.ts';
import { exportMenu } from './export-menu.ts';

/** Exceptions thrown in the page. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The transform of the map's zoom layer, once the first view has settled. */
async function firstView(page: Page): Promise<string | null> {
  await page.locator('[data-node-id]').first().waitFor();
  const layer = page.locator('svg g[transform^="translate("]').first();
  await expect(layer).not.toHaveAttribute('transform', 'translate(0,0) scale(1)');
  await page.waitForTimeout(300);
  return layer.getAttribute('transform');
}

test('#node= with a malformed escape is ignored: no exception, the first view is fitted', async ({
  page,
}) => {
  await page.goto('/');
  const fitted = await firstView(page);
  for (const hash of ['#node=%', '#node=%E0%A4%A']) {
    const errors = pageErrors(page);
    await page.goto(`/?fresh=${encodeURIComponent(hash)}${hash}`);
    expect(await firstView(page)).toBe(fitted);
    expect(errors).toEqual([]);
    await expect(page.locator('[data-node-id][aria-selected="true"], [data-node-id].selected')).toHaveCount(
      0,
    );
  }
});

test('?map= of a missing file says "not found", not Argdown syntax errors', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('/?map=/maps/no-such-map.argdown');
  const problems = page.getByRole('alert', { name: 'Problems' });
  await expect(problems).toContainText('not found: /maps/no-such-map.argdown');
  await expect(problems).not.toContainText('syntax');
  await expect(problems.getByRole('listitem')).toHaveCount(1);
  // The map of the last visit (or the default one) stays.
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('AIF S-nodes without a premise or conclusion, or looping on themselves: the warnings are shown', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const aif = {
    nodes: [
      { nodeID: '1', type: 'I', text: 'A claim' },
      { nodeID: '2', type: 'I', text: 'Another claim' },
      { nodeID: '3', type: 'RA', text: 'Default Inference' },
      { nodeID: '4', type: 'CA', text: 'Default Conflict' },
      { nodeID: '5', type: 'RA', text: 'Default Inference' },
      { nodeID: '6', type: 'RA', text: 'Default Inference' },
    ],
    edges: [
      { edgeID: 'e1', fromID: '1', toID: '3' },
      { edgeID: 'e2', fromID: '4', toID: '2' },
      { edgeID: 'e3', fromID: '5', toID: '5' },
      { edgeID: 'e4', fromID: '2', toID: '6' },
      { edgeID: 'e5', fromID: '6', toID: '1' },
    ],
  };
  await dropFile(page, 'broken.aif.json', JSON.stringify(aif, null, 1));
  await expect(page.locator('[data-node-id]')).toHaveCount(2);
  const problems = page.getByRole('alert', { name: 'Problems' });
  await expect(problems.locator('strong')).toHaveText('broken.aif.json: 4 warnings');
  await expect(problems).toContainText('RA node "3" has no conclusion');
  await expect(problems).toContainText('CA node "4" has no premise');
  await expect(problems).toContainText('RA node "5" has an edge to itself (edges[2]), which is ignored');
});

test('an empty file is refused as "the file is empty"', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await dropFile(page, 'empty.argdown', '  \n');
  const problems = page.getByRole('alert', { name: 'Problems' });
  await expect(problems).toContainText('could not be opened');
  await expect(problems).toContainText('empty.argdown:1:1: the file is empty');
});

test('PNG size advice names a scale the app offers, or Export SVG and Current view', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  // A row of 45 reasons is about 12,500 px wide: over the browser's 32,767 px at 4× and 3×, within it at 2×.
  const row = (count: number) => {
    // The thesis's id names the map, so that a test can wait for the one it dropped.
    const nodes = [{ id: `t${count}`, type: 'statement', text: 'Thesis' }];
    const relations = [];
    for (let i = 0; i < count; i++) {
      nodes.push({ id: `n${i}`, type: 'statement', text: `Reason number ${i} with a few words` });
      relations.push({ id: `r${i}`, from: `n${i}`, to: `t${count}`, type: 'support' });
    }
    return JSON.stringify({ format: 'argmap', version: 1, nodes, relations });
  };
  await dropFile(page, 'row.argmap.json', row(45));
  await expect(page.locator('[data-node-id="t45"]')).toHaveCount(1);
  await page.locator('summary[aria-label="Export options"]').click();
  await page.getByRole('group', { name: 'Export settings' }).getByLabel('PNG scale').selectOption('4');
  await exportMenu(page, 'Export PNG');
  const problems = page.getByRole('alert', { name: 'Problems' });
  await expect(problems).toContainText(/too large for the browser at 4×; choose 2× under ⚙ → PNG scale/);
  await expect(problems.locator('strong')).toHaveText(/: not exported$/);
  await expect(problems).not.toContainText('warning(s)');

  // A map a thousand boxes wide is too large even at 1×.
  await problems.getByRole('button', { name: 'Dismiss' }).click();
  await dropFile(page, 'wide.argmap.json', row(1000));
  await expect(page.locator('[data-node-id="t1000"]')).toHaveCount(1);
  await page.getByRole('group', { name: 'Export settings' }).getByLabel('PNG scale').selectOption('1');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await exportMenu(page, 'Export PNG');
  await expect(problems).toContainText('too large for a PNG in the browser even at 1×: use Export SVG');
  await expect(problems).toContainText('Current view');
  expect(downloaded).toBe(false);
});

test('?map= reads a source text beside the map only: missing and escaping paths are warnings saying why', async ({
  page,
}) => {
  const map = (textFile: string) =>
    JSON.stringify({
      format: 'argmap',
      version: 1,
      source: { title: 'S', textFile },
      nodes: [{ id: 'a', type: 'statement', text: 'A', quote: 'root:x:0:0' }],
      relations: [],
    });
  await page.route(
    (url) => url.pathname === '/served/missing.argmap.json',
    (route) => route.fulfill({ contentType: 'application/json', body: map('nowhere.txt') }),
  );
  await page.route(
    (url) => url.pathname === '/served/escape.argmap.json',
    (route) => route.fulfill({ contentType: 'application/json', body: map('../../etc/passwd') }),
  );
  await page.route(
    (url) => url.pathname === '/served/nowhere.txt',
    (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>app</title>' }),
  );
  const problems = page.getByRole('alert', { name: 'Problems' });
  await page.goto('/?map=/served/missing.argmap.json');
  await expect(problems).toContainText('cannot read the source text "nowhere.txt": no such file');
  await page.goto('/?map=/served/escape.argmap.json');
  await expect(problems).toContainText(
    'cannot read the source text "../../etc/passwd": only files in the map',
  );
  await expect(problems).not.toContainText('quote');
});
