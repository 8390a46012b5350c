import type { ReadRelated } from './load.ts';

/** Reads related files from a set sent along (to a worker, which cannot fetch them itself). */
export const relatedReader = (
  related: Readonly<Record<string, string>> | undefined,
): ReadRelated | undefined =>
  related && (async (path) => (Object.hasOwn(related, path) ? related[path] : undefined));

/**
 * Why a map may not name this file as its source text, or undefined when it may. A map names files in its
 * own folder or below, by a relative path: an absolute path, a URL or a `..` that climbs out of the folder
 * would let a map read (and "verify" quotes against) any file of whoever opens it (README.md, "The map
 * format").
 */
export function textFileRefusal(path: string): string | undefined {
  if (path === '') return 'the path is empty';
  if (/^[/\\]/.test(path) || /^[a-z][a-z0-9+.-]*:/i.test(path))
    return 'only a relative path in the map\u2019s folder or below is read, not an absolute path or a URL';
  let depth = 0;
  for (const segment of path.split(/[/\\]/)) {
    if (segment === '..') depth -= 1;
    else if (segment !== '' && segment !== '.') depth += 1;
    if (depth < 0) return 'only files in the map\u2019s folder or below are read, not ".." above it';
  }
  return undefined;
}
