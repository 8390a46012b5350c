import type {
  ArgumentMap,
  Extra,
  Group,
  MapNode,
  NodeId,
  Relation,
  Source,
  TourStep,
} from '../../model/types.ts';
import { readArgmapValue } from '../argmap-json/parse.ts';
import { defineEntries, unknownKeys, without } from '../own-keys.ts';
import type { Data } from './inline.ts';
import type { ArgdownDocument, Entry, Place, RelationRecord } from './document.ts';
import type { SourceProblem } from './source-lines.ts';
import { slug } from './syntax.ts';

/** Where each element of the built map was written, by its index in the map's lists. */
export interface ArgdownPlaces {
  readonly nodes: readonly Place[];
  readonly relations: readonly Place[];
  readonly groups: readonly Place[];
}

/** Data keys the model knows; any other key of a `{…}` block is kept in the element's `extra`. */
const nodeDataKeys = ['id', 'title', 'text', 'group', 'quote', 'note', 'tags', 'premises', 'conclusion'];
const relationDataKeys = ['id', 'type', 'tags', 'note'];
const groupDataKeys = ['id', 'parent', 'note', 'title'];

/**
 * Second stage: entries become nodes (an argument only when it is drawn as a box), relation-tree edges and
 * inferences become relations in text order, headings become groups. Ids come from `{id: …}` data, else from
 * titles (or texts) made into slugs, made unique. Undercuts of an argument aim at its inference: the last
 * step of its reconstruction, else the first relation it draws.
 */
