import * as z from 'zod';
import type { ArgumentMap, Extra, Group, MapNode, Relation, Source, TourStep } from '../../model/types.ts';
import { jsonPointer, type Problem } from '../../problems.ts';
import { problemsFromIssues } from '../argmap-json/issues.ts';
import { nodeKeys, readArgmapValue } from '../argmap-json/parse.ts';
import { toArgmapJson } from '../argmap-json/serialise.ts';
import { extraWithoutOrigin } from './origin.ts';
import { without } from '../own-keys.ts';
import { extensionKey, isRecord, own, type AifId, type JsonObject } from './types.ts';

/**
 * The `argmap` extension: a top-level key of an exported AIF file with what AIF cannot hold, so that
 * argmap → AIF → argmap gives the map back. AIF tools ignore keys they do not know. It only holds what the
 * AIF part does not already say (an AIF file read from elsewhere has none, and the export of such a map
 * adds none unless the map was changed):
 *
 *     "argmap": {
 *       "version": 1,
 *       "title": "…", "source": {…} | null, "groups": […], "tour": […], …unknown top-level keys of the map,
 *       "nodes": [{ "id", "type": "argument", "title", "group", "tags", "quote", "note",
 *                   "implicit": false, "speaker", "premises", "conclusion", "extra": {…} }],
 *       "relations": [{ "id", "tags", "note", "extra": {…}, "contradiction": <nodeID of the second CA>,
 *                       "kind": "entails" | "contrary" }]
 *     }
 *
 * Title, source, groups and tour are written as in argmap JSON. `source: null` says that the map had no
 * source although OVA's `text` would give one. Entries are matched by id: a model id is always the string
 * form of its AIF nodeID. A relation's `tags` are only written when they differ from what the reader derives
 * from the node type (MA → "rephrase"). An implicit statement is an EN node; `implicit: false` says that a
 * statement was marked not implicit. `speaker` is written where the dialogue layer (see speakers.ts) names
 * another speaker than the map's, or one where the map has none (`null`). A contradiction is written as two CA nodes, a → b and b → a; the
 * entry of the first names the second, which the reader then folds back into one relation. Argdown's strict
 * kinds take AIF's nearest scheme (entails an RA, contrary a CA) and `kind` says which they were.
 */

export interface NodeDetails {
  readonly type?: 'argument';
  readonly title?: string;
  readonly group?: string;
  readonly tags?: readonly string[];
  readonly quote?: string;
  readonly note?: string;
  /** False for a statement written as an I node that the map says is not implicit (EN says true). */
  readonly implicit?: boolean;
  /** The speaker, where the dialogue layer names another or none; null: none, although it names one. */
  readonly speaker?: string | null;
  readonly premises?: readonly string[];
  readonly conclusion?: string;
  readonly extra?: Extra;
}

export interface RelationDetails {
  readonly tags?: readonly string[];
  readonly note?: string;
  readonly extra?: Extra;
  /** The string form of the nodeID of the mirrored CA node of a contradiction. */
  readonly contradiction?: string;
  /**
   * Argdown's strict kinds, which AIF has no scheme for: an `entails` is written as an RA node, a
   * `contrary` as a CA node, and this says which it was.
   */
  readonly kind?: 'entails' | 'contrary';
}

export interface MapDetails {
  readonly title?: string;
  readonly source?: Source;
  /** The map had no source, even if OVA's text would give one. */
  readonly noSource: boolean;
  readonly groups: readonly Group[];
  readonly tour?: readonly TourStep[];
  readonly extra?: Extra;
}

export interface ArgmapExtension {
  readonly map: MapDetails;
  readonly nodes: ReadonlyMap<string, NodeDetails>;
  readonly relations: ReadonlyMap<string, RelationDetails>;
}

const id = z.string().min(1, 'an id must not be empty');
const tags = z.array(z.string().min(1, 'a tag must not be empty'));
const extra = z.custom<JsonObject>(isRecord, { error: '"extra" must be an object' });

