import {
  isAttackKind,
  relationTypes,
  type NodeId,
  type Relation,
  type RelationType,
} from '../../model/types.ts';
import { unknownKeys } from '../own-keys.ts';
import { dataTypeWarnings, relationDataTypes } from './build-data-types.ts';
import { nodeIdsOf, stepKey, type InferenceIds } from './build-ids.ts';
import type { ArgdownDocument, Place, RelationRecord, Report } from './document.ts';
import type { Data } from './inline.ts';
import { kindOfLine, namedKind } from './strict-mode.ts';

/** Data keys the model knows; any other key of an inference's `{…}` block is kept in the relation's `extra`. */
const relationDataKeys = ['id', 'type', 'tags', 'note'];

export interface RelationContext {
  readonly doc: ArgdownDocument;
  readonly nodeIdOf: ReadonlyMap<number, NodeId>;
  readonly inferenceIds: InferenceIds;
  /** Claims an id in the id space nodes and relations share. */
  readonly claim: (wanted: string) => string;
  readonly report: Report;
  /** Argdown's strict mode (`model: {mode: strict}`): see strict-mode.ts. */
  readonly strict: boolean;
}

/** A relation as written, with its place; an undercut of an argument aims at that argument's inference. */
interface Drawn {
  readonly relation: Relation;
  readonly place: Place;
  readonly undercuts?: { readonly argument: number; readonly place: Place };
  /** For a tree line: whether it names its type (`{relation: {type: …}}`), and so is kept as written. */
  readonly named?: boolean;
}

type RecordOf<K extends RelationRecord['kind']> = Extract<RelationRecord, { kind: K }>;

/**
 * Relation-tree edges and inferences become relations in text order. Undercuts of an argument aim at its
 * inference: the last step of its reconstruction, else the first relation it draws.
 */
export function buildRelations(context: RelationContext): { relations: Relation[]; places: Place[] } {
  // Premise → conclusion pairs the relation trees state, by entry index.
  const statedPairs = new Set(
    context.doc.relations.flatMap((r) => (r.kind === 'tree' ? [`${r.from.entry} ${r.to.entry}`] : [])),
  );
  const drawn = context.doc.relations.flatMap((record, position) =>
    record.kind === 'inference'
      ? inferenceRelations(context, record, statedPairs)
      : treeRelations(context, record, position),
  );
  return aimUndercuts(context, context.strict ? withoutRepeatedContraries(context, drawn) : drawn);
}

/**
 * Strict mode, as Argdown's ModelPlugin has it: contrary is symmetric, so an attack between two statements
 * that are contrary already (either way round; a reconstructed argument's relations count as its
 * conclusion's) adds nothing and is left out, with a warning; one whose line names its type (as the writer
 * writes a second contrary of two statements, which argmap's model may hold) is kept.
 */
function withoutRepeatedContraries(
  { doc, nodeIdOf, report }: RelationContext,
  drawn: readonly Drawn[],
): Drawn[] {
  const conclusionOf = new Map<NodeId, NodeId>();
  doc.entries.forEach((entry, i) => {
    const last = entry.steps[entry.steps.length - 1];
    const node = nodeIdOf.get(i);
    const conclusion = last && nodeIdOf.get(last.conclusion.entry);
    if (node !== undefined && conclusion !== undefined) conclusionOf.set(node, conclusion);
  });
  const end = (id: NodeId) => conclusionOf.get(id) ?? id;
  const seen = new Set<string>();
  return drawn.filter(({ relation, place, named }) => {
    if (relation.type !== 'contrary' || named !== false) return true;
    const key = [end(relation.from[0]!), relation.to].sort().join('\n');
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    report(
      'warning',
      place,
      `these two statements are contrary already (strict mode); this attack adds nothing and is left out`,
    );
    return false;
  });
}

/** An inference of a reconstruction, and the relation of the argument to its conclusion. */
function inferenceRelations(
  { doc, nodeIdOf, inferenceIds, claim, report }: RelationContext,
  record: RecordOf<'inference'>,
  statedPairs: ReadonlySet<string>,
): Drawn[] {
  const argument = doc.entries[record.argument]!;
  const step = argument.steps[record.step]!;
  const data = step.data ?? {};
  dataTypeWarnings(step.data, relationDataTypes, 'inference', record.place, report);
  const id = inferenceIds.byRecord.get(record)!;
  const type = typeof data.type === 'string' ? data.type : 'support';
  if (!inferenceTypes.includes(type)) {
    const message = `inference type must be support, attack, undercut, contradiction, entails or contrary, not "${type}"`;
    report('error', record.place, message);
  }
  const from = nodeIdsOf(step.premises, nodeIdOf);
  const details = relationDetails(data, step.rule);
  if (type === 'undercut') {
    // "-- {type: undercut} --" concludes an argument: the premises attack that argument's inference.
    if (doc.entries[step.conclusion.entry]!.kind !== 'argument') {
      const message = 'an undercut concludes an argument (<Title>), whose inference it attacks';
      report('error', step.conclusion.place, message);
      return [];
    }
    if (from.length === 0) return [];
    const undercuts = { argument: step.conclusion.entry, place: step.conclusion.place };
    return [{ relation: { id, type: 'undercut', from, to: '', ...details }, place: record.place, undercuts }];
  }
  const to = nodeIdOf.get(step.conclusion.entry);
  if (to === undefined || from.length === 0) return [];
  const inference: Drawn = {
    relation: {
      id,
      type: inferenceTypes.includes(type) && type !== 'undercut' ? (type as RelationType) : 'support',
      from: type === 'contradiction' ? from.slice(0, 1) : from,
      to,
      ...details,
    },
    place: record.place,
  };
  // An argument drawn as a box bears on its conclusion, as in Argdown's maps, unless the text says how.
  const argumentNode = nodeIdOf.get(record.argument);
  const last = record.step === argument.steps.length - 1;
  const stated = statedPairs.has(`${record.argument} ${step.conclusion.entry}`);
  if (!last || argumentNode === undefined || stated || type === 'contradiction') return [inference];
  const bearing: Relation = {
    id: claim(`${argumentNode}-conclusion`),
    type: isAttackKind(type as RelationType) ? 'attack' : 'support',
    from: [argumentNode],
    to,
  };
  return [inference, { relation: bearing, place: argument.definedAt ?? argument.place }];
}

