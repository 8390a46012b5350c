import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './test/e2e/chromium.ts';

const executablePath = findChromium();
if (!executablePath) {
  throw new Error(
    'No Chromium found for the browser tests. Set CHROMIUM_PATH, or install one (Debian: apt-get install chromium).',
  );
}

// ARGMAP_E2E_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.ARGMAP_E2E_PORT ?? 4178);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
  // The built app, served as a user gets it (with its Content-Security-Policy).
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
