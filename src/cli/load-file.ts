import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { loadMapText, type LoadedMap, type LoadOptions } from '../core/load.ts';
import { CliIoError } from './errors.ts';
import { baseDirectory, displayName, STDIN, type CliIo } from './io.ts';

export { CliIoError };

/** Largest map file the CLI reads, in bytes; beyond this a map is almost certainly not meant for a picture. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Largest source text file (`source.textFile`) read, in bytes (README.md, "The map format"). */
export const MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024;

/** The message for a file with nothing in it, whether read from a file or from standard input. */
export const EMPTY_FILE = 'the file is empty';

export async function loadMapFile(
  file: string,
  io: CliIo,
  options: Pick<LoadOptions, 'checkSteps'> = {},
): Promise<LoadedMap> {
  if (file !== STDIN && (await sizeOf(resolve(io.cwd, file))) > MAX_INPUT_BYTES) throw tooLarge(file);
  let text: string;
  try {
    text = file === STDIN ? await io.readStdin(MAX_INPUT_BYTES) : await io.readFile(resolve(io.cwd, file));
  } catch (error) {
    throw new CliIoError(`${displayName(file)}: cannot read: ${describeIoError(error)}`);
  }
  // The limit is on bytes, as a file's size is: a character may take up to four of them in UTF-8.
  if (text.length > MAX_INPUT_BYTES || Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES)
    throw tooLarge(file);
  if (text.trim() === '') return emptyFile(file);
  const base = baseDirectory(file, io);
  return loadMapText(text, (path) => readTextFile(base, path, io), {
    ...(file === STDIN ? {} : { fileName: file }),
    ...options,
  });
}

const tooLarge = (file: string) =>
  new CliIoError(`${displayName(file)}: the file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);

/** A regular file's size, so that one too large is refused before it is read; 0 for anything else. */
async function sizeOf(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? info.size : 0;
}

/** An empty file (or empty standard input) is an error in every format, with the same message. */
function emptyFile(file: string): LoadedMap {
  return {
    map: undefined,
    valid: false,
    problems: [{ severity: 'error', code: 'syntax', message: EMPTY_FILE, line: 1, column: 1 }],
    sourceText: undefined,
    format: /\.(argdown|ad)$/i.test(file) ? 'argdown' : 'argmap',
  };
}

/**
 * Reads a map's source text: a regular file (not a device, a pipe or a directory) inside the map's folder
 * once links are followed, of at most MAX_TEXT_FILE_BYTES. The path itself was checked by the core
 * (textFileRefusal); this checks what it points to.
 */
async function readTextFile(base: string, path: string, io: CliIo): Promise<string> {
  let real: string;
  let folder: string;
  try {
    [real, folder] = await Promise.all([realpath(resolve(base, path)), realpath(base)]);
  } catch (error) {
    throw new Error(describeIoError(error), { cause: error });
  }
  if (real !== folder && !real.startsWith(folder.endsWith(sep) ? folder : folder + sep))
    throw new Error('it links to a file outside the map\u2019s folder');
  const info = await stat(real);
  if (!info.isFile()) throw new Error('it is not a regular file');
  if (info.size > MAX_TEXT_FILE_BYTES)
    throw new Error(`it is larger than ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB`);
  return io.readFile(real);
}

function describeIoError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
