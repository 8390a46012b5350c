import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h, name] of [[1920, 1080, 'wide'], [1280, 720, 'laptop'], [390, 844, 'phone']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto('http://localhost:4190/#node=trust-foundation');
  await page.locator('[data-node-id]').first().waitFor();
  await page.waitForTimeout(500);
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/menu-${name}.png` });
  await page.close();
}
await browser.close();
