import type { ArgumentMap, NodeId } from '../model/types.ts';
import type { Assumption } from './evaluate.ts';

/**
 * The assumptions a map file keeps, under its top-level key `assumptions`: `{ "<node id>": "accepted" |
 * "rejected" }` (open statements are left out). Kept with the map's other top-level keys, so every format that
 * keeps those (argmap JSON, Argdown's front matter, AIF's argmap extension) keeps them. Entries naming no
 * node or holding another value are left out, each with a warning that says which.
 */
export function assumptionsOf(map: ArgumentMap): {
  assumptions: Map<NodeId, Assumption>;
  warnings: string[];
} {
  const assumptions = new Map<NodeId, Assumption>();
  const warnings: string[] = [];
  const raw = map.extra?.assumptions;
  if (raw === undefined) return { assumptions, warnings };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    warnings.push('/assumptions: expected an object of node ids, each "accepted" or "rejected"');
    return { assumptions, warnings };
  }
  const ids = new Set(map.nodes.map((n) => n.id));
  for (const [id, value] of Object.entries(raw)) {
    const pointer = `/assumptions/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!ids.has(id)) warnings.push(`${pointer}: no node "${id}" in the map`);
    else if (value !== 'accepted' && value !== 'rejected')
      warnings.push(`${pointer}: expected "accepted" or "rejected", not ${JSON.stringify(value)}`);
    else assumptions.set(id, value);
  }
  return { assumptions, warnings };
}

/** The map with these assumptions kept in it (none: the key removed). */
export function withAssumptions(map: ArgumentMap, assumptions: ReadonlyMap<NodeId, Assumption>): ArgumentMap {
  const { assumptions: _old, ...rest } = map.extra ?? {};
  const extra = assumptions.size > 0 ? { ...rest, assumptions: Object.fromEntries(assumptions) } : rest;
  return { ...map, ...(Object.keys(extra).length > 0 ? { extra } : { extra: undefined }) };
}
