import type { RelationType } from '../../model/types.ts';
import { jsonPointer, type Problem } from '../../problems.ts';
import type { RelationOrigin } from './origin.ts';
import type { AifEdgeRecord, AifNodeRecord } from './tables.ts';
import { inferenceTypes, rephraseTag } from './types.ts';

/** A relation read from a scheme node (RA, CA, MA), before the extension adds what AIF cannot hold. */
export interface RelationDraft {
  id: string;
  type: RelationType;
  from: string[];
  to: string;
  tags?: string[];
  origin: RelationOrigin;
  /** JSON pointer of the scheme node, for placing later problems. */
  readonly pointer: string;
}

interface Candidate {
  readonly node: AifNodeRecord;
  readonly premises: readonly AifEdgeRecord[];
  readonly conclusion: AifEdgeRecord;
}

/**
 * Relations from the scheme nodes: premises are the edges from statements into the node, the conclusion is
 * its first edge out to a statement or to another scheme node (then the relation is an undercut of that
 * node's relation). A scheme node without premise or conclusion, or aimed at a scheme node that is not
 * read, is left out with a warning (its node and edges stay in the file's kept data). Iterative: a chain of
 * 10,000 undercuts costs no stack.
 */
export function readInferences(
  nodes: ReadonlyMap<string, AifNodeRecord>,
  edges: readonly AifEdgeRecord[],
  statements: ReadonlySet<string>,
  problems: Problem[],
): RelationDraft[] {
  const isInference = (key: string) => inferenceTypes.has(nodes.get(key)?.type ?? '');
  const premisesOf = new Map<string, AifEdgeRecord[]>();
  const conclusionsOf = new Map<string, AifEdgeRecord[]>();
  const push = (map: Map<string, AifEdgeRecord[]>, key: string, edge: AifEdgeRecord) => {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  };
  // A scheme node's edge to itself is neither its premise nor its conclusion: said as such, then ignored.
  const loops = new Map<string, AifEdgeRecord[]>();
  for (const edge of edges) {
    if (edge.from === edge.to && isInference(edge.from)) {
      push(loops, edge.from, edge);
      continue;
    }
    if (statements.has(edge.from) && isInference(edge.to)) push(premisesOf, edge.to, edge);
    if (isInference(edge.from) && (statements.has(edge.to) || isInference(edge.to))) {
      push(conclusionsOf, edge.from, edge);
    }
  }

  const warn = (node: AifNodeRecord, message: string) =>
    problems.push({
      severity: 'warning',
      code: 'schema',
      pointer: jsonPointer(node.path),
      message: `${node.type} node "${node.key}" ${message}`,
    });

  const candidates = new Map<string, Candidate>();
  for (const node of nodes.values()) {
    if (!inferenceTypes.has(node.type)) continue;
    const loop = loops.get(node.key)?.[0];
    if (loop) warn(node, `has an edge to itself (edges[${loop.index}]), which is ignored`);
    const premises = premisesOf.get(node.key) ?? [];
    const conclusions = conclusionsOf.get(node.key) ?? [];
    const conclusion = conclusions[0];
    if (premises.length === 0 || conclusion === undefined) {
      const missing =
        premises.length > 0
          ? 'no conclusion (no edge from it to an I, RA, CA or MA node)'
          : conclusion
            ? 'no premise (no edge from an I node into it)'
            : 'no premise and no conclusion';
      warn(node, `has ${missing}; it is kept as AIF data only`);
      continue;
    }
    if (conclusions.length > 1) {
      warn(
        node,
        `has ${conclusions.length} conclusions; the first ("${conclusion.to}") is used, the others are kept as AIF data`,
      );
    }
    candidates.set(node.key, { node, premises, conclusion });
  }

  // An undercut needs the relation it attacks: drop, transitively, those aimed at a dropped scheme node.
  const aimedAt = new Map<string, string[]>();
  const dropped: string[] = [];
  for (const [key, { conclusion }] of candidates) {
    if (!isInference(conclusion.to)) continue;
    const list = aimedAt.get(conclusion.to);
    if (list) list.push(key);
    else aimedAt.set(conclusion.to, [key]);
    if (!candidates.has(conclusion.to)) dropped.push(key);
  }
  for (let key = dropped.pop(); key !== undefined; key = dropped.pop()) {
    const candidate = candidates.get(key);
    if (!candidate) continue;
    candidates.delete(key);
    warn(
      candidate.node,
      `points into node "${candidate.conclusion.to}", which is not read as a relation; it is kept as AIF data only`,
    );
    dropped.push(...(aimedAt.get(key) ?? []));
  }

  return [...candidates.values()].map(({ node, premises, conclusion }) => ({
    id: node.key,
    type: relationType(node.type, isInference(conclusion.to)),
    from: premises.map((edge) => edge.from),
    to: conclusion.to,
    ...(node.type === 'MA' ? { tags: [rephraseTag] } : {}),
    origin: {
      index: node.index,
      node: { ...node.raw },
      edges: [...premises, conclusion].map((edge) => ({ index: edge.index, edge: edge.raw })),
    },
    pointer: jsonPointer(node.path),
  }));
}

function relationType(schemeType: string, intoScheme: boolean): RelationType {
  if (intoScheme) return 'undercut';
  return schemeType === 'CA' ? 'attack' : 'support';
}