const inferenceTypes: readonly string[] = relationTypes;

/** Tags, note, rule and unknown keys of an inference's data. */
function relationDetails(data: Data, rule: string): Partial<Relation> {
  const tags = Array.isArray(data.tags) ? data.tags.filter((t): t is string => typeof t === 'string') : [];
  return {
    ...(tags.length > 0 ? { tags } : {}),
    ...(typeof data.note === 'string' ? { note: data.note } : {}),
    ...unknownKeys({ ...data, ...(rule !== '' ? { rule } : {}) }, relationDataKeys),
  };
}

/** An edge of a relation tree, or an undercut standing under an inference line. */
function treeRelations(
  { doc, nodeIdOf, inferenceIds, claim, report, strict }: RelationContext,
  record: RecordOf<'tree' | 'inference-undercut'>,
  position: number,
): Drawn[] {
  const from = nodeIdOf.get(record.from.entry);
  if (from === undefined) return [];
  const id = inferenceIds.byRecord.get(record) ?? claim(`r${position + 1}`);
  const place = record.place;
  const details = record.kind === 'tree' && record.details ? treeDetails(record.details, place, report) : {};
  if (record.kind === 'inference-undercut') {
    const inference = inferenceIds.byStep.get(stepKey(record.argument, record.step));
    if (inference !== undefined)
      return [{ relation: { id, type: 'undercut', from: [from], to: inference }, place }];
    report('error', place, 'the inference line this undercut stands under has no conclusion');
    return [];
  }
  if (record.type === 'undercut') {
    const target = doc.entries[record.to.entry]!;
    if (target.kind === 'argument') {
      const undercuts = { argument: record.to.entry, place };
      return [{ relation: { id, type: 'undercut', from: [from], to: '', ...details }, place, undercuts }];
    }
    report(
      'error',
      place,
      `only an argument can be undercut: [${target.title ?? 'untitled'}] is a statement`,
    );
    return [];
  }
  const to = nodeIdOf.get(record.to.entry);
  if (to === undefined) return [];
  const type = lineKind(doc, record, strict, report);
  const named = record.details?.type !== undefined;
  return [{ relation: { id, type, from: [from], to, ...details } as Relation, place, named }];
}

/**
 * The type of a relation line: its symbol's, made `entails` or `contrary` between statements in strict
 * mode, or the one its `{relation: {type: …}}` names where that has the symbol's polarity.
 */
function lineKind(
  doc: ArgdownDocument,
  record: RecordOf<'tree'>,
  strict: boolean,
  report: Report,
): RelationType {
  const fromEntry = doc.entries[record.from.entry]!;
  const ends = {
    fromIsStatement: fromEntry.kind === 'statement' || fromEntry.steps.length > 0,
    toIsStatement: doc.entries[record.to.entry]!.kind === 'statement',
  };
  const read = kindOfLine(record.type, ends, strict);
  const named = record.details?.type;
  if (named === undefined) return read;
  const kind = namedKind(named, record.type);
  if (kind === undefined)
    report(
      'warning',
      record.place,
      `relation type ${JSON.stringify(named)} does not fit a ${record.type} line; read as ${read}`,
    );
  return kind ?? read;
}

/** The tags, note and other keys of a relation line's `{relation: {…}}` (its id is taken with the ids). */
function treeDetails(data: Data, place: Place, report: Report): Partial<Relation> {
  dataTypeWarnings(data, relationDataTypes, 'relation', place, report);
  const { id: _, type: __, ...rest } = data;
  return relationDetails(rest, '');
}

/**
 * Undercuts of arguments aimed at the argument's last inference, or else the first support or attack its
 * node draws; one with neither is left out.
 */
function aimUndercuts(
  { doc, nodeIdOf, inferenceIds, report }: RelationContext,
  drawn: readonly Drawn[],
): { relations: Relation[]; places: Place[] } {
  const firstDrawn = new Map<NodeId, string>();
  for (const { relation } of drawn) {
    if (relation.type !== 'undercut' && relation.type !== 'contradiction')
      for (const premise of relation.from) if (!firstDrawn.has(premise)) firstDrawn.set(premise, relation.id);
  }
  const relations: Relation[] = [];
  const places: Place[] = [];
  for (const { relation, place, undercuts } of drawn) {
    if (!undercuts) {
      relations.push(relation);
      places.push(place);
      continue;
    }
    const argumentNode = nodeIdOf.get(undercuts.argument);
    const target =
      inferenceIds.lastOf.get(undercuts.argument) ??
      (argumentNode !== undefined ? firstDrawn.get(argumentNode) : undefined);
    if (target !== undefined) {
      relations.push({ ...relation, to: target });
      places.push(place);
      continue;
    }
    const title = doc.entries[undercuts.argument]!.title ?? 'untitled';
    const message = `<${title}> draws no inference to undercut: give it a premise–conclusion structure or a relation`;
    report('error', undercuts.place, message);
  }
  return { relations, places };
}
