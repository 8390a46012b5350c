import { resolve } from 'node:path';
import { loadMapText, type LoadedMap, type LoadOptions } from '../core/load.ts';
import { baseDirectory, displayName, STDIN, type CliIo } from './io.ts';

/** Raised for I/O failures (exit code 2), as opposed to problems in the map (exit code 1). */
export class CliIoError extends Error {}

/** Largest map file the CLI reads; beyond this a map is almost certainly not meant for a picture. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function loadMapFile(
  file: string,
  io: CliIo,
  options: Pick<LoadOptions, 'checkSteps'> = {},
): Promise<LoadedMap> {
  let text: string;
  try {
    text = file === STDIN ? await io.readStdin() : await io.readFile(resolve(io.cwd, file));
  } catch (error) {
    throw new CliIoError(`${displayName(file)}: cannot read: ${describeIoError(error)}`);
  }
  if (text.length > MAX_INPUT_BYTES) {
    throw new CliIoError(`${displayName(file)}: the file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
  }
  const base = baseDirectory(file, io);
  return loadMapText(text, (path) => io.readFile(resolve(base, path)), {
    ...(file === STDIN ? {} : { fileName: file }),
    ...options,
  });
}

function describeIoError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
