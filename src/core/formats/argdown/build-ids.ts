import type { NodeId } from '../../model/types.ts';
import type { ArgdownDocument, Entry, RelationRecord, Use } from './document.ts';
import { slug } from './syntax.ts';
import { idBaseOf } from './untitled.ts';

/**
 * Ids of the built map. Nodes and relations share one id space; groups have their own. Ids come from `{id: …}`
 * data, else from titles (or texts) made into slugs, made unique. Ids asked for in data are given first, so
 * that slugs step aside.
 */

export interface IdSpace {
  readonly taken: Set<string>;
  /** The wanted id if it is free, else the wanted id with the next free number. */
  readonly claim: (wanted: string) => string;
}

/**
 * Ids made unique by a number: "trust", "trust-2", "trust-3"… The next number to try is kept for each wanted
 * id, so that ten thousand untitled "I agree." take linear time.
 */
export function idSpace(): IdSpace {
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

/**
 * An argument is a box when it says something of its own, or is named without a reconstruction; an untitled
 * one exists only for its reconstruction (and is nothing when that could not be read).
 */
const drawn = (entry: Entry): boolean =>
  entry.kind === 'statement' || entry.usedAsNode || (entry.steps.length === 0 && entry.title !== undefined);

/** Node ids by entry index, for the entries drawn as nodes, in order of first appearance. */
export function nodeIds(entries: readonly Entry[], ids: IdSpace): ReadonlyMap<number, NodeId> {
  const nodeIdOf = new Map<number, NodeId>();
  entries.forEach((entry, i) => {
    const wanted = entry.data?.id;
    if (drawn(entry) && typeof wanted === 'string' && wanted !== '' && !ids.taken.has(wanted)) {
      ids.taken.add(wanted);
      nodeIdOf.set(i, wanted);
    }
  });
  entries.forEach((entry, i) => {
    if (!drawn(entry) || nodeIdOf.has(i)) return;
    const base = idBaseOf(entry);
    nodeIdOf.set(i, ids.claim(slug(base, entry.kind === 'argument' ? 'argument' : 'statement')));
  });
  return nodeIdOf;
}

export interface InferenceIds {
  /** The id of each inference record. */
  readonly byRecord: ReadonlyMap<RelationRecord, string>;
  /** The id of each step, by `argument step` (entry and step index). */
  readonly byStep: ReadonlyMap<string, string>;
  /** The id of each argument's last step: what undercuts of the argument aim at. */
  readonly lastOf: ReadonlyMap<number, string>;
}

export const stepKey = (argument: number, step: number): string => `${argument} ${step}`;

/**
 * Inferences get their ids before relation-tree edges make theirs up (`r1`, `r2`, …): ids asked for in data
 * (of inferences and of relation lines) first, then ids from argument titles; a step before the last is numbered.
 */
export function inferenceIds(
  doc: ArgdownDocument,
  nodeIdOf: ReadonlyMap<number, NodeId>,
  ids: IdSpace,
): InferenceIds {
  const inferences = doc.relations.filter((r) => r.kind === 'inference');
  const byRecord = new Map<RelationRecord, string>();
  for (const record of doc.relations) {
    const wanted =
      record.kind === 'inference'
        ? doc.entries[record.argument]!.steps[record.step]!.data?.id
        : record.kind === 'tree'
          ? record.details?.id
          : undefined;
    if (typeof wanted === 'string' && wanted !== '' && !ids.taken.has(wanted)) {
      ids.taken.add(wanted);
      byRecord.set(record, wanted);
    }
  }
  for (const record of inferences) {
    if (byRecord.has(record)) continue;
    const argument = doc.entries[record.argument]!;
    const node = nodeIdOf.get(record.argument);
    const base = node !== undefined ? `${node}-inference` : slug(argument.title ?? 'argument', 'argument');
    const last = record.step === argument.steps.length - 1;
    byRecord.set(record, ids.claim(last ? base : `${base}-step-${record.step + 1}`));
  }
  const byStep = new Map<string, string>();
  const lastOf = new Map<number, string>();
  for (const record of inferences) {
    const id = byRecord.get(record)!;
    byStep.set(stepKey(record.argument, record.step), id);
    if (record.step === doc.entries[record.argument]!.steps.length - 1) lastOf.set(record.argument, id);
  }
  return { byRecord, byStep, lastOf };
}

/** The node ids of the entries named, each once, in order; entries drawn as no node are left out. */
export function nodeIdsOf(uses: readonly Use[], nodeIdOf: ReadonlyMap<number, NodeId>): NodeId[] {
  const found = new Set<NodeId>();
  for (const use of uses) {
    const id = nodeIdOf.get(use.entry);
    if (id !== undefined) found.add(id);
  }
  return [...found];
}
