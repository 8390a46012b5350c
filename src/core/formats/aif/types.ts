/**
 * AIF JSON as AIFdb and OVA write it, and the small helpers every AIF file needs. Input is untrusted JSON:
 * nothing here assumes a shape before checking it, and unknown keys are only ever copied with
 * `Object.fromEntries`, spread or `Object.defineProperty` (never `target[key] = value`), so that a key named
 * `__proto__` stays plain data.
 */

/** AIFdb writes ids as strings, OVA3 as numbers; the original type is written back on export. */
export type AifId = string | number;

export type JsonObject = Record<string, unknown>;

/** The two shapes seen in the wild: AIFdb's plain nodeset and OVA3's saved file (`{AIF, text, OVA}`). */
export type AifShape = 'nodeset' | 'ova3';

/** Node types that become model elements; every other type (L, YA, TA, PA, unknown) is kept as data. */
export const statementTypes: ReadonlySet<string> = new Set(['I', 'EN']);
export const inferenceTypes: ReadonlySet<string> = new Set(['RA', 'CA', 'MA']);

/** What AIFdb writes as the text of a scheme node that names no scheme. */
export const defaultSchemeText: Readonly<Record<string, string>> = {
  RA: 'Default Inference',
  CA: 'Default Conflict',
  MA: 'Default Rephrase',
};

/** The tag the reader gives to what AIF marks by type: MA (rephrase) inferences. (EN nodes are `implicit`.) */
export const rephraseTag = 'rephrase';

/** The top-level key of the extension that carries what AIF cannot hold (see extension.ts). */
export const extensionKey = 'argmap';

export const isRecord = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property only: inherited names (`constructor`, a polluted prototype) never count. */
export const own = (object: JsonObject, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

/** The model's id for an AIF id (its string form), or undefined when the value cannot be an id. */
export function idKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** How a value is described in a problem message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
