import type { Extra } from '../../model/types.ts';
import { isRecord, own, type AifShape, type JsonObject } from './types.ts';

/**
 * Where the AIF data lives in the model, so that AIF → argmap → AIF gives back every node and every edge
 * (same ids with the same types, same fields, same order). Everything sits under the key `aif` of `extra`,
 * which argmap JSON keeps on round trips like any unknown key:
 *
 * - statement (from an I or EN node): `extra.aif = { index, node }`
 *   `node` is the AIF node without `text` (the model's text is the one truth): the typed `nodeID`, `type`,
 *   `timestamp` and whatever else it had; `index` is its position in the file's `nodes`, so that export
 *   writes the nodes back in the same order.
 * - relation (from an RA, CA or MA node): `extra.aif = { index, node, edges: [{ index, edge }], twin? }`
 *   `node` is the whole scheme node (text such as "Default Inference", `scheme`, `schemeID`, …); `edges`
 *   are its premise edges and its conclusion edge, whole, each with its position in the file's `edges`;
 *   `twin` is, for a contradiction, the second CA node (b → a) and its edges, in the same layout.
 * - map: `extra.aif = { shape, document, nodes: [{ index, node }], edges: [{ index, edge }] }`
 *   `shape` is "nodeset" (AIFdb) or "ova3"; `document` is the file without its nodes, edges and `argmap`
 *   extension (locutions, participants, schemefulfillments, other keys; for OVA3 `{ AIF, text, OVA }` with
 *   the same gaps inside `AIF`); `nodes` and `edges` hold, whole and with their positions, everything the
 *   model has no place for: L, YA, TA, PA and unknown nodes, nodes with errors, the edges that touch them,
 *   surplus conclusions and broken edges.
 *
 * Readers below accept whatever a user may have edited: a part that does not fit is treated as absent.
 */

export const originKey = 'aif';

export interface PlacedNode {
  readonly index?: number;
  readonly node: unknown;
}

export interface PlacedEdge {
  readonly index?: number;
  readonly edge: unknown;
}

export interface StatementOrigin {
  readonly index?: number;
  readonly node: JsonObject;
}

export interface InferenceOrigin {
  readonly index?: number;
  readonly node: JsonObject;
  readonly edges: readonly PlacedEdge[];
}

export interface RelationOrigin extends InferenceOrigin {
  readonly twin?: InferenceOrigin;
}

export interface DocumentOrigin {
  readonly shape: AifShape;
  readonly document: JsonObject;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

const indexOf = (value: unknown): { index?: number } =>
  Number.isInteger(value) && (value as number) >= 0 ? { index: value as number } : {};

const originOf = (extra: Extra | undefined): JsonObject | undefined => {
  const aif = extra ? own(extra, originKey) : undefined;
  return isRecord(aif) ? aif : undefined;
};

const placedEdges = (value: unknown): PlacedEdge[] =>
  Array.isArray(value)
    ? value
        .filter(isRecord)
        .map((placed) => ({ ...indexOf(own(placed, 'index')), edge: own(placed, 'edge') }))
    : [];

export function readStatementOrigin(extra: Extra | undefined): StatementOrigin | undefined {
  const aif = originOf(extra);
  const node = aif && own(aif, 'node');
  return aif && isRecord(node) ? { ...indexOf(own(aif, 'index')), node } : undefined;
}

function readInferenceOrigin(aif: JsonObject): InferenceOrigin | undefined {
  const node = own(aif, 'node');
  if (!isRecord(node)) return undefined;
  return { ...indexOf(own(aif, 'index')), node, edges: placedEdges(own(aif, 'edges')) };
}

export function readRelationOrigin(extra: Extra | undefined): RelationOrigin | undefined {
  const aif = originOf(extra);
  const origin = aif && readInferenceOrigin(aif);
  if (!aif || !origin) return undefined;
  const twin = own(aif, 'twin');
  const twinOrigin = isRecord(twin) ? readInferenceOrigin(twin) : undefined;
  return twinOrigin ? { ...origin, twin: twinOrigin } : origin;
}

export function readDocumentOrigin(extra: Extra | undefined): DocumentOrigin | undefined {
  const aif = originOf(extra);
  if (!aif) return undefined;
  const shape = own(aif, 'shape') === 'ova3' ? 'ova3' : 'nodeset';
  const document = own(aif, 'document');
  const nodes = own(aif, 'nodes');
  return {
    shape,
    document: isRecord(document) ? document : {},
    nodes: Array.isArray(nodes)
      ? nodes
          .filter(isRecord)
          .map((placed) => ({ ...indexOf(own(placed, 'index')), node: own(placed, 'node') }))
      : [],
    edges: placedEdges(own(aif, 'edges')),
  };
}

/** The extra of an element with its AIF origin, after the element's other unknown keys. */
export function withOrigin(extra: Extra | undefined, origin: object): Extra {
  return Object.fromEntries([
    ...Object.entries(extra ?? {}).filter(([key]) => key !== originKey),
    [originKey, origin],
  ]);
}

/** The unknown keys of an element other than its AIF origin, or undefined when there are none. */
export function extraWithoutOrigin(extra: Extra | undefined): Extra | undefined {
  const entries = Object.entries(extra ?? {}).filter(([key]) => key !== originKey);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
