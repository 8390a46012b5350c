import type { Extra } from '../model/types.ts';

/**
 * Keys read from a file are data, whatever their name: every copy here defines own properties (as
 * `Object.fromEntries` and `Object.defineProperty` do), so that a key named `__proto__` stays a plain key
 * and never reaches a prototype. The readers and writers of every format keep unknown keys with these.
 */

/** Adds the entries of `extra` that `target` does not have yet, as own properties, after its own. */
export function defineEntries<T extends Record<string, unknown>>(target: T, extra: Extra | undefined): T {
  if (!extra) return target;
  for (const key of Object.keys(extra)) {
    if (Object.prototype.hasOwnProperty.call(target, key)) continue;
    Object.defineProperty(target, key, {
      value: extra[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return target;
}

/** A shallow copy without some keys. */
export function without(object: Extra, keys: readonly string[]): Record<string, unknown> {
  // A set: front matter may hold a hundred thousand keys, and all of them can be the ones left out.
  const left = new Set(keys);
  return Object.fromEntries(Object.entries(object).filter(([key]) => !left.has(key)));
}

/** The keys of `raw` the model has no field for, as `extra` (absent when there are none). */
export function unknownKeys(raw: Extra, known: readonly string[]): { extra?: Extra } {
  const extra = without(raw, known);
  return Object.keys(extra).length > 0 ? { extra } : {};
}
