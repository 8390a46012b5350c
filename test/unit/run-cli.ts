import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';
import { root } from './helpers.ts';

/**
 * Runs the command line in-process from the repository's root, as `npx argmap …` would: standard input
 * from `stdin`, files written kept in `written`, binary standard output as latin-1 text.
 */
export async function cli(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string | Uint8Array>();
  /** What a terminal's progress line said, in turn (undefined: cleared). */
  const progress: (string | undefined)[] = [];
  const io: CliIo = {
    stdout: (data) => void (stdout += typeof data === 'string' ? data : Buffer.from(data).toString('latin1')),
    stderr: (text) => void (stderr += text),
    readStdin: async () => stdin,
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: async (path, data) => void written.set(path, data),
    cwd: fileURLToPath(root),
    progress: (text) => void progress.push(text),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr, written, progress };
}
