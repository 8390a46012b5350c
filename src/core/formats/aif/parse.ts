import type { ArgumentMap, MapNode, Relation } from '../../model/types.ts';
import { jsonPointer, type Problem } from '../../problems.ts';
import { locatePointers, parseJsonText } from '../json-text.ts';
import { findAifDocument, type AifDocument } from './detect.ts';
import { readExtension, type ArgmapExtension, type NodeDetails } from './extension.ts';
import { readInferences, type RelationDraft } from './inferences.ts';
import { withOrigin, type DocumentOrigin, type StatementOrigin } from './origin.ts';
import { sourceFromOvaText } from './source-text.ts';
import { readEdgeTable, readNodeTable, type AifNodeRecord } from './tables.ts';
import { without } from '../own-keys.ts';
import { dialogueLists, dialogueSpeakers } from './speakers.ts';
import { describeValue, extensionKey, isRecord, own, statementTypes } from './types.ts';

/** Where each model element came from in the file, for placing later problems (validation) there. */
export interface AifPlaces {
  /** JSON pointer of the I or EN node of each model node, in the order of `map.nodes`. */
  readonly nodes: readonly string[];
  /** JSON pointer of the RA, CA or MA node of each relation, in the order of `map.relations`. */
  readonly relations: readonly string[];
  /** Whether the file has an `argmap` extension (which holds groups, tour, title and source). */
  readonly extension: boolean;
}

export interface ParsedAif {
  /** Undefined when the value is not AIF at all; otherwise what could be read (broken parts left out). */
  readonly map: ArgumentMap | undefined;
  readonly problems: readonly Problem[];
  readonly places: AifPlaces;
}

const noPlaces: AifPlaces = { nodes: [], relations: [], extension: false };

/** Parses the text of an AIF JSON file; every problem carries line:column. */
export function parseAifText(text: string): ParsedAif {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { error, position } = parsed;
    return {
      map: undefined,
      places: noPlaces,
      problems: [
        { severity: 'error', code: error.limit ? 'limit' : 'syntax', message: error.message, ...position },
      ],
    };
  }
  const read = readAifValue(parsed.value);
  const pointers = read.problems.flatMap((problem) =>
    problem.pointer !== undefined ? [problem.pointer] : [],
  );
  const located = locatePointers(parsed.text, pointers);
  const placed = read.problems.map((problem) => {
    const place = problem.pointer !== undefined ? located.get(problem.pointer) : undefined;
    return place && problem.line === undefined ? { ...problem, ...place } : problem;
  });
  // In text order, as a reader of the file goes through them (the sort is stable).
  const rank = (p: Problem) => [p.line ?? Number.MAX_SAFE_INTEGER, p.column ?? 0] as const;
  placed.sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  return { ...read, problems: placed };
}

/**
 * Reads an already parsed JSON value as AIF (an AIFdb nodeset or an OVA3 file). I and EN nodes become
 * statements, RA/CA/MA nodes relations; everything else is kept in `extra` (layout in origin.ts) so that
 * export gives the file back. Broken parts are reported and left out; the rest is kept.
 */
export function readAifValue(value: unknown): ParsedAif {
  const document = findAifDocument(value);
  if (!document) {
    return { map: undefined, places: noPlaces, problems: [notAif(value)] };
  }
  const problems: Problem[] = [];
  const extension = readExtension(own(document.top, extensionKey), problems);
  const nodeList = own(document.container, 'nodes') as unknown[];
  const records = readNodeTable(nodeList, [...document.path, 'nodes'], problems);

  const nodes: MapNode[] = [];
  const nodePlaces: string[] = [];
  const usedNodes = new Set<number>();
  const edgeList = own(document.container, 'edges');
  const { locutions, participants } = dialogueLists(document.container, 'nodeset');
  const speakers = dialogueSpeakers(
    nodeList,
    Array.isArray(edgeList) ? edgeList : [],
    locutions,
    participants,
  );
  for (const record of records.values()) {
    if (!statementTypes.has(record.type)) continue;
    const details = extension?.nodes.get(record.key);
    const node = readStatement(record, withSpeaker(details, speakers.get(record.key)), problems);
    if (!node) continue;
    nodes.push(node);
    nodePlaces.push(jsonPointer(record.path));
    usedNodes.add(record.index);
  }

  const edges = readEdgeTable(edgeList, [...document.path, 'edges'], records, problems);
  const drafts = foldContradictions(
    readInferences(records, edges, new Set(nodes.map((node) => node.id)), problems),
    extension,
  );
  const usedEdges = new Set<number>();
  for (const draft of drafts) {
    usedNodes.add(draft.origin.index ?? -1);
    usedNodes.add(draft.origin.twin?.index ?? -1);
    for (const placed of [...draft.origin.edges, ...(draft.origin.twin?.edges ?? [])]) {
      usedEdges.add(placed.index ?? -1);
    }
  }

  const origin: DocumentOrigin = {
    shape: document.shape,
    document: documentWithoutLists(document),
    nodes: nodeList.flatMap((node, index) => (usedNodes.has(index) ? [] : [{ index, node }])),
    edges: Array.isArray(edgeList)
      ? edgeList.flatMap((edge: unknown, index) => (usedEdges.has(index) ? [] : [{ index, edge }]))
      : [],
  };
  const details = extension?.map;
  const source =
    details?.source ?? (details?.noSource ? undefined : sourceFromOvaText(document.shape, document.top));
  const map: ArgumentMap = {
    ...(details?.title !== undefined ? { title: details.title } : {}),
    ...(source !== undefined ? { source } : {}),
    groups: details?.groups ?? [],
    nodes,
    relations: drafts.map((draft) => toRelation(draft, extension)),
    ...(details?.tour !== undefined ? { tour: details.tour } : {}),
    extra: withOrigin(details?.extra, origin),
  };
  return {
    map,
    problems,
    places: { nodes: nodePlaces, relations: drafts.map((draft) => draft.pointer), extension: !!extension },
  };
}

