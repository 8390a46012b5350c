import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = 'dist/cli/argmap.js';
const trenin = 'data/trenin-2010.argmap.json';

export type CliTask = 'validate' | 'svg' | 'png' | 'pdf-deck' | 'pptx' | 'png-pages';

interface Command {
  readonly task: CliTask;
  readonly what: string;
  readonly args: (dir: string) => string[];
  /** Runs timed (the median is kept): more for the quick commands, whose figures are budgets. */
  readonly runs: number;
  /** A whole deck (tens of seconds, no budget): timed only when asked (`--decks`). */
  readonly deck?: boolean;
}

/** What a lecturer runs from the command line, each timed as a whole process (start-up included). */
const commands: readonly Command[] = [
  { task: 'validate', what: 'validate the Trenin map', args: () => ['validate', trenin], runs: 7 },
  { task: 'svg', what: 'SVG of the Trenin map', args: (dir) => exportTo(dir, 'map.svg'), runs: 5 },
  { task: 'png', what: 'PNG 2× of the Trenin map', args: (dir) => exportTo(dir, 'map.png'), runs: 3 },
  {
    task: 'pdf-deck',
    what: 'PDF deck of the Trenin tour (--slides)',
    args: (dir) => [...exportTo(dir, 'deck.pdf'), '--slides'],
    runs: 1,
    deck: true,
  },
  {
    task: 'pptx',
    what: 'PowerPoint deck of the Trenin tour (.pptx)',
    args: (dir) => exportTo(dir, 'deck.pptx'),
    runs: 1,
    deck: true,
  },
  {
    task: 'png-pages',
    what: 'PNG per page of the tour (-o DIR/ --slides)',
    args: (dir) => [...exportTo(dir, 'slides/'), '--slides'],
    runs: 1,
    deck: true,
  },
];

const exportTo = (dir: string, name: string) => ['export', trenin, '-o', join(dir, name)];

export interface CliTime {
  readonly task: CliTask;
  readonly what: string;
  readonly ms: number;
  readonly runs: number;
}

/** Median wall time of each command over its runs (decks too if asked); undefined when the CLI is not built. */
export function cliTimes(decks: boolean): CliTime[] | undefined {
  if (!existsSync(cli)) return undefined;
  const out = mkdtempSync(join(tmpdir(), 'argmap-bench-'));
  try {
    return commands.flatMap(({ task, what, args, runs, deck }) => {
      if (deck && !decks) return [];
      const times = Array.from({ length: runs }, () => {
        const started = performance.now();
        execFileSync(process.execPath, [cli, ...args(out)], { stdio: 'ignore' });
        return performance.now() - started;
      });
      return [{ task, what, ms: times.sort((a, b) => a - b)[runs >> 1]!, runs }];
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
