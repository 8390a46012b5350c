import type { Page } from '@playwright/test';

/**
 * Drops a file on the map as a user dragging it from the desktop would: the browser tests and the
 * benchmark open maps this way.
 */
export async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], fileName, { type: 'application/json' }));
      return data;
    },
    [name, content] as const,
  );
  await page.locator('.canvas').dispatchEvent('drop', { dataTransfer: transfer });
}
