import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.ts';

/**
 * The built CLI starts from V8's compiled code of its chunks, made when it was built (src/cli/code-cache.ts,
 * src/cli/write-code-cache.mjs): the caches are there, V8 takes them, and a command answers the same with
 * them as without.
 */

const cwd = fileURLToPath(root);
const folder = join(cwd, 'dist/cli');
const map = 'data/trenin-2010.argmap.json';

function run(args: string[], mode: string) {
  const result = spawnSync(process.execPath, [join(folder, 'argmap.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, ARGMAP_CODE_CACHE: mode },
  });
  const report = /code cache: (\d+) used, (\d+) refused\n$/.exec(result.stderr);
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr.replace(/code cache: .*\n$/, ''),
    used: Number(report?.[1] ?? NaN),
    refused: Number(report?.[2] ?? NaN),
  };
}

describe("the CLI's code cache", { timeout: 60000 }, () => {
  it('is made beside the chunks of the commonest commands when the CLI is built', () => {
    expect(existsSync(join(folder, 'argmap.js')), 'run npm run build:cli first').toBe(true);
    const caches = readdirSync(folder).filter((name) => name.endsWith('.js.cache'));
    expect(caches.some((name) => name.startsWith('run-'))).toBe(true);
    expect(caches.some((name) => name.startsWith('layout-'))).toBe(true);
    for (const cache of caches) expect(existsSync(join(folder, cache.replace(/\.cache$/, '')))).toBe(true);
  });

  it('is taken by V8, and each command answers as it does without it', () => {
    for (const args of [
      ['validate', map],
      ['stats', map, '--json'],
      ['evaluate', map, '--critical'],
    ]) {
      const cached = run(args, 'report');
      expect(cached.used, args[0]).toBeGreaterThan(2);
      expect(cached.refused, args[0]).toBe(0);
      const plain = run(args, 'off');
      expect(cached.status).toBe(0);
      expect(cached.stdout).toBe(plain.stdout);
      expect(cached.stderr).toBe(plain.stderr);
    }
  });
});
