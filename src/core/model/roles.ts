import { primaryRelation } from './graph.ts';
import type { MapIndex } from './map-index.ts';
import type { NodeId, Relation, Role } from './types.ts';

/**
 * Roles are derived, never stored: a premise of nothing is a thesis; a node is a reason or an objection by its
 * primary relation (support vs attack/undercut); an objection aimed at an objection (or at an attack's
 * inference) is a rebuttal. Cycles are broken by treating a node met again as a reason.
 */
export function roleOf(index: MapIndex, id: NodeId): Role {
  return roleWithin(index, id, new Set());
}

export function rolesOf(index: MapIndex): Map<NodeId, Role> {
  return new Map(index.map.nodes.map((node) => [node.id, roleOf(index, node.id)]));
}

function roleWithin(index: MapIndex, id: NodeId, visiting: Set<NodeId>): Role {
  const relation = primaryRelation(index, id);
  if (!relation) return 'thesis';
  if (relation.type === 'support') return 'reason';
  if (visiting.has(id)) return 'objection';
  visiting.add(id);
  const attacksAnObjection = isAimedAtObjection(index, relation, visiting);
  visiting.delete(id);
  return attacksAnObjection ? 'rebuttal' : 'objection';
}

function isAimedAtObjection(index: MapIndex, relation: Relation, visiting: Set<NodeId>): boolean {
  if (relation.type === 'undercut') return index.relation(relation.to)?.type === 'attack';
  const targetRole = roleWithin(index, relation.to, visiting);
  return targetRole === 'objection' || targetRole === 'rebuttal';
}
