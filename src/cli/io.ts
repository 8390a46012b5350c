import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** What the CLI needs from the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (data: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  /** Standard input as text; it may stop soon after `limit` bytes (the caller refuses more than that). */
  readonly readStdin: (limit?: number) => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  readonly cwd: string;
  /**
   * A line that says how a long export is going, replaced by the next and cleared with `undefined`: shown
   * on a terminal only, so that pipes, logs and scripts read nothing but the results and the problems.
   */
  readonly progress?: (text: string | undefined) => void;
}

export const STDIN = '-';

/** How a file is named in messages. */
export const displayName = (file: string): string => (file === STDIN ? '<stdin>' : file);

/** The directory relative paths in a map (its source text) are resolved against. */
export function baseDirectory(file: string, io: CliIo): string {
  return file === STDIN ? io.cwd : dirname(resolve(io.cwd, file));
}

export function nodeIo(): CliIo {
  // A reader that stops early (`argmap export … -o - | head -c 10`) closes the pipe: the rest of the output
  // is not wanted, so end quietly as other command-line tools do, rather than with Node's stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  return {
    stdout: (data) => process.stdout.write(data),
    stderr: (text) => process.stderr.write(text),
    readStdin: async (limit = Infinity) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        bytes += (chunk as Buffer).byteLength;
        // Past the limit the input is refused anyway: stop reading rather than hold all of it.
        if (bytes > limit) break;
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: (path) => readFile(path, 'utf8'),
    // A file of pages may go into a directory that does not exist yet (-o slides/).
    writeFile: async (path, data) => {
      await mkdir(dirname(resolve(path)), { recursive: true });
      await writeFile(path, data);
    },
    cwd: process.cwd(),
    ...(process.stderr.isTTY
      ? {
          progress: (text: string | undefined) =>
            void process.stderr.write(`\r\x1b[2K${text === undefined ? '' : `argmap: ${text}`}`),
        }
      : {}),
  };
}
