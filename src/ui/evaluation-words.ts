import type { StatementStatus } from '../core/evaluate/evaluate.ts';
import type { NodeId } from '../core/model/types.ts';
import type { LastChange } from './evaluation.svelte.ts';

/** "1 claim", "3 claims". */
export const claims = (n: number): string => (n === 1 ? '1 claim' : `${n} claims`);

/**
 * What a click changed, in one sentence for the room (the presentation's banner): the box's new assumption,
 * then how many claims lose their support, are defeated, or stand again.
 */
export function changeSentence(
  last: LastChange,
  name: string,
  statusOf: (id: NodeId) => StatementStatus | undefined,
): string {
  const defeated = last.falls.filter((id) => statusOf(id) === 'out').length;
  const unsupported = last.falls.length - defeated;
  const parts = [
    unsupported > 0 && `${claims(unsupported)} ${unsupported === 1 ? 'loses its' : 'lose their'} support`,
    defeated > 0 && `${claims(defeated)} now defeated`,
    last.rises.length > 0 &&
      `${claims(last.rises.length)} now ${last.rises.length === 1 ? 'stands' : 'stand'}`,
  ].filter((part): part is string => typeof part === 'string');
  const what = `${name}: ${last.assumption ?? 'open'}`;
  return parts.length === 0 ? `${what}; nothing else changes.` : `${what}; ${parts.join(', ')}.`;
}