export function buildMap(
  doc: ArgdownDocument,
  frontMatter: { value: Data; place: Place } | undefined,
  problems: SourceProblem[],
): { map: ArgumentMap; places: ArgdownPlaces } {
  const report = (severity: 'error' | 'warning', place: Place, message: string) =>
    problems.push({ severity, ...place, message });
  // Nodes and relations share one id space; groups have their own.
  const { taken, claim } = idSpace();

  // Groups: one per distinct heading; a repeated heading (same id or title) reopens its group.
  const groups: Group[] = [];
  const groupPlaces: Place[] = [];
  const headingGroup: string[] = [];
  const groupIds = idSpace();
  const groupByKey = new Map<string, string>();
  const stack: { level: number; id: string }[] = [];
  for (const heading of doc.headings) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
    const data = heading.data ?? {};
    const key = typeof data.id === 'string' ? `id:${data.id}` : `title:${heading.title}`;
    let id = groupByKey.get(key);
    if (id === undefined) {
      id =
        typeof data.id === 'string' && !groupIds.taken.has(data.id)
          ? groupIds.claim(data.id)
          : groupIds.claim(slug(heading.title, 'group'));
      groupByKey.set(key, id);
      const parent =
        'parent' in data
          ? typeof data.parent === 'string'
            ? data.parent
            : undefined
          : stack[stack.length - 1]?.id;
      groups.push({
        id,
        title: typeof data.title === 'string' ? data.title : heading.title,
        ...(parent !== undefined ? { parent } : {}),
        ...(typeof data.note === 'string' ? { note: data.note } : {}),
        ...unknownKeys(data, groupDataKeys),
      });
      groupPlaces.push(heading.place);
    }
    headingGroup.push(id);
    stack.push({ level: heading.level, id });
  }

  // Node ids, in order of first appearance. Ids asked for in data come first so that slugs step aside.
  // An argument is a box when it says something of its own, or is named without a reconstruction; an
  // untitled one exists only for its reconstruction (and is nothing when that could not be read).
  const drawn = (entry: Entry) =>
    entry.kind === 'statement' || entry.usedAsNode || (entry.steps.length === 0 && entry.title !== undefined);
  const nodeIdOf = new Map<number, NodeId>();
  doc.entries.forEach((entry, i) => {
    const wanted = entry.data?.id;
    if (drawn(entry) && typeof wanted === 'string' && wanted !== '' && !taken.has(wanted)) {
      taken.add(wanted);
      nodeIdOf.set(i, wanted);
    }
  });
  doc.entries.forEach((entry, i) => {
    if (!drawn(entry) || nodeIdOf.has(i)) return;
    const base = entry.title ?? entry.texts[0]?.text ?? '';
    nodeIdOf.set(i, claim(slug(base, entry.kind === 'argument' ? 'argument' : 'statement')));
  });

  // Inferences get their ids before relation-tree edges make theirs up (`r1`, `r2`, …): ids asked for in data
  // first, then ids from argument titles.
  const inferenceIds = new Map<RelationRecord, string>();
  for (const record of doc.relations) {
    if (record.kind !== 'inference') continue;
    const wanted = doc.entries[record.argument]!.steps[record.step]!.data?.id;
    if (typeof wanted === 'string' && wanted !== '' && !taken.has(wanted)) {
      taken.add(wanted);
      inferenceIds.set(record, wanted);
    }
  }
  for (const record of doc.relations) {
    if (record.kind !== 'inference' || inferenceIds.has(record)) continue;
    const argument = doc.entries[record.argument]!;
    const node = nodeIdOf.get(record.argument);
    const base = node !== undefined ? `${node}-inference` : slug(argument.title ?? 'argument', 'argument');
    const last = record.step === argument.steps.length - 1;
    inferenceIds.set(record, claim(last ? base : `${base}-step-${record.step + 1}`));
  }

  const nodes: MapNode[] = [];
  const nodePlaces: Place[] = [];
  doc.entries.forEach((entry, i) => {
    const id = nodeIdOf.get(i);
    if (id === undefined) return;
    const node = buildNode(entry, id, headingGroup, nodeIdOf, report);
    nodes.push(node);
    nodePlaces.push(entry.definedAt ?? entry.place);
  });

  // Relations in text order; undercuts are resolved once every inference has its id.
  const relations: (Relation | undefined)[] = [];
  const relationPlaces: Place[] = [];
  const inferenceOf = new Map<number, string>();
  const pendingUndercuts: { index: number; argument: number; place: Place }[] = [];
  // Premise → conclusion pairs the relation trees state, by entry index.
  const statedPairs = new Set(
    doc.relations.flatMap((r) => (r.kind === 'tree' ? [`${r.from.entry} ${r.to.entry}`] : [])),
  );
  doc.relations.forEach((record, position) => {
    if (record.kind === 'inference') {
      const argument = doc.entries[record.argument]!;
      const step = argument.steps[record.step]!;
      const data = step.data ?? {};
      const last = record.step === argument.steps.length - 1;
      const id = inferenceIds.get(record)!;
      if (last) inferenceOf.set(record.argument, id);
      const type = typeof data.type === 'string' ? data.type : 'support';
      if (type !== 'support' && type !== 'attack' && type !== 'contradiction' && type !== 'undercut') {
        report(
          'error',
          record.place,
          `inference type must be support, attack, undercut or contradiction, not "${type}"`,
        );
      }
      const from = unique(step.premises.map((p) => nodeIdOf.get(p.entry)).filter(isDefined));
      const tags = Array.isArray(data.tags)
        ? data.tags.filter((t): t is string => typeof t === 'string')
        : [];
      const details = {
        ...(tags.length > 0 ? { tags } : {}),
        ...(typeof data.note === 'string' ? { note: data.note } : {}),
        ...unknownKeys({ ...data, ...(step.rule !== '' ? { rule: step.rule } : {}) }, relationDataKeys),
      };
      if (type === 'undercut') {
        // "-- {type: undercut} --" concludes an argument: the premises attack that argument's inference.
        const target = doc.entries[step.conclusion.entry]!;
        if (target.kind !== 'argument') {
          report(
            'error',
            step.conclusion.place,
            'an undercut concludes an argument (<Title>), whose inference it attacks',
          );
          return;
        }
        if (from.length === 0) return;
        pendingUndercuts.push({
          index: relations.length,
          argument: step.conclusion.entry,
          place: step.conclusion.place,
        });
        relations.push({ id, type: 'undercut', from, to: '', ...details });
        relationPlaces.push(record.place);
        return;
      }
      const to = nodeIdOf.get(step.conclusion.entry);
      if (to === undefined || from.length === 0) return;
      relations.push({
        id,
        type: type === 'attack' || type === 'contradiction' ? type : 'support',
        from: type === 'contradiction' ? from.slice(0, 1) : from,
        to,
        ...details,
      });
      relationPlaces.push(record.place);
      // An argument drawn as a box bears on its conclusion, as in Argdown's maps, unless the text says how.
      const argumentNode = nodeIdOf.get(record.argument);
      const stated = statedPairs.has(`${record.argument} ${step.conclusion.entry}`);
      if (last && argumentNode !== undefined && !stated && type !== 'contradiction') {
        relations.push({
          id: claim(`${argumentNode}-conclusion`),
          type: type === 'attack' ? 'attack' : 'support',
          from: [argumentNode],
          to,
        });
        relationPlaces.push(argument.definedAt ?? argument.place);
      }
      return;
    }
    const from = nodeIdOf.get(record.from.entry);
    if (from === undefined) return;
    const id = claim(`r${position + 1}`);
    if (record.kind === 'inference-undercut') {
      const step = [...inferenceIds].find(
        ([r]) => r.kind === 'inference' && r.argument === record.argument && r.step === record.step,
      );
      if (!step) {
        report('error', record.place, 'the inference line this undercut stands under has no conclusion');
        return;
      }
      relations.push({ id, type: 'undercut', from: [from], to: step[1] });
      relationPlaces.push(record.place);
      return;
    }
    if (record.type === 'undercut') {
      const target = doc.entries[record.to.entry]!;
      if (target.kind !== 'argument') {
        report(
          'error',
          record.place,
          `only an argument can be undercut: [${target.title ?? 'untitled'}] is a statement`,
        );
        return;
      }
      pendingUndercuts.push({ index: relations.length, argument: record.to.entry, place: record.place });
      relations.push({ id, type: 'undercut', from: [from], to: '' });
      relationPlaces.push(record.place);
      return;
    }
    const to = nodeIdOf.get(record.to.entry);
    if (to === undefined) return;
    relations.push({ id, type: record.type, from: [from], to });
    relationPlaces.push(record.place);
  });
  // The first support or attack each node draws: what an undercut of an argument without a reconstruction hits.
  const firstDrawn = new Map<NodeId, string>();
  for (const r of relations) {
    if (r && (r.type === 'support' || r.type === 'attack'))
      for (const premise of r.from) if (!firstDrawn.has(premise)) firstDrawn.set(premise, r.id);
  }
  for (const pending of pendingUndercuts) {
    const undercut = relations[pending.index]!;
    const argumentNode = nodeIdOf.get(pending.argument);
    const target =
      inferenceOf.get(pending.argument) ??
      (argumentNode !== undefined ? firstDrawn.get(argumentNode) : undefined);
    if (target === undefined) {
      const title = doc.entries[pending.argument]!.title ?? 'untitled';
      report(
        'error',
        pending.place,
        `<${title}> draws no inference to undercut: give it a premise–conclusion structure or a relation`,
      );
      relations[pending.index] = undefined;
    } else relations[pending.index] = { ...undercut, to: target };
  }
  const keptRelations: Relation[] = [];
  const keptPlaces: Place[] = [];
  relations.forEach((r, i) => {
    if (r) {
      keptRelations.push(r);
      keptPlaces.push(relationPlaces[i]!);
    }
  });

  const header = frontMatterFields(
    frontMatter?.value ?? {},
    frontMatter?.place ?? { line: 1, column: 1 },
    report,
  );
  return {
    map: {
      ...header,
      groups,
      nodes,
      relations: keptRelations,
      ...(header.extra ? { extra: header.extra } : {}),
    },
    places: { nodes: nodePlaces, relations: keptPlaces, groups: groupPlaces },
  };
}

