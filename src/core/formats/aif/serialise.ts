import type { ArgumentMap, MapNode, Relation } from '../../model/types.ts';
import { nodeEntry, relationEntry, writeExtension } from './extension.ts';
import { createIdSource } from './ids.ts';
import {
  readDocumentOrigin,
  readRelationOrigin,
  readStatementOrigin,
  type InferenceOrigin,
  type PlacedEdge,
  type RelationOrigin,
} from './origin.ts';
import { defineEntries, without } from '../own-keys.ts';
import { sourceFromOvaText } from './source-text.ts';
import { planSpeakers } from './speakers.ts';
import {
  defaultSchemeText,
  extensionKey,
  idKey,
  isRecord,
  own,
  rephraseTag,
  type AifId,
  type JsonObject,
} from './types.ts';

/** Writes a map as AIF JSON: pretty, 2-space indent, trailing newline. */
export function serialiseAif(map: ArgumentMap): string {
  return JSON.stringify(toAifJson(map), null, 2) + '\n';
}

/** An AIF node or edge to write, with its position in the file it was read from (new ones go last). */
interface Placed {
  readonly index: number | undefined;
  readonly value: unknown;
}

/**
 * The map as an AIF document, in the shape it was read from (an AIFdb nodeset unless it came from OVA3).
 * Statements and arguments become I nodes (EN for an implicit statement), support RA (MA when
 * tagged "rephrase"), attack CA, undercut a CA (or the RA or MA it was) into the attacked relation's
 * scheme node, contradiction two CA nodes a → b and b → a. The AIF data kept in `extra` (see origin.ts)
 * gives back ids, fields, order and the dialogue layer; the `argmap` extension (see extension.ts) what AIF
 * cannot hold. A statement's speaker is a locution of a participant (see speakers.ts).
 */
