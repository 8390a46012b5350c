/**
 * A set of box ids held in state or derived from it: an immutable value, replaced whole on every change, so
 * that whatever is derived from it is derived afresh (a reactive SvelteSet would be tracked element by
 * element, for nothing).
 */
export const idSet = (ids: Iterable<string> = []): ReadonlySet<string> => new Set(ids);

/** The set holds exactly these ids. */
export const holdsExactly = (set: ReadonlySet<string>, ids: readonly string[]): boolean =>
  set.size === ids.length && ids.every((id) => set.has(id));