function buildNode(
  entry: Entry,
  id: NodeId,
  headingGroup: readonly string[],
  nodeIdOf: ReadonlyMap<number, NodeId>,
  report: (severity: 'error' | 'warning', place: Place, message: string) => void,
): MapNode {
  const data = entry.data ?? {};
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
  const title = 'title' in data ? (typeof data.title === 'string' ? data.title : undefined) : entry.title;
  const group =
    'group' in data
      ? typeof data.group === 'string'
        ? data.group
        : undefined
      : entry.heading !== undefined
        ? headingGroup[entry.heading]
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
  const premises = unique(
    entry.steps.flatMap((s) =>
      s.premises.filter((p) => !concluded.has(p.entry)).map((p) => nodeIdOf.get(p.entry)),
    ),
  ).filter(isDefined);
  return { premises, conclusion: nodeIdOf.get(entry.steps[entry.steps.length - 1]!.conclusion.entry) };
}

/**
 * Title, source and tour from the front matter, checked by the argmap JSON reader (so a front matter `source`
 * is held to the same schema as a JSON file's). Other keys are kept as the map's `extra`.
 */
function frontMatterFields(
  data: Data,
  place: Place,
  report: (severity: 'error' | 'warning', place: Place, message: string) => void,
): { title?: string; source?: Source; tour?: readonly TourStep[]; extra?: Extra } {
  // The list keys of a JSON map are no front matter fields: kept aside, not read as nodes or groups.
  const reserved = ['format', 'version', 'groups', 'nodes', 'relations'];
  const header = defineEntries(
    { format: 'argmap', version: 1, groups: [], nodes: [], relations: [] } as Record<string, unknown>,
    without(data, reserved),
  );
  const aside = without(
    data,
    Object.keys(data).filter((key) => !reserved.includes(key)),
  );
  const read = readArgmapValue(header);
  for (const problem of read.problems) {
    report(problem.severity, place, `front matter ${problem.pointer ?? ''}: ${problem.message}`);
  }
  const map = read.map;
  const extra = defineEntries({ ...map?.extra }, aside);
  return {
    ...(map?.title !== undefined ? { title: map.title } : {}),
    ...(map?.source ? { source: map.source } : {}),
    ...(map?.tour ? { tour: map.tour } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/**
 * Ids made unique by a number: "trust", "trust-2", "trust-3"… The next number to try is kept for each wanted
 * id, so that ten thousand untitled "I agree." take linear time.
 */
function idSpace(): { taken: Set<string>; claim: (wanted: string) => string } {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const claim = (wanted: string): string => {
    let id = wanted;
    let n = nextSuffix.get(wanted) ?? 2;
    while (taken.has(id)) id = `${wanted}-${n++}`;
    nextSuffix.set(wanted, n);
    taken.add(id);
    return id;
  };
  return { taken, claim };
}

const unique = <T>(list: readonly T[]): T[] => [...new Set(list)];
const isDefined = <T>(value: T | undefined): value is T => value !== undefined;
