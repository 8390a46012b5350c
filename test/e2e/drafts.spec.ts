import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The editor's drafts: saved while typing, one per tab, a failed write shown, a hanging draft not re-read. */

const boxes = (page: Page) => page.locator('[data-node-id]');
const code = (page: Page) => page.locator('.cm-content');
const argdown = (thesis: string) =>
  `[${thesis}]: ${thesis} is the case.\n  + <Reason>: Because of ${thesis}.\n`;

/** Opens the Trenin map in the editor, read and drawn from its Argdown. */
async function openEditor(page: Page) {
  await page.goto('/');
  await expect(boxes(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(code(page)).toContainText('title: Russia Suffers From a Security Deficit');
  await expect(page.getByText('No problems: the map shows this text.')).toBeVisible();
}

/** Replaces the editor's whole text, as a paste over a selection of everything would. */
async function replaceAll(page: Page, text: string) {
  await code(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** The drafts kept in IndexedDB, read as the page sees them: the text of every tab's draft. */
const storedDrafts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('argmap');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const texts: string[] = [];
          const cursor = db.transaction('maps').objectStore('maps').openCursor();
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) {
              db.close();
              resolve(texts);
              return;
            }
            const value = at.value as { text?: unknown };
            if (String(at.key).startsWith('editor-draft:') && typeof value.text === 'string')
              texts.push(value.text);
            at.continue();
          };
        };
      }),
  );

const storedWith = async (page: Page, part: string) =>
  (await storedDrafts(page)).some((text) => text.includes(part));