const nodeEntrySchema = z.looseObject({
  id,
  type: z.literal('argument').optional(),
  title: z.string().optional(),
  group: z.string().optional(),
  tags: tags.optional(),
  quote: z.string().optional(),
  note: z.string().optional(),
  implicit: z.boolean().optional(),
  speaker: z.string().nullable().optional(),
  premises: z.array(id).optional(),
  conclusion: id.optional(),
  extra: extra.optional(),
});

const relationEntrySchema = z.looseObject({
  id,
  tags: tags.optional(),
  note: z.string().optional(),
  extra: extra.optional(),
  contradiction: z.union([id, z.number()]).optional(),
  kind: z.enum(['entails', 'contrary']).optional(),
});

/** A node's own keys but its id and text, which the AIF node holds. */
const nodeDetailKeys = nodeKeys.filter((key) => key !== 'id' && key !== 'text');
const relationDetailKeys = ['tags', 'note'];

/** Reads the extension of a file; problems point into it (`/argmap/…`); a broken part is left out. */
export function readExtension(value: unknown, problems: Problem[]): ArgmapExtension | undefined {
  if (value === undefined) return undefined;
  const at = (...path: (string | number)[]) => jsonPointer([extensionKey, ...path]);
  if (!isRecord(value)) {
    problems.push({
      severity: 'warning',
      code: 'schema',
      pointer: at(),
      message: `"${extensionKey}" must be an object; it is ignored`,
    });
    return undefined;
  }
  if (own(value, 'version') !== 1) {
    problems.push({
      severity: 'warning',
      code: 'schema',
      pointer: at('version'),
      message: `"${extensionKey}" should have "version": 1; reading it anyway`,
    });
  }
  return {
    map: readMapDetails(value, problems),
    nodes: readEntries(value, 'nodes', nodeEntrySchema, problems, (raw) => ({
      ...copyKnown(raw, nodeDetailKeys),
      ...extraOf(raw),
    })),
    relations: readEntries(value, 'relations', relationEntrySchema, problems, (raw) => {
      const twin = own(raw, 'contradiction');
      const kind = own(raw, 'kind');
      return {
        ...copyKnown(raw, relationDetailKeys),
        ...(kind === 'entails' || kind === 'contrary' ? { kind } : {}),
        ...extraOf(raw),
        ...(twin !== undefined ? { contradiction: String(twin) } : {}),
      };
    }),
  };
}

/** Title, source, groups, tour and unknown keys, read by the argmap JSON reader itself. */
function readMapDetails(value: JsonObject, problems: Problem[]): MapDetails {
  const noSource = own(value, 'source') === null;
  const header = without(value, ['version', 'format', 'nodes', 'relations', ...(noSource ? ['source'] : [])]);
  const read = readArgmapValue({ ...header, format: 'argmap', version: 1, nodes: [] });
  problems.push(
    ...read.problems.map((problem) => ({
      ...problem,
      pointer: jsonPointer([extensionKey]) + (problem.pointer ?? ''),
    })),
  );
  const map = read.map;
  return {
    ...(map?.title !== undefined ? { title: map.title } : {}),
    ...(map?.source !== undefined ? { source: map.source } : {}),
    noSource,
    groups: map?.groups ?? [],
    ...(map?.tour !== undefined ? { tour: map.tour } : {}),
    ...(map?.extra !== undefined ? { extra: map.extra } : {}),
  };
}

function readEntries<T>(
  value: JsonObject,
  key: 'nodes' | 'relations',
  schema: z.ZodType,
  problems: Problem[],
  read: (raw: JsonObject) => T,
): Map<string, T> {
  const entries = new Map<string, T>();
  const list = own(value, key);
  if (list === undefined) return entries;
  if (!Array.isArray(list)) {
    problems.push({
      severity: 'error',
      code: 'schema',
      pointer: jsonPointer([extensionKey, key]),
      message: `"${extensionKey}.${key}" must be an array`,
    });
    return entries;
  }
  list.forEach((raw: unknown, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      problems.push(...problemsFromIssues(result.error.issues, [extensionKey, key, index], raw));
      return;
    }
    const entry = raw as JsonObject;
    const entryId = entry.id as string;
    if (!entries.has(entryId)) entries.set(entryId, read(entry));
  });
  return entries;
}