/**
 * The extension's details of a statement with its speaker settled: the extension's when it names one (or
 * `null`, none), else the one the dialogue layer names.
 */
function withSpeaker(
  details: NodeDetails | undefined,
  dialogue: string | undefined,
): NodeDetails | undefined {
  if (details?.speaker !== undefined || dialogue === undefined) return details;
  return { ...details, speaker: dialogue };
}

function notAif(value: unknown): Problem {
  const message = !isRecord(value)
    ? `an AIF file is a JSON object with "nodes" and "edges" arrays, not ${describeValue(value)}`
    : own(value, 'format') === 'argmap'
      ? 'this is an argmap file ("format": "argmap"), not AIF'
      : 'not an AIF file: there is no "nodes" array (nor an "AIF" object holding one)';
  return { severity: 'error', code: 'schema', pointer: '', message };
}

/** A statement (or, per the extension, an argument) from an I or EN node; undefined when it has no text. */
function readStatement(
  record: AifNodeRecord,
  details: NodeDetails | undefined,
  problems: Problem[],
): MapNode | undefined {
  const text = own(record.raw, 'text');
  const pointer = jsonPointer([...record.path, 'text']);
  const argument = details?.type === 'argument';
  if (typeof text !== 'string') {
    const found = text === undefined ? 'has no "text"' : `has "text" ${describeValue(text)}`;
    problems.push({
      severity: 'error',
      code: 'schema',
      pointer,
      message: `${record.type} node "${record.key}" ${found}`,
    });
    return undefined;
  }
  if (text.trim() === '' && !(argument && details.title?.trim())) {
    problems.push({
      severity: 'error',
      code: 'empty-text',
      pointer,
      nodeId: record.key,
      message: `${record.type} node "${record.key}" has no text`,
    });
    return undefined;
  }
  const origin: StatementOrigin = { index: record.index, node: without(record.raw, ['text']) };
  const implicit = details?.implicit ?? (record.type === 'EN' ? true : undefined);
  const { type: _type, premises, conclusion, extra, implicit: _implicit, speaker, ...common } = details ?? {};
  return {
    type: argument ? 'argument' : 'statement',
    id: record.key,
    text,
    ...common,
    ...(implicit !== undefined ? { implicit } : {}),
    ...(typeof speaker === 'string' ? { speaker } : {}),
    ...(argument && premises ? { premises: [...premises] } : {}),
    ...(argument && conclusion !== undefined ? { conclusion } : {}),
    extra: withOrigin(extra, origin),
  } as MapNode;
}

/**
 * Our own export writes a contradiction as two CA nodes, a → b and b → a, and names the second in the
 * extension: both were read as attacks; fold them back into one contradiction (undercuts of the second
 * are aimed at the first).
 */
function foldContradictions(
  drafts: RelationDraft[],
  extension: ArgmapExtension | undefined,
): RelationDraft[] {
  if (!extension) return drafts;
  const byId = new Map(drafts.map((draft) => [draft.id, draft]));
  const folded = new Map<string, string>();
  for (const [id, details] of extension.relations) {
    const main = byId.get(id);
    const twin = details.contradiction !== undefined ? byId.get(details.contradiction) : undefined;
    if (!main || !twin || main === twin || main.type !== 'attack' || twin.type !== 'attack') continue;
    if (folded.has(main.id) || folded.has(twin.id)) continue;
    main.type = 'contradiction';
    main.origin = { ...main.origin, twin: { ...twin.origin } };
    folded.set(twin.id, main.id);
  }
  if (folded.size === 0) return drafts;
  return drafts
    .filter((draft) => !folded.has(draft.id))
    .map((draft) => {
      const target = draft.type === 'undercut' ? folded.get(draft.to) : undefined;
      return target !== undefined ? { ...draft, to: target } : draft;
    });
}

function toRelation(draft: RelationDraft, extension: ArgmapExtension | undefined): Relation {
  const details = extension?.relations.get(draft.id);
  const tags = details?.tags ?? draft.tags;
  // An RA the extension calls `entails` is one, a CA it calls `contrary` likewise; a kind that does not
  // fit the node's scheme (an edited file) is not taken.
  const kind =
    (details?.kind === 'entails' && draft.type === 'support') ||
    (details?.kind === 'contrary' && draft.type === 'attack')
      ? details.kind
      : draft.type;
  return {
    id: draft.id,
    type: kind,
    from: draft.from,
    to: draft.to,
    ...(tags ? { tags: [...tags] } : {}),
    ...(details?.note !== undefined ? { note: details.note } : {}),
    extra: withOrigin(details?.extra, draft.origin),
  } as Relation;
}

/** The file without its node and edge lists and without the extension; OVA3's `AIF` keeps its other keys. */
function documentWithoutLists(document: AifDocument) {
  if (document.shape === 'nodeset') return without(document.top, ['nodes', 'edges', extensionKey]);
  return Object.fromEntries(
    Object.entries(document.top)
      .filter(([key]) => key !== extensionKey)
      .map(([key, value]) => [key, key === 'AIF' ? without(document.container, ['nodes', 'edges']) : value]),
  );
}
