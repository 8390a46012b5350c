import { isRecord, own, type AifShape, type JsonObject } from './types.ts';

/** Where the node and edge lists of an AIF document are. */
export interface AifDocument {
  readonly shape: AifShape;
  /** The whole parsed file. */
  readonly top: JsonObject;
  /** The object holding `nodes` and `edges`: the file itself, or OVA3's `AIF` object. */
  readonly container: JsonObject;
  /** JSON pointer path of `container`, to point problems at the file. */
  readonly path: readonly string[];
}

/**
 * True for a parsed JSON value that is AIF: an object with `nodes` and `edges` arrays (an AIFdb nodeset) or
 * with an `AIF` object holding them (an OVA3 file). An argmap file (`"format": "argmap"`) never is.
 */
export function looksLikeAif(value: unknown): boolean {
  const found = findAifDocument(value);
  return found !== undefined && Array.isArray(own(found.container, 'edges'));
}

/** The AIF lists of a value, when it has at least a `nodes` array; OVA3's `AIF` object wins over the top. */
export function findAifDocument(value: unknown): AifDocument | undefined {
  if (!isRecord(value) || own(value, 'format') === 'argmap') return undefined;
  const ova = own(value, 'AIF');
  if (isRecord(ova) && Array.isArray(own(ova, 'nodes'))) {
    return { shape: 'ova3', top: value, container: ova, path: ['AIF'] };
  }
  if (Array.isArray(own(value, 'nodes'))) return { shape: 'nodeset', top: value, container: value, path: [] };
  return undefined;
}
