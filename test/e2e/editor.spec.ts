import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dropFile } from './drop-file.ts';

const trenin = JSON.parse(
  readFileSync(new URL('../../data/trenin-2010.argmap.json', import.meta.url), 'utf8'),
) as { nodes: { id: string; title?: string; text: string }[] };

const NEW_REASON = 'Joint exercises would show good faith on both sides.';
const boxes = (page: Page) => page.locator('[data-node-id]');
const code = (page: Page) => page.locator('.cm-content');
const problems = (page: Page) => page.getByRole('list', { name: 'Problems in the text' });

/** Opens the Trenin map in the editor and waits until the map is the one read from its Argdown. */
async function openEditor(page: Page) {
  await page.goto('/');
  await expect(boxes(page)).toHaveCount(trenin.nodes.length);
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(code(page)).toContainText('title: Russia Suffers From a Security Deficit');
  await expect(page.getByText('No problems: the map shows this text.')).toBeVisible();
  // The view has settled (the map keeps its centre as the editor opens).
  await expect
    .poll(async () => {
      const before = await mapTransform(page);
      await page.waitForTimeout(100);
      return before === (await mapTransform(page));
    })
    .toBe(true);
}

/** Types text at the end of the document, as keystrokes would put it there. */
async function typeAtEnd(page: Page, text: string) {
  await code(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

const mapTransform = (page: Page) => page.locator('svg.map > g').first().getAttribute('transform');

test('the Trenin map opens in the editor as Argdown, and a reason typed under a claim appears as a box', async ({
  page,
}) => {
  await openEditor(page);
  // The map is the one read back from the Argdown text: the same boxes.
  await expect(boxes(page)).toHaveCount(trenin.nodes.length);
  // A subtree collapsed and a box selected before typing (boxes beside the view, reached by script).
  const toggle = page.locator('[data-node-id="trust-missing"] .toggle');
  await toggle.dispatchEvent('click');
  await expect(page.locator('[data-node-id="moscow-concerns"]')).toHaveCount(0);
  const hidden = Number(/\d+/.exec((await toggle.getAttribute('aria-label')) ?? '')?.[0]);
  expect(hidden).toBeGreaterThan(0);
  await page.locator('[data-node-id="more-trust-needed"]').dispatchEvent('click');
  await expect(page.locator('[data-node-id="more-trust-needed"]')).toHaveClass(/selected/);
  const view = await mapTransform(page);

  await typeAtEnd(page, `\n\n[More trust needed]\n  + ${NEW_REASON}\n`);
  const added = page.locator('[data-node-id]', { hasText: 'Joint exercises' });
  await expect(added).toHaveCount(1);
  await expect(boxes(page)).toHaveCount(trenin.nodes.length + 1 - hidden);
  // The view did not jump, the subtree stays collapsed and the box selected.
  expect(await mapTransform(page)).toBe(view);
  await expect(page.locator('[data-node-id="moscow-concerns"]')).toHaveCount(0);
  await expect(page.locator('[data-node-id="more-trust-needed"]')).toHaveClass(/selected/);
  await page.screenshot({ path: 'test-results/screenshots/editor.png' });
});

test('a syntax error is underlined and listed while the last good map stays drawn', async ({ page }) => {
  await openEditor(page);
  await typeAtEnd(page, '\n\n[Unclosed title: some text\n');
  await expect(problems(page)).toContainText('error');
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(page.getByText('The map shows the last text without errors.')).toBeVisible();
  await expect(boxes(page)).toHaveCount(trenin.nodes.length);

  // The problem names its place; clicking it puts the cursor there.
  const item = problems(page).getByRole('button').first();
  await expect(item).toContainText(/^\d+:1 error: statement title is not closed/);
  const line = /^(\d+):/.exec((await item.textContent())!.trim())![1]!;
  await code(page).press('Control+Home');
  await item.click();
  await expect(page.locator('.cm-activeLine')).toHaveText('[Unclosed title: some text');
  await expect(page.locator('.cm-activeLineGutter')).toHaveText(line);

  // Mended, the map follows again, with the statement the line now defines.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.insertText('[Closed title]: A statement written in the editor.');
  await expect(page.getByText('No problems: the map shows this text.')).toBeVisible();
  await expect(page.locator('[data-node-id]', { hasText: 'A statement written in the editor.' })).toHaveCount(
    1,
  );
});

test('undo and redo take an edit back and bring it again, with the map following', async ({ page }) => {
  await openEditor(page);
  await typeAtEnd(page, `\n\n[More trust needed]\n  + ${NEW_REASON}\n`);
  const added = page.locator('[data-node-id]', { hasText: 'Joint exercises' });
  await expect(added).toHaveCount(1);

  await page.keyboard.press('Control+z');
  await expect(added).toHaveCount(0);
  await expect(code(page)).not.toContainText('Joint exercises');
  await page.keyboard.press('Control+Shift+z');
  await expect(added).toHaveCount(1);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(added).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(added).toHaveCount(1);
});

test('the text is saved as it is typed and comes back after a reload, editor open', async ({ page }) => {
  await openEditor(page);
  await typeAtEnd(page, `\n\n[More trust needed]\n  + ${NEW_REASON}\n`);
  await expect(page.locator('[data-node-id]', { hasText: 'Joint exercises' })).toHaveCount(1);
  // Half-way through a line, with an error in it, the page is reloaded.
  await page.keyboard.insertText('\n[Unclosed');
  await page.reload();
  // The end of the text, where the typing was (the editor draws only the lines in view).
  await code(page).click();
  await page.keyboard.press('Control+End');
  await expect(code(page)).toContainText('[Unclosed');
  await expect(code(page)).toContainText(NEW_REASON);
  await expect(problems(page)).toContainText('statement title is not closed');
  // The map is the last one without errors: with the new reason.
  await expect(page.locator('[data-node-id]', { hasText: 'Joint exercises' })).toHaveCount(1);
  await expect(boxes(page)).toHaveCount(trenin.nodes.length + 1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Russia Suffers From a Security Deficit in Relations With NATO',
  );
});

test('selecting a box moves the cursor to its definition, and moving the cursor selects a box', async ({
  page,
}) => {
  await openEditor(page);
  // The thesis, in the middle of the view beside the editor.
  const thesis = trenin.nodes[0]!;
  await page.locator(`[data-node-id="${thesis.id}"]`).click();
  await expect(page.locator('.cm-activeLine')).toContainText(`[${thesis.title ?? thesis.id}]:`);
  await expect(page.locator('.cm-activeLine')).toContainText(thesis.text.slice(0, 40));
  // The keyboard went with the cursor: typing goes into the text (the map's keys, e for one, do nothing).
  await expect(code(page)).toBeFocused();
  await page.keyboard.type('Them ');
  await expect(page.locator('.cm-activeLine')).toContainText('Them ');
  await expect(code(page)).toBeVisible();

  // A line naming another box, typed at the end: the cursor on it selects that box.
  await typeAtEnd(page, '\n\n[More trust needed]\n');
  await page.locator('.cm-line', { hasText: /^\[More trust needed\]$/ }).click();
  await expect(page.locator('[data-node-id="more-trust-needed"]')).toHaveClass(/selected/);
  await expect(page).toHaveURL(/#node=more-trust-needed$/);
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  test(`at ${size.width}×${size.height} the editor, Details and Source are open together: a box clicked fills Details, the cursor goes to its definition`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openEditor(page);
    const editor = page.getByRole('region', { name: 'Argdown editor' });
    const details = page.getByRole('region', { name: 'Details' });
    const source = page.getByRole('region', { name: 'Source text' });
    await expect(details).toBeVisible();
    await expect(source).toBeVisible();

    const thesis = trenin.nodes[0]!;
    await page.locator(`[data-node-id="${thesis.id}"]`).click();
    await expect(details).toContainText(thesis.text);
    await expect(source.locator('mark')).toBeVisible();
    // The editor stays open, with the keyboard at the box's definition.
    await expect(editor).toBeVisible();
    await expect(page.locator('.cm-activeLine')).toContainText(`[${thesis.title ?? thesis.id}]:`);
    await expect(code(page)).toBeFocused();

    // Side by side, none over another, the map keeping a good part of the width.
    const box = async (l: ReturnType<Page['locator']>) => (await l.boundingBox())!;
    const e = await box(editor);
    const map = await box(page.locator('section.canvas'));
    const d = await box(details);
    expect(e.x + e.width).toBeLessThanOrEqual(map.x + 1);
    expect(map.x + map.width).toBeLessThanOrEqual(d.x + 1);
    expect(map.width).toBeGreaterThan(size.width * 0.38);
    await page.screenshot({ path: `test-results/screenshots/editor-details-${size.width}.png` });
  });
}

test('on a phone a tab switches between the editor and Details', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(boxes(page)).toHaveCount(trenin.nodes.length);
  await page.getByRole('button', { name: 'More controls' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('region', { name: 'Argdown editor' });
  const details = page.getByRole('region', { name: 'Details' });
  await expect(editor).toBeVisible();
  await expect(details).toBeHidden();
  const tabs = page.getByRole('tablist', { name: 'Beside the map' });
  await tabs.getByRole('tab', { name: 'Details' }).click();
  await expect(details).toBeVisible();
  await expect(editor).toBeHidden();
  await page.screenshot({ path: 'test-results/screenshots/editor-details-phone.png' });
  await tabs.getByRole('tab', { name: 'Argdown' }).click();
  await expect(editor).toBeVisible();
  await expect(code(page)).toContainText('title: Russia Suffers From a Security Deficit');
});

test('downloads the text as .argdown and its map as .argmap.json', async ({ page }) => {
  await openEditor(page);
  await typeAtEnd(page, `\n\n[More trust needed]\n  + ${NEW_REASON}\n`);
  await expect(page.locator('[data-node-id]', { hasText: 'Joint exercises' })).toHaveCount(1);

  const [argdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .argdown' }).click(),
  ]);
  expect(argdown.suggestedFilename()).toBe('trenin-2010.argdown');
  expect(readFileSync((await argdown.path())!, 'utf8')).toContain(`+ ${NEW_REASON}`);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .argmap.json' }).click(),
  ]);
  expect(json.suggestedFilename()).toBe('trenin-2010.argmap.json');
  const saved = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { nodes: { text: string }[] };
  expect(saved.nodes.map((n) => n.text)).toContain(NEW_REASON);
  expect(saved.nodes).toHaveLength(trenin.nodes.length + 1);
});

test('opening another map while editing keeps the text typed: one click brings it back, after a reload too', async ({
  page,
}) => {
  await openEditor(page);
  await typeAtEnd(page, `\n\n[More trust needed]\n  + ${NEW_REASON}\n`);
  await expect(page.locator('[data-node-id]', { hasText: 'Joint exercises' })).toHaveCount(1);

  await dropFile(
    page,
    'debate.argdown',
    readFileSync(new URL('../fixtures/argdown/groups.argdown', import.meta.url), 'utf8'),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia and NATO');
  await expect(code(page)).not.toContainText('Joint exercises');
  await expect(page.getByText('No problems: the map shows this text.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia and NATO');
  await page.getByRole('button', { name: 'Restore previous text' }).click();
  await expect(page.locator('[data-node-id]', { hasText: 'Joint exercises' })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Russia Suffers From a Security Deficit in Relations With NATO',
  );
});

test('a box typed on a new line is selected once the text is read, not the box whose line it displaced', async ({
  page,
}) => {
  await openEditor(page);
  // The thesis clicked: the cursor goes to its definition, the keyboard with it.
  await page.locator('[data-node-id="joint-mediation-foundation"]').click();
  await expect(code(page)).toBeFocused();
  // A new statement on a line of its own above it, the cursor back up on it: before the text is read again,
  // the line is where the thesis was defined.
  await page.keyboard.press('Home');
  await page.keyboard.insertText('[Goodwill]: Goodwill gestures would help.\n');
  await page.keyboard.press('ArrowUp');
  const added = page.locator('[data-node-id="goodwill"]');
  await expect(added).toHaveCount(1);
  await expect(added).toHaveClass(/selected/);
  await expect(page).toHaveURL(/#node=goodwill$/);
});