/** The known keys that are present; arrays are copied so that the map shares nothing with the input. */
function copyKnown(raw: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(
    keys
      .filter((key) => own(raw, key) !== undefined)
      .map((key) => {
        const value = own(raw, key);
        return [key, Array.isArray(value) ? [...(value as unknown[])] : value];
      }),
  );
}

function extraOf(raw: JsonObject): { extra?: Extra } {
  const value = own(raw, 'extra');
  return isRecord(value) && Object.keys(value).length > 0
    ? { extra: Object.fromEntries(Object.entries(value)) }
    : {};
}

// Writing

/** Whether two tag lists are the same; absent equals absent only. */
export function sameTags(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/**
 * The extension entry of a node, or undefined when the AIF node says it all. `written` is what the AIF file
 * says of the node: EN or I, and the speaker its dialogue layer names.
 */
export function nodeEntry(
  node: MapNode,
  written: { readonly implicit: boolean; readonly speaker: string | undefined },
): JsonObject | undefined {
  const argument = node.type === 'argument';
  const entry = definedEntries({
    type: argument ? 'argument' : undefined,
    title: node.title,
    group: node.group,
    tags: node.tags ? [...node.tags] : undefined,
    quote: node.quote,
    note: node.note,
    implicit: node.implicit === false ? false : undefined,
    speaker: node.speaker === written.speaker ? undefined : (node.speaker ?? null),
    premises: argument && node.premises ? [...node.premises] : undefined,
    conclusion: argument ? node.conclusion : undefined,
    extra: extraWithoutOrigin(node.extra),
  });
  return Object.keys(entry).length > 0 ? { id: node.id, ...entry } : undefined;
}

/** The extension entry of a relation, or undefined when the AIF scheme node and its edges say it all. */
export function relationEntry(
  relation: Relation,
  derivedTags: readonly string[] | undefined,
  twin: AifId | undefined,
): JsonObject | undefined {
  const entry = definedEntries({
    tags: sameTags(relation.tags, derivedTags) ? undefined : [...(relation.tags ?? [])],
    note: relation.note,
    extra: extraWithoutOrigin(relation.extra),
    contradiction: twin,
    kind: relation.type === 'entails' || relation.type === 'contrary' ? relation.type : undefined,
  });
  return Object.keys(entry).length > 0 ? { id: relation.id, ...entry } : undefined;
}

/**
 * The whole extension, or undefined when it would be empty. `derivedSource` is the source the reader will
 * take from OVA's text; the map's own source is only written when it differs.
 */
export function writeExtension(
  map: ArgumentMap,
  derivedSource: Source | undefined,
  nodes: readonly JsonObject[],
  relations: readonly JsonObject[],
): JsonObject | undefined {
  const sourceIsDerived =
    derivedSource === undefined
      ? map.source === undefined
      : map.source !== undefined &&
        Object.keys(map.source).length === 1 &&
        map.source.text === derivedSource.text;
  const header = toArgmapJson({
    ...(map.title !== undefined ? { title: map.title } : {}),
    ...(map.source !== undefined && !sourceIsDerived ? { source: map.source } : {}),
    groups: map.groups,
    nodes: [],
    relations: [],
    ...(map.tour !== undefined ? { tour: map.tour } : {}),
    ...(extraWithoutOrigin(map.extra) ? { extra: extraWithoutOrigin(map.extra) } : {}),
  });
  const skipped = ['format', 'version', 'nodes', 'relations', ...(map.groups.length === 0 ? ['groups'] : [])];
  const extension: JsonObject = {
    version: 1,
    ...without(header, skipped),
    ...(!sourceIsDerived && map.source === undefined ? { source: null } : {}),
    ...(nodes.length > 0 ? { nodes } : {}),
    ...(relations.length > 0 ? { relations } : {}),
  };
  return Object.keys(extension).length > 1 ? extension : undefined;
}

function definedEntries(value: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
