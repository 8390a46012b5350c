import type { Page } from '@playwright/test';
import type { PNG } from 'pngjs';

/** Opens the toolbar's Export menu and chooses an item by its name. */
export async function exportMenu(page: Page, item: string | RegExp): Promise<void> {
  const menu = page.getByRole('menu', { name: 'Export' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Export', exact: true }).click();
  await menu.getByRole('menuitem', { name: item }).click();
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
