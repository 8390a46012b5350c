import { assumptionsOf } from '../core/evaluate/assumptions.ts';
import { evaluate, type Assumption } from '../core/evaluate/evaluate.ts';
import { sensitivity } from '../core/evaluate/sensitivity.ts';
import type { ArgumentMap, NodeId } from '../core/model/types.ts';

export interface EvaluateRequest {
  readonly accept: readonly string[];
  readonly reject: readonly string[];
  readonly json: boolean;
  readonly critical: boolean;
  readonly presumption: boolean;
}

/**
 * The assumptions to evaluate under: the map's own (its `assumptions`), then `--accept` and `--reject` over
 * them; or the problem with the ids given.
 */
export function givenAssumptions(
  map: ArgumentMap,
  accept: readonly string[],
  reject: readonly string[],
): { given: Map<NodeId, Assumption>; warnings: string[] } | { error: string } {
  const { assumptions, warnings } = assumptionsOf(map);
  const ids = new Set(map.nodes.map((n) => n.id));
  const unknown = [...accept, ...reject].filter((id) => !ids.has(id));
  if (unknown.length > 0) return { error: `no node ${unknown.map((id) => `"${id}"`).join(', ')} in the map` };
  const both = accept.filter((id) => reject.includes(id));
  if (both.length > 0) return { error: `"${both[0]}" is both accepted and rejected` };
  const given = new Map<NodeId, Assumption>(assumptions);
  for (const id of accept) given.set(id, 'accepted');
  for (const id of reject) given.set(id, 'rejected');
  return { given, warnings };
}

/** What `argmap evaluate` prints, or the problem with the ids it was given. */
export function evaluateReport(
  map: ArgumentMap,
  request: EvaluateRequest,
): { output: string; warnings: string[] } | { error: string } {
  const assumed = givenAssumptions(map, request.accept, request.reject);
  if ('error' in assumed) return assumed;
  const { given, warnings } = assumed;
  const options = { presumption: request.presumption };
  const result = evaluate(map, given, options);
  const ranking = request.critical ? sensitivity(map, given, options) : undefined;
  if (request.json) {
    const json = {
      statements: Object.fromEntries(result.statements),
      relations: Object.fromEntries(result.relations),
      conflicts: result.conflicts,
      ...(ranking ? { critical: ranking } : {}),
    };
    return { output: JSON.stringify(json) + '\n', warnings };
  }
  const width = Math.max(...map.nodes.map((n) => n.id.length), 2);
  const title = (id: NodeId) => {
    const node = map.nodes.find((n) => n.id === id);
    return node?.title ?? node?.text.slice(0, 60) ?? '';
  };
  const lines = ranking
    ? ranking.map(
        (s, i) =>
          `${String(i + 1).padStart(3)}. ${s.id.padEnd(width)}  ${s.falls.length} fall` +
          (s.falls.length > 0 ? `: ${s.falls.join(', ')}` : '') +
          (s.rises.length > 0 ? `; ${s.rises.length} rise: ${s.rises.join(', ')}` : ''),
      )
    : [...result.statements].map(([id, status]) => `${id.padEnd(width)}  ${status.padEnd(11)}  ${title(id)}`);
  if (!ranking && result.conflicts.length > 0)
    lines.push(`accepted though defeated: ${result.conflicts.join(', ')}`);
  return { output: lines.join('\n') + '\n', warnings };
}