export function toAifJson(map: ArgumentMap): JsonObject {
  const stored = readDocumentOrigin(map.extra);
  const shape = stored?.shape ?? 'nodeset';
  const document = stored?.document ?? { locutions: [] };
  const statementOrigins = map.nodes.map((node) => readStatementOrigin(node.extra));
  const relationOrigins = map.relations.map((relation) => readRelationOrigin(relation.extra));

  const storedIds = [
    ...statementOrigins.map((origin) => own(origin?.node ?? {}, 'nodeID')),
    ...relationOrigins.flatMap((origin) => [
      own(origin?.node ?? {}, 'nodeID'),
      own(origin?.twin?.node ?? {}, 'nodeID'),
    ]),
    ...(stored?.nodes ?? []).map((placed) =>
      isRecord(placed.node) ? own(placed.node, 'nodeID') : undefined,
    ),
  ];
  const storedEdges = [
    ...relationOrigins.flatMap((origin) => [...(origin?.edges ?? []), ...(origin?.twin?.edges ?? [])]),
    ...(stored?.edges ?? []),
  ].map((placed) => (isRecord(placed.edge) ? own(placed.edge, 'edgeID') : undefined));
  const modelIds = new Set([
    ...map.nodes.map((node) => node.id),
    ...map.relations.map((relation) => relation.id),
  ]);
  const freshId = createIdSource(
    [...modelIds, ...[...storedIds, ...storedEdges].flatMap((id) => idKey(id) ?? [])],
    shape === 'ova3' || storedIds.some((id) => typeof id === 'number'),
  );

  // A model id is the string form of its AIF id: the stored id keeps its type (number or string).
  const typedId = (id: string, origin: { node: JsonObject } | undefined): AifId => {
    const original = origin ? own(origin.node, 'nodeID') : undefined;
    return idKey(original) === id ? (original as AifId) : id;
  };
  const nodeIds = new Map(map.nodes.map((node, i) => [node.id, typedId(node.id, statementOrigins[i])]));
  const schemeIds = new Map(map.relations.map((r, i) => [r.id, typedId(r.id, relationOrigins[i])]));

  const nodes: Placed[] = [];
  const edges: Placed[] = [];
  const nodeEntries: JsonObject[] = [];
  const relationEntries: JsonObject[] = [];

  const said = planSpeakers(map, nodeIds, document, freshId);
  map.nodes.forEach((node, i) => {
    const origin = statementOrigins[i];
    const value = statementNode(node, nodeIds.get(node.id) as AifId, origin?.node);
    nodes.push({ index: origin?.index, value });
    const entry = nodeEntry(node, { implicit: node.implicit === true, speaker: said.speakers.get(node.id) });
    if (entry) nodeEntries.push(entry);
  });
  for (const value of said.nodes) nodes.push({ index: undefined, value });
  for (const value of said.edges) edges.push({ index: undefined, value });

  const takenTwins = new Set<string>();
  map.relations.forEach((relation, i) => {
    const origin = relationOrigins[i];
    const schemeId = schemeIds.get(relation.id) as AifId;
    const type = schemeType(relation, own(origin?.node ?? {}, 'type'));
    nodes.push({ index: origin?.index, value: schemeNode(schemeId, type, origin?.node) });
    const target = relation.type === 'undercut' ? schemeIds.get(relation.to) : nodeIds.get(relation.to);
    const connect = edgeMaker(origin, edges, freshId);
    for (const premise of relation.from) connect(nodeIds.get(premise), schemeId);
    connect(schemeId, target ?? nodeIds.get(relation.to) ?? schemeIds.get(relation.to));

    let twinId: AifId | undefined;
    if (relation.type === 'contradiction') {
      twinId = mirroredId(origin?.twin, modelIds, takenTwins) ?? freshId();
      nodes.push({ index: origin?.twin?.index, value: schemeNode(twinId, 'CA', origin?.twin?.node) });
      const connectTwin = edgeMaker(origin?.twin, edges, freshId);
      connectTwin(nodeIds.get(relation.to), twinId);
      connectTwin(twinId, nodeIds.get(relation.from[0] ?? ''));
    }
    const entry = relationEntry(relation, type === 'MA' ? [rephraseTag] : undefined, twinId);
    if (entry) relationEntries.push(entry);
  });

  for (const placed of stored?.nodes ?? []) nodes.push({ index: placed.index, value: placed.node });
  const written = new Set(
    nodes.flatMap(({ value }) => (isRecord(value) ? (idKey(own(value, 'nodeID')) ?? []) : [])),
  );
  // Kept edges (dialogue, surplus conclusions) come back when both their ends are still there.
  for (const placed of stored?.edges ?? []) {
    if (endsExist(placed.edge, written)) edges.push({ index: placed.index, value: placed.edge });
  }

  const extension = writeExtension(map, sourceFromOvaText(shape, document), nodeEntries, relationEntries);
  return assemble(
    shape,
    withLiveOvaLayout(said.document, written),
    inFileOrder(nodes),
    inFileOrder(edges),
    extension,
  );
}

/** An I node, or an EN node (OVA's enthymeme: a premise left unstated) for an implicit statement. */
function statementNode(node: MapNode, nodeID: AifId, stored: JsonObject | undefined): JsonObject {
  const type = node.implicit === true ? 'EN' : 'I';
  return { nodeID, text: node.text, type, ...without(stored ?? {}, ['nodeID', 'text', 'type']) };
}

/** The scheme node type a relation is written as; the reader takes each of these back to the same relation. */
function schemeType(relation: Relation, storedType: unknown): 'RA' | 'CA' | 'MA' {
  const rephrase = relation.tags?.includes(rephraseTag) ?? false;
  switch (relation.type) {
    case 'support':
      return rephrase ? 'MA' : 'RA';
    // AIF has no scheme of its own for entailment: the nearest is inference (RA); the extension keeps the kind.
    case 'entails':
      return 'RA';
    case 'undercut':
      if (storedType === 'RA') return 'RA';
      return storedType === 'MA' && rephrase ? 'MA' : 'CA';
    default:
      return 'CA';
  }
}

/** The stored scheme node with its fields (text, scheme, timestamp…) when its type is unchanged, else a new one. */
function schemeNode(nodeID: AifId, type: string, stored: JsonObject | undefined): JsonObject {
  if (!stored || own(stored, 'type') !== type) return { nodeID, text: defaultSchemeText[type], type };
  const text = own(stored, 'text');
  return {
    nodeID,
    text: typeof text === 'string' ? text : defaultSchemeText[type],
    type,
    ...without(stored, ['nodeID', 'text', 'type']),
  };
}