test('steady typing is saved within a second of each key, and nothing typed is lost when the tab closes', async ({
  page,
  context,
}) => {
  await openEditor(page);
  await code(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n\n// ');
  // One key every 140 ms for 3 s, never pausing long enough for a save that waits for a pause.
  const letters = 'abcdefghijklmnopqrstu';
  const typedAt: number[] = [];
  for (const letter of letters) {
    await page.keyboard.type(letter);
    typedAt.push(Date.now());
    const readAt = Date.now();
    const stored = await storedDrafts(page);
    // Every key typed a second ago (and a little more, for timers and the write itself) is stored.
    const due = typedAt.filter((at) => at <= readAt - 1200).length;
    if (due > 0) expect(stored.some((text) => text.includes(`// ${letters.slice(0, due)}`))).toBe(true);
    await page.waitForTimeout(Math.max(0, 140 - (Date.now() - readAt)));
  }
  expect(typedAt.at(-1)! - typedAt[0]!).toBeGreaterThan(2500);

  // The tab closes at once, the last keys typed a moment ago; a new tab brings everything back.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto('/');
  await again.locator('.cm-content').click();
  await again.keyboard.press('Control+End');
  await expect(again.locator('.cm-content')).toContainText(`// ${letters}`);
});

test('two tabs keep their own drafts: a reload brings back its own, "Restore previous text" the other', async ({
  context,
}) => {
  const first = await context.newPage();
  await openEditor(first);
  await replaceAll(first, argdown('Alpha'));
  await expect.poll(() => storedWith(first, 'Alpha is the case')).toBe(true);

  // A second tab opens on the newest draft, the first tab's, and is edited apart.
  const second = await context.newPage();
  await second.goto('/');
  await expect(code(second)).toContainText('Alpha is the case');
  await replaceAll(second, argdown('Bravo'));
  await expect.poll(() => storedWith(second, 'Bravo is the case')).toBe(true);
  // The first tab types on, after the second: its writes do not replace the second tab's draft.
  await code(first).click();
  await first.keyboard.press('Control+End');
  await first.keyboard.insertText('  + <More>: And more of Alpha.\n');
  await expect.poll(() => storedWith(first, 'And more of Alpha')).toBe(true);

  await second.reload();
  await expect(code(second)).toContainText('Bravo is the case');
  await expect(code(second)).not.toContainText('Alpha');
  await expect(second.locator('[data-node-id]', { hasText: 'Bravo is the case' })).toHaveCount(1);
  // The other tab's text is one click away, and the text it replaces is kept in turn.
  await second.getByRole('button', { name: 'Restore previous text' }).click();
  await expect(code(second)).toContainText('And more of Alpha');
  await expect(second.locator('[data-node-id]', { hasText: 'Alpha is the case' })).toHaveCount(1);
  await second.getByRole('button', { name: 'Restore previous text' }).click();
  await expect(code(second)).toContainText('Bravo is the case');

  await first.reload();
  await expect(code(first)).toContainText('And more of Alpha');
  await expect(code(first)).not.toContainText('Bravo');
});

test('a draft that cannot be written (a full quota) is said so, with the text to download', async ({
  page,
}) => {
  // The browser's storage is full: every write to IndexedDB fails as a full quota does.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openEditor(page);
  await code(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n\n// typed with nowhere to keep it\n');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'Your draft could not be saved in the browser: QuotaExceededError: The quota has been exceeded.',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Download .argdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('trenin-2010.argdown');
  expect(readFileSync((await download.path())!, 'utf8')).toContain('// typed with nowhere to keep it');
});

test('a draft whose reading hung the page is offered at the next start, not read; "Try again" reads it', async ({
  page,
}) => {
  await openEditor(page);
  await replaceAll(page, argdown('Heavy'));
  await expect(page.locator('[data-node-id]', { hasText: 'Heavy is the case' })).toHaveCount(1);
  await expect.poll(() => storedWith(page, 'Heavy is the case')).toBe(true);
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('argmap-draft-reading'))).toBeNull();

  // The page dies while the editor reads the text: the mark set for the reading stays behind.
  await page.evaluate(() => sessionStorage.setItem('argmap-draft-reading', '1'));
  await page.reload();
  const note = page.getByRole('status').filter({ hasText: 'stopped this page' });
  await expect(note).toContainText(
    'Your draft trenin-2010.argdown stopped this page the last time it was read: it is kept, not read again.',
  );
  await expect(code(page)).toHaveCount(0);
  await expect(page.locator('[data-node-id]', { hasText: 'Heavy is the case' })).toHaveCount(0);
  // Asked once: the mark is gone, so that the start after this one reads it again.
  expect(await page.evaluate(() => sessionStorage.getItem('argmap-draft-reading'))).toBeNull();

  // The text can be saved as a file without reading it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    note.getByRole('button', { name: 'Download .argdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('trenin-2010.argdown');
  expect(readFileSync((await download.path())!, 'utf8')).toBe(argdown('Heavy'));
  await expect(code(page)).toHaveCount(0);

  await note.getByRole('button', { name: 'Try again' }).click();
  await expect(code(page)).toContainText('Heavy is the case');
  await expect(page.locator('[data-node-id]', { hasText: 'Heavy is the case' })).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('argmap-draft-reading'))).toBeNull();
});

test('a tab duplicated from another (its sessionStorage copied) writes its own draft from its first change', async ({
  context,
}) => {
  const first = await context.newPage();
  await openEditor(first);
  await replaceAll(first, argdown('Alpha'));
  await expect.poll(() => storedWith(first, 'Alpha is the case')).toBe(true);
  const name = await first.evaluate(() => sessionStorage.getItem('argmap-tab'));
  expect(name).toBeTruthy();

  // A duplicate starts with the first tab's sessionStorage, so with its name (once: a reload keeps its own).
  const second = await context.newPage();
  await second.addInitScript((copied) => {
    if (sessionStorage.getItem('duplicated')) return;
    sessionStorage.setItem('duplicated', '1');
    sessionStorage.setItem('argmap-tab', copied!);
  }, name);
  await second.goto('/');
  await expect(code(second)).toContainText('Alpha is the case');
  await replaceAll(second, argdown('Bravo'));
  await expect.poll(() => storedWith(second, 'Bravo is the case')).toBe(true);
  expect(await storedWith(second, 'Alpha is the case')).toBe(true);
  expect(await second.evaluate(() => sessionStorage.getItem('argmap-tab'))).not.toBe(name);

  await second.reload();
  await expect(code(second)).toContainText('Bravo is the case');
  await first.reload();
  await expect(code(first)).toContainText('Alpha is the case');
  await expect(code(first)).not.toContainText('Bravo');
});
