import type { ArgumentMap, NodeId } from '../model/types.ts';
import { evaluate, holds, type Assumption, type EvaluateOptions, type Evaluation } from './evaluate.ts';

/** What rejecting one statement alone does to the rest of the map. */
export interface Sensitivity {
  readonly id: NodeId;
  /** Statements that held before and no longer hold once it is rejected (itself left out). */
  readonly falls: readonly NodeId[];
  /** Statements that did not hold before and hold once it is rejected (what it was defeating). */
  readonly rises: readonly NodeId[];
}

/**
 * For every statement that holds under the assumptions, what changes when it alone is rejected as well:
 * ranked by how much falls (most first; ties by how much rises, then in file order). The first of the ranking
 * are the map's critical premises: the statements a seminar should question first.
 */
export function sensitivity(
  map: ArgumentMap,
  assumptions: ReadonlyMap<NodeId, Assumption>,
  options: EvaluateOptions = {},
): Sensitivity[] {
  const base = evaluate(map, assumptions, options);
  const ranking: { entry: Sensitivity; order: number }[] = [];
  let order = 0;
  for (const [id, status] of base.statements) {
    order++;
    if (!holds(status) || assumptions.get(id) === 'accepted') continue;
    const changed = evaluate(map, new Map([...assumptions, [id, 'rejected']]), options);
    ranking.push({ entry: { id, ...changes(base, changed, id) }, order });
  }
  return ranking
    .sort(
      (a, b) =>
        b.entry.falls.length - a.entry.falls.length ||
        b.entry.rises.length - a.entry.rises.length ||
        a.order - b.order,
    )
    .map(({ entry }) => entry);
}

/** The statements (other than `except`) that stop holding, and those that start, from one evaluation to another. */
export function changes(
  before: Evaluation,
  after: Evaluation,
  except?: NodeId,
): { falls: NodeId[]; rises: NodeId[] } {
  const falls: NodeId[] = [];
  const rises: NodeId[] = [];
  for (const [id, status] of before.statements) {
    if (id === except) continue;
    const was = holds(status);
    const is = holds(after.statements.get(id));
    if (was && !is) falls.push(id);
    else if (!was && is) rises.push(id);
  }
  return { falls, rises };
}
