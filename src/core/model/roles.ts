import { primaryRelation } from './graph.ts';
import type { MapIndex } from './map-index.ts';
import { isAttackKind, isSupportKind, type NodeId, type Role } from './types.ts';

/**
 * Roles are derived, never stored: a premise of nothing is a thesis; a node is a reason or an objection by its
 * primary relation (support vs attack/undercut); an attack on an objection or rebuttal, or an undercut of an
 * attack, is a rebuttal. Attack chains are walked iteratively (a 10,000-long chain is fine); a cycle of
 * attacks is broken where it closes, the node met again counting as an objection.
 */
export function roleOf(index: MapIndex, id: NodeId): Role {
  return resolveRole(index, id, new Map());
}

/** Roles of every node, sharing the work between nodes on the same chain. */
export function rolesOf(index: MapIndex): Map<NodeId, Role> {
  const known = new Map<NodeId, Role>();
  for (const node of index.map.nodes) resolveRole(index, node.id, known);
  return known;
}

function resolveRole(index: MapIndex, id: NodeId, known: Map<NodeId, Role>): Role {
  // Climb attack relations until a node whose role does not depend on its target's role. Most nodes are
  // settled at once (a support, an undercut, a known role): the chain is made only for an attack.
  let chain: NodeId[] | undefined;
  let onChain: Set<NodeId> | undefined;
  let current = id;
  let base: Role;
  for (;;) {
    const cached = known.get(current);
    if (cached) {
      base = cached;
      break;
    }
    const relation = primaryRelation(index, current);
    // Entails counts as a support, contrary as an attack (strict Argdown's kinds between statements).
    if (!relation || isSupportKind(relation.type) || relation.type === 'undercut') {
      base = !relation
        ? 'thesis'
        : isSupportKind(relation.type)
          ? 'reason'
          : isAttackKind(index.relation(relation.to)?.type ?? 'support')
            ? 'rebuttal'
            : 'objection';
      known.set(current, base);
      break;
    }
    if (onChain?.has(current)) {
      base = 'objection';
      known.set(current, base);
      break;
    }
    (chain ??= []).push(current);
    (onChain ??= new Set()).add(current);
    current = relation.to;
  }
  if (!chain) return base;
  // Unwind: each node on the chain attacks the next one.
  let targetRole = base;
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i] as NodeId;
    const role: Role = targetRole === 'objection' || targetRole === 'rebuttal' ? 'rebuttal' : 'objection';
    if (!known.has(node)) known.set(node, role);
    targetRole = known.get(node) as Role;
  }
  return known.get(id) as Role;
}
