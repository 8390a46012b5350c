import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = 'dist/cli/argmap.js';
const trenin = 'data/trenin-2010.argmap.json';

/** What a lecturer exports from the command line, each timed as a whole process (start-up included). */
const exports: readonly (readonly [string, (dir: string) => string[]])[] = [
  ['SVG of the Trenin map', (dir) => ['-o', join(dir, 'map.svg')]],
  ['PDF deck of the Trenin tour (--slides)', (dir) => ['-o', join(dir, 'deck.pdf'), '--slides']],
  ['PowerPoint deck of the Trenin tour (.pptx)', (dir) => ['-o', join(dir, 'deck.pptx')]],
  ['PNG per page of the tour (-o DIR/ --slides)', (dir) => ['-o', `${join(dir, 'slides')}/`, '--slides']],
];

/** Median wall time of each export over three runs; undefined when the CLI is not built. */
export function cliExportTimes(): [string, number][] | undefined {
  if (!existsSync(cli)) return undefined;
  const out = mkdtempSync(join(tmpdir(), 'argmap-bench-'));
  try {
    return exports.map(([what, args]) => {
      const times = [0, 1, 2].map(() => {
        const started = performance.now();
        execFileSync(process.execPath, [cli, 'export', trenin, ...args(out)]);
        return performance.now() - started;
      });
      return [what, times.sort((a, b) => a - b)[1]!] as [string, number];
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
