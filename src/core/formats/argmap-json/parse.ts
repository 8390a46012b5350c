import type * as z from 'zod';
import type { ArgumentMap, Group, MapNode, Relation, Source, TourStep } from '../../model/types.ts';
import type { Problem } from '../../problems.ts';
import { parseJsonText } from '../json-text.ts';
import { unknownKeys } from '../own-keys.ts';
import { problemsFromIssues } from './issues.ts';
import { groupSchema, headerSchema, nodeSchema, relationSchema, tourStepSchema } from './schema.ts';

/** Where each element of the model came from in the file (its array index), for pointers in problems. */
export interface MapOrigin {
  readonly nodes: readonly number[];
  readonly relations: readonly number[];
  readonly groups: readonly number[];
  readonly tour: readonly number[];
}

export interface ParsedArgmap {
  /** Undefined when the file is not a readable argmap at all (bad JSON, wrong format or version). */
  readonly map: ArgumentMap | undefined;
  /** Structural problems. Elements with problems are left out of `map`, the rest is kept. */
  readonly problems: readonly Problem[];
  readonly origin: MapOrigin;
}

const emptyOrigin: MapOrigin = { nodes: [], relations: [], groups: [], tour: [] };

/** Parses the text of an argmap JSON file; syntax errors carry line:column. */
export function parseArgmapJson(text: string): ParsedArgmap {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { error, position } = parsed;
    return {
      map: undefined,
      origin: emptyOrigin,
      problems: [
        { severity: 'error', code: error.limit ? 'limit' : 'syntax', message: error.message, ...position },
      ],
    };
  }
  return readArgmapValue(parsed.value);
}

/** Reads an already parsed JSON value as an argmap, checking every element on its own. */
export function readArgmapValue(value: unknown): ParsedArgmap {
  const header = headerSchema.safeParse(value);
  if (!header.success) {
    return {
      map: undefined,
      origin: emptyOrigin,
      problems: problemsFromIssues(header.error.issues, [], value),
    };
  }
  const raw = value as Record<string, unknown>;
  const problems: Problem[] = [];

  function elements<T>(key: string, schema: z.ZodType, build: (item: Record<string, unknown>) => T) {
    const list = (raw[key] as unknown[] | undefined) ?? [];
    const kept: T[] = [];
    const indices: number[] = [];
    list.forEach((item, index) => {
      const result = schema.safeParse(item);
      if (result.success) {
        kept.push(build(item as Record<string, unknown>));
        indices.push(index);
      } else problems.push(...problemsFromIssues(result.error.issues, [key, index], item));
    });
    return { kept, indices };
  }

  const groups = elements('groups', groupSchema, readGroup);
  const nodes = elements('nodes', nodeSchema, readNode);
  const relations = elements('relations', relationSchema, readRelation);
  const tour = elements('tour', tourStepSchema, readTourStep);

  const map: ArgumentMap = {
    ...pick(raw, ['title']),
    ...(raw.source !== undefined ? { source: readSource(raw.source as Record<string, unknown>) } : {}),
    groups: groups.kept,
    nodes: nodes.kept,
    relations: relations.kept,
    ...(raw.tour !== undefined ? { tour: tour.kept } : {}),
    ...unknownKeys(raw, topLevelKeys),
  };
  return {
    map,
    problems,
    origin: {
      nodes: nodes.indices,
      relations: relations.indices,
      groups: groups.indices,
      tour: tour.indices,
    },
  };
}

// `$schema` is known to the schema but kept in `extra`, so that it is written back as it was.
const topLevelKeys = ['format', 'version', 'title', 'source', 'groups', 'nodes', 'relations', 'tour'];
/** The keys of a node the model knows, in the order they are written. */
export const nodeKeys = [
  'type',
  'id',
  'text',
  'title',
  'group',
  'tags',
  'quote',
  'note',
  'implicit',
  'speaker',
  'premises',
  'conclusion',
];
const relationKeys = ['type', 'id', 'from', 'to', 'tags', 'note'];
const groupKeys = ['id', 'title', 'parent', 'note'];
const sourceKeys = [
  'title',
  'author',
  'publisher',
  'date',
  'url',
  'attribution',
  'interviewer',
  'textFile',
  'text',
];
const tourKeys = ['focus', 'show', 'title', 'note', 'minutes'];

function readNode(raw: Record<string, unknown>): MapNode {
  const common = pick(raw, ['id', 'text', 'title', 'group', 'tags', 'quote', 'note', 'implicit', 'speaker']);
  const extra = unknownKeys(raw, nodeKeys);
  if (raw.type === 'argument') {
    return { type: 'argument', ...common, ...pick(raw, ['premises', 'conclusion']), ...extra } as MapNode;
  }
  return { type: 'statement', ...common, ...extra } as MapNode;
}

function readRelation(raw: Record<string, unknown>): Relation {
  const from = typeof raw.from === 'string' ? [raw.from] : (raw.from as string[]);
  return {
    ...pick(raw, ['id', 'type', 'to', 'tags', 'note']),
    from,
    ...unknownKeys(raw, relationKeys),
  } as unknown as Relation;
}

function readGroup(raw: Record<string, unknown>): Group {
  return { ...pick(raw, groupKeys), ...unknownKeys(raw, groupKeys) } as Group;
}

function readSource(raw: Record<string, unknown>): Source {
  return { ...pick(raw, sourceKeys), ...unknownKeys(raw, sourceKeys) } as Source;
}

function readTourStep(raw: Record<string, unknown>): TourStep {
  return { ...pick(raw, tourKeys), ...unknownKeys(raw, tourKeys) } as TourStep;
}

/** The known keys that are present (typed loosely: the schema has checked them), copied (arrays copied too, so the model shares nothing with the input). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- values were checked by the schema
function pick(raw: Record<string, unknown>, keys: readonly string[]): Record<string, any> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(raw, key) || raw[key] === undefined) continue;
    const value = raw[key];
    out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}
