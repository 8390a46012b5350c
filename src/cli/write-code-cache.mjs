// Part of `npm run build:cli`: runs the built CLI's commonest commands with ARGMAP_CODE_CACHE=write, so that
// V8's compiled code of the chunks they load is kept beside them (src/cli/code-cache.ts). For each chunk,
// the first command that loads it makes its cache.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli/argmap.js');
const map = join(root, 'data/trenin-2010.argmap.json');
const scratch = mkdtempSync(join(tmpdir(), 'argmap-code-cache-'));
try {
  for (const args of [
    ['validate', map],
    ['export', map, '-o', join(scratch, 'map.svg')],
    ['stats', map],
  ]) {
    const run = spawnSync(process.execPath, [cli, ...args], {
      env: { ...process.env, ARGMAP_CODE_CACHE: 'write' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0) {
      process.stderr.write(`argmap ${args[0]} failed while its code cache was being made\n`);
      process.exit(1);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