/** The stored id of a contradiction's mirrored CA node, when nothing else has taken it. */
function mirroredId(twin: InferenceOrigin | undefined, modelIds: ReadonlySet<string>, taken: Set<string>) {
  const id = twin ? own(twin.node, 'nodeID') : undefined;
  const key = idKey(id);
  if (key === undefined || modelIds.has(key) || taken.has(key)) return undefined;
  taken.add(key);
  return id as AifId;
}

/**
 * Adds edges of one scheme node: the stored edge between the same two nodes when there is one (its edgeID
 * and fields come back), else a new edge. An end that is not in the map (an invalid map) adds nothing.
 */
function edgeMaker(
  origin: RelationOrigin | InferenceOrigin | undefined,
  edges: Placed[],
  freshId: () => AifId,
) {
  const unused = new Set<PlacedEdge>(origin?.edges ?? []);
  return (from: AifId | undefined, to: AifId | undefined): void => {
    if (from === undefined || to === undefined) return;
    for (const placed of unused) {
      const edge = placed.edge;
      if (
        isRecord(edge) &&
        idKey(own(edge, 'fromID')) === String(from) &&
        idKey(own(edge, 'toID')) === String(to)
      ) {
        unused.delete(placed);
        edges.push({ index: placed.index, value: { ...edge, fromID: from, toID: to } });
        return;
      }
    }
    edges.push({ index: undefined, value: { edgeID: freshId(), fromID: from, toID: to, formEdgeID: null } });
  };
}

function endsExist(edge: unknown, written: ReadonlySet<string>): boolean {
  if (!isRecord(edge)) return false;
  const from = idKey(own(edge, 'fromID'));
  const to = idKey(own(edge, 'toID'));
  return from !== undefined && to !== undefined && written.has(from) && written.has(to);
}

/** Nodes and edges read from a file go back to their places; new ones follow, in map order. */
function inFileOrder(placed: readonly Placed[]): unknown[] {
  const rank = (p: Placed) => p.index ?? Number.POSITIVE_INFINITY;
  return [...placed]
    .sort((a, b) => (rank(a) === rank(b) ? 0 : rank(a) < rank(b) ? -1 : 1))
    .map((p) => p.value);
}

/** OVA3's layout block without the positions and arrows of nodes that are gone. */
function withLiveOvaLayout(document: JsonObject, written: ReadonlySet<string>): JsonObject {
  const ova = own(document, 'OVA');
  if (!isRecord(ova)) return document;
  const live = (entry: unknown, keys: readonly string[]) =>
    !isRecord(entry) ||
    keys.every((key) => own(entry, key) === undefined || written.has(idKey(own(entry, key)) ?? ''));
  const layout = Object.fromEntries(
    Object.entries(ova).map(([key, value]) => {
      if (key === 'nodes' && Array.isArray(value))
        return [key, value.filter((entry) => live(entry, ['nodeID']))];
      if (key === 'edges' && Array.isArray(value))
        return [key, value.filter((entry) => live(entry, ['fromID', 'toID']))];
      return [key, value];
    }),
  );
  return Object.fromEntries(
    Object.entries(document).map(([key, value]) => [key, key === 'OVA' ? layout : value]),
  );
}

function assemble(
  shape: 'nodeset' | 'ova3',
  document: JsonObject,
  nodes: unknown[],
  edges: unknown[],
  extension: JsonObject | undefined,
): JsonObject {
  const tail = extension ? { [extensionKey]: extension } : undefined;
  if (shape === 'nodeset') {
    return defineEntries(
      defineEntries({ nodes, edges }, without(document, ['nodes', 'edges', extensionKey])),
      tail,
    );
  }
  const stored = own(document, 'AIF');
  const aif = defineEntries(
    { nodes, edges },
    isRecord(stored) ? without(stored, ['nodes', 'edges']) : undefined,
  );
  return defineEntries(defineEntries({ AIF: aif }, without(document, ['AIF', extensionKey])), tail);
}
