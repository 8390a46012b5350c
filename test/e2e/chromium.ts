import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the Chromium tests find a browser (docs/ARCHITECTURE.md, "Tests"): $CHROMIUM_PATH, the system
 * packages, a browser Playwright manages, then macOS Chrome. No install step downloads one; .ci/run installs
 * Debian's chromium.
 */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    ...playwrightManaged(),
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

function playwrightManaged(): string[] {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((dir) => dir.startsWith('chromium-'))
    .sort()
    .reverse()
    .flatMap((dir) => [
      join(cache, dir, 'chrome-linux', 'chrome'),
      join(cache, dir, 'chrome-linux64', 'chrome'),
    ]);
}

/** Flags that work on a locked-down machine: no sandbox as root, no network chatter, no GPU. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
