import type { ReadRelated } from './load.ts';

/** Reads related files from a set sent along (to a worker, which cannot fetch them itself). */
export const relatedReader = (
  related: Readonly<Record<string, string>> | undefined,
): ReadRelated | undefined =>
  related && (async (path) => (Object.hasOwn(related, path) ? related[path] : undefined));
