import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { PNG } from 'pngjs';

/** Opens the toolbar's Export menu and chooses an item by its name. */
export async function exportMenu(page: Page, item: string | RegExp): Promise<void> {
  const menu = page.getByRole('menu', { name: 'Export' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Export', exact: true }).click();
  await menu.getByRole('menuitem', { name: item }).click();
}

/** Chooses settings under the Export menu's ⚙, by their labels ("PNG scale": "1", "Background": …). */
export async function chooseExportSettings(
  page: Page,
  choices: Readonly<Record<string, string>>,
): Promise<void> {
  const settings = page.getByRole('group', { name: 'Export settings' });
  if (!(await settings.isVisible())) await page.locator('summary[aria-label="Export options"]').click();
  for (const [label, value] of Object.entries(choices)) await settings.getByLabel(label).selectOption(value);
}

/** Chooses Export PNG and gives the downloaded file's bytes. */
export async function exportedPng(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), exportMenu(page, 'Export PNG')]);
  return readFileSync(await download.path());
}

/** The share of pixels whose four channels all differ by at most `tolerance`. */
export function shareAlike(a: PNG, b: PNG, tolerance: number): number {
  let alike = 0;
  for (let at = 0; at < a.data.length; at += 4) {
    let worst = 0;
    for (let channel = 0; channel < 4; channel++)
      worst = Math.max(worst, Math.abs(a.data[at + channel]! - b.data[at + channel]!));
    if (worst <= tolerance) alike++;
  }
  return alike / (a.width * a.height);
}

/**
 * The share of `cell`-pixel squares whose mean ink (darkness, 0–255, over all channels) differs by at most
 * `tolerance` between two pictures of the same size: the same drawing, whatever two renderers do at the
 * edges of letters and lines.
 */
export function inkAlike(a: PNG, b: PNG, cell: number, tolerance: number): number {
  const ink = (png: PNG, cx: number, cy: number) => {
    let sum = 0;
    let count = 0;
    for (let y = cy; y < Math.min(cy + cell, png.height); y++)
      for (let x = cx; x < Math.min(cx + cell, png.width); x++) {
        const at = (y * png.width + x) * 4;
        sum += 765 - png.data[at]! - png.data[at + 1]! - png.data[at + 2]!;
        count++;
      }
    return sum / count / 3;
  };
  let alike = 0;
  let cells = 0;
  for (let y = 0; y < a.height; y += cell)
    for (let x = 0; x < a.width; x += cell) {
      cells++;
      if (Math.abs(ink(a, x, y) - ink(b, x, y)) <= tolerance) alike++;
    }
  return alike / cells;
}
