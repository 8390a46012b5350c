import type { MapNode, NodeId } from '../../model/types.ts';
import { unknownKeys } from '../own-keys.ts';
import { dataTypeWarnings, nodeDataTypes } from './build-data-types.ts';
import { nodeIdsOf } from './build-ids.ts';
import type { Entry, Place, Report } from './document.ts';
import { readsAsUntitled } from './untitled.ts';

/** Data keys the model knows; any other key of a `{…}` block is kept in the node's `extra`. */
const nodeDataKeys = [
  'id',
  'title',
  'text',
  'group',
  'quote',
  'note',
  'implicit',
  'speaker',
  'tags',
  'premises',
  'conclusion',
];

/** The entries drawn as nodes, in order, each with the place it was defined (or else first named) at. */
export function buildNodes(
  entries: readonly Entry[],
  nodeIdOf: ReadonlyMap<number, NodeId>,
  groupOfHeading: readonly (string | undefined)[],
  report: Report,
): { nodes: MapNode[]; places: Place[] } {
  const nodes: MapNode[] = [];
  const places: Place[] = [];
  entries.forEach((entry, i) => {
    const id = nodeIdOf.get(i);
    if (id === undefined) return;
    nodes.push(buildNode(entry, id, groupOfHeading, nodeIdOf, report));
    places.push(entry.definedAt ?? entry.place);
  });
  return { nodes, places };
}

function buildNode(
  entry: Entry,
  id: NodeId,
  groupOfHeading: readonly (string | undefined)[],
  nodeIdOf: ReadonlyMap<number, NodeId>,
  report: Report,
): MapNode {
  const data = entry.data ?? {};
  const name =
    entry.title === undefined
      ? `the ${entry.kind}`
      : entry.kind === 'argument'
        ? `<${entry.title}>`
        : `[${entry.title}]`;
  dataTypeWarnings(entry.data, nodeDataTypes, name, entry.definedAt ?? entry.place, report);
  const [first, ...others] = entry.texts;
  for (const other of others) {
    if (other.text !== first!.text) {
      report(
        'warning',
        other.place,
        `[${entry.title ?? ''}] is defined again with another text; the first is kept`,
      );
    }
  }
  if (!first && entry.title !== undefined && entry.kind === 'statement' && typeof data.text !== 'string') {
    report('warning', entry.place, `[${entry.title}] is never given a text; its title stands for it`);
  }
  const text = typeof data.text === 'string' ? data.text : (first?.text ?? entry.title ?? '');
  const title =
    'title' in data
      ? typeof data.title === 'string'
        ? data.title
        : undefined
      : readsAsUntitled(entry)
        ? undefined
        : entry.title;
  const group =
    'group' in data
      ? typeof data.group === 'string'
        ? data.group
        : undefined
      : entry.heading !== undefined
        ? groupOfHeading[entry.heading]
        : undefined;
  const tags = Array.isArray(data.tags)
    ? data.tags.filter((t): t is string => typeof t === 'string')
    : entry.tags;
  const common = {
    id,
    text,
    ...(title !== undefined ? { title } : {}),
    ...(group !== undefined ? { group } : {}),
    ...(tags.length > 0 ? { tags: [...tags] } : {}),
    ...(typeof data.quote === 'string' ? { quote: data.quote } : {}),
    ...(typeof data.note === 'string' ? { note: data.note } : {}),
    ...speakerFields(data),
  };
  const extra = unknownKeys(data, nodeDataKeys);
  if (entry.kind === 'statement') return { type: 'statement', ...common, ...extra };
  const reconstruction = reconstructionOf(entry, nodeIdOf);
  const premises = reconstruction?.premises ?? stringList(data.premises);
  const conclusion =
    reconstruction?.conclusion ?? (typeof data.conclusion === 'string' ? data.conclusion : undefined);
  return {
    type: 'argument',
    ...common,
    ...(premises !== undefined ? { premises } : {}),
    ...(conclusion !== undefined ? { conclusion } : {}),
    ...extra,
  };
}

/** Premises of an argument's reconstruction (intermediate conclusions left out) and its final conclusion. */
function reconstructionOf(
  entry: Entry,
  nodeIdOf: ReadonlyMap<number, NodeId>,
): { premises: NodeId[]; conclusion: NodeId | undefined } | undefined {
  if (entry.steps.length === 0) return undefined;
  const concluded = new Set(entry.steps.map((s) => s.conclusion.entry));
  const premises = entry.steps.flatMap((s) => s.premises.filter((p) => !concluded.has(p.entry)));
  return {
    premises: nodeIdsOf(premises, nodeIdOf),
    conclusion: nodeIdOf.get(entry.steps[entry.steps.length - 1]!.conclusion.entry),
  };
}

/** `{implicit: true, speaker: "Interviewer"}`: a statement the reconstruction adds, and who says it. */
function speakerFields(data: Readonly<Record<string, unknown>>): { implicit?: boolean; speaker?: string } {
  return {
    ...(typeof data.implicit === 'boolean' ? { implicit: data.implicit } : {}),
    ...(typeof data.speaker === 'string' ? { speaker: data.speaker } : {}),
  };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}
