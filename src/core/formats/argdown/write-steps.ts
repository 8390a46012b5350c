import type { MapNode, NodeId, Relation } from '../../model/types.ts';
import { kindOfLine, symbolTypeOf } from './strict-mode.ts';

/**
 * The premises and conclusion the reader derives from these steps written as one premise–conclusion
 * structure, or undefined when they cannot be written so: each step concludes a statement that opens the
 * next, every numbered statement appears once, and only statements are numbered (Argdown numbers no
 * arguments).
 */
export function chainOf(
  steps: readonly Relation[],
  nodes: ReadonlyMap<NodeId, MapNode>,
): { premises: NodeId[]; conclusion: NodeId } | undefined {
  const numbered: NodeId[] = [];
  const premises: NodeId[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.type === 'undercut' || (step.type === 'contradiction' && step.from.length !== 1))
      return undefined;
    if (i > 0 && step.from[0] !== steps[i - 1]!.to) return undefined;
    const added = i === 0 ? step.from : step.from.slice(1);
    premises.push(...added);
    numbered.push(...added, step.to);
  }
  const distinct = new Set(numbered).size === numbered.length;
  const statements = numbered.every((id) => nodes.get(id)?.type === 'statement');
  return distinct && statements ? { premises, conclusion: steps[steps.length - 1]!.to } : undefined;
}

/**
 * Where the relations between the steps go: under a numbered statement they relate to, read after the step
 * before them and before the step after them (the conclusion of the step before, or a premise the step
 * after adds), in their order. Undefined when one of them cannot be written there.
 */
export function relationsUnder(
  steps: readonly Relation[],
  gaps: readonly (readonly Relation[])[],
  nodes: ReadonlyMap<NodeId, MapNode>,
  strict: boolean,
): Map<NodeId, Relation[]> | undefined {
  const under = new Map<NodeId, Relation[]>();
  for (const [i, gap] of gaps.entries()) {
    const open = [steps[i]!.to, ...steps[i + 1]!.from.slice(1)];
    let at = 0;
    for (const relation of gap) {
      while (at < open.length && !fitsUnder(relation, open[at]!, nodes, strict)) at++;
      if (at === open.length) return undefined;
      const list = under.get(open[at]!);
      if (list) list.push(relation);
      else under.set(open[at]!, [relation]);
    }
  }
  return under;
}

/**
 * A relation line under `statement`: `+ [B]`, `- [B]`, `>< [B]` into it, `+> [B]`, `-> [B]` out of it,
 * where the reader gives its type back from the symbol alone (in strict mode, an argument at the far end
 * of a line into the statement may or may not be reconstructed: such a line is written in a tree).
 */
export function fitsUnder(
  relation: Relation,
  statement: NodeId,
  nodes: ReadonlyMap<NodeId, MapNode>,
  strict: boolean,
): boolean {
  if (relation.type === 'undercut' || relation.from.length !== 1) return false;
  if (relation.tags?.length || relation.note !== undefined || relation.extra) return false;
  const from = relation.from[0]!;
  if (from === relation.to) return false;
  const into = relation.to === statement;
  if (!into && (from !== statement || relation.type === 'contradiction')) return false;
  const far = nodes.get(into ? from : relation.to)?.type;
  if (strict && into && far === 'argument') return false;
  const ends = {
    fromIsStatement: into ? far === 'statement' : true,
    toIsStatement: into || far === 'statement',
  };
  return kindOfLine(symbolTypeOf(relation.type), ends, strict) === relation.type;
}
