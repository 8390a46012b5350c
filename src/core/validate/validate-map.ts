import type { ArgumentMap, Group, MapNode, Relation } from '../model/types.ts';
import { jsonPointer, type Problem } from '../problems.ts';
import { createQuoteFinder } from '../quotes/anchor.ts';

/** Where each model element sits in the file; defaults to its own index (a map built in memory). */
export interface ElementOrigin {
  readonly nodes?: readonly number[];
  readonly relations?: readonly number[];
  readonly groups?: readonly number[];
  readonly tour?: readonly number[];
}

export interface ValidateOptions {
  /** The source text the quotes come from; without it, quotes cannot be verified (a warning). */
  readonly sourceText?: string;
  readonly origin?: ElementOrigin;
}

/**
 * Rules that span several values: unique ids, references that resolve, undercuts aimed at relations, texts
 * that say something, quotes found in the source text. Every problem is reported, not only the first.
 */
export function validateMap(map: ArgumentMap, options: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const at = (list: keyof ElementOrigin, index: number, ...rest: (string | number)[]): string =>
    jsonPointer([list, options.origin?.[list]?.[index] ?? index, ...rest]);
  const error = (code: Problem['code'], pointer: string, message: string, nodeId?: string): void => {
    problems.push({ severity: 'error', code, pointer, message, ...(nodeId !== undefined ? { nodeId } : {}) });
  };

  const nodeIds = new Set<string>();
  map.nodes.forEach((node, i) => {
    if (nodeIds.has(node.id))
      error('duplicate-id', at('nodes', i, 'id'), `duplicate node id "${node.id}"`, node.id);
    nodeIds.add(node.id);
  });
  const relationIds = new Set<string>();
  map.relations.forEach((relation, i) => {
    if (relationIds.has(relation.id) || nodeIds.has(relation.id)) {
      const what = nodeIds.has(relation.id) ? 'a node already has' : 'another relation already has';
      error('duplicate-id', at('relations', i, 'id'), `duplicate id "${relation.id}": ${what} it`);
    }
    relationIds.add(relation.id);
  });
  const groupIds = new Set<string>();
  map.groups.forEach((group, i) => {
    if (groupIds.has(group.id))
      error('duplicate-id', at('groups', i, 'id'), `duplicate group id "${group.id}"`);
    groupIds.add(group.id);
    if (group.title.trim() === '')
      error('empty-text', at('groups', i, 'title'), `group "${group.id}" has no title`);
  });
  const inCycle = groupsOnCycles(map.groups);
  map.groups.forEach((group, i) => {
    if (group.parent !== undefined && !groupIds.has(group.parent)) {
      error('unknown-group', at('groups', i, 'parent'), `unknown parent group "${group.parent}"`);
    }
    if (inCycle.has(group.id)) {
      error(
        'group-cycle',
        at('groups', i, 'parent'),
        `group "${group.id}" is inside itself (its parents form a cycle)`,
      );
    }
  });

  map.nodes.forEach((node, i) => {
    if (node.text.trim() === '' && (node.type === 'statement' || !node.title?.trim())) {
      error('empty-text', at('nodes', i, 'text'), `node "${node.id}" has no text`, node.id);
    }
    if (node.group !== undefined && !groupIds.has(node.group)) {
      error(
        'unknown-group',
        at('nodes', i, 'group'),
        `node "${node.id}" names unknown group "${node.group}"`,
        node.id,
      );
    }
    checkReconstruction(node, i);
  });

  function checkReconstruction(node: MapNode, i: number): void {
    if (node.type !== 'argument') return;
    node.premises?.forEach((premise, k) => {
      if (!nodeIds.has(premise)) {
        error('missing-node', at('nodes', i, 'premises', k), `premise "${premise}" is not a node`, node.id);
      }
    });
    if (node.conclusion !== undefined && !nodeIds.has(node.conclusion)) {
      error(
        'missing-node',
        at('nodes', i, 'conclusion'),
        `conclusion "${node.conclusion}" is not a node`,
        node.id,
      );
    }
  }

  map.relations.forEach((relation, i) => checkRelation(relation, i));

  function checkRelation(relation: Relation, i: number): void {
    relation.from.forEach((premise, k) => {
      const pointer = relation.from.length === 1 ? at('relations', i, 'from') : at('relations', i, 'from', k);
      if (!nodeIds.has(premise)) {
        const hint = relationIds.has(premise) ? ' (it is a relation; premises must be nodes)' : '';
        error('missing-node', pointer, `relation "${relation.id}": no node "${premise}"${hint}`);
      }
    });
    const to = at('relations', i, 'to');
    if (relation.type === 'undercut') {
      if (nodeIds.has(relation.to) && !relationIds.has(relation.to)) {
        error(
          'undercut-target',
          to,
          `undercut "${relation.id}" targets node "${relation.to}"; an undercut attacks a relation (use "attack" to attack a claim)`,
        );
      } else if (!relationIds.has(relation.to)) {
        error('missing-relation', to, `undercut "${relation.id}": no relation "${relation.to}"`);
      } else if (relation.to === relation.id) {
        error('self-relation', to, `undercut "${relation.id}" targets itself`);
      }
      return;
    }
    if (!nodeIds.has(relation.to)) {
      const hint = relationIds.has(relation.to) ? ` (a relation; use "undercut" to attack an inference)` : '';
      error('missing-node', to, `${relation.type} "${relation.id}": no node "${relation.to}"${hint}`);
    } else if (relation.from.includes(relation.to)) {
      problems.push({
        severity: 'warning',
        code: 'self-relation',
        pointer: to,
        nodeId: relation.to,
        message: `${relation.type} "${relation.id}": node "${relation.to}" is a premise of itself`,
      });
    }
  }

  map.tour?.forEach((step, i) => {
    if (step.focus !== undefined && !nodeIds.has(step.focus)) {
      error('missing-node', at('tour', i, 'focus'), `tour step ${i + 1}: no node "${step.focus}"`);
    }
    step.show?.forEach((id, k) => {
      if (!nodeIds.has(id))
        error('missing-node', at('tour', i, 'show', k), `tour step ${i + 1}: no node "${id}"`);
    });
  });

  problems.push(...checkQuotes(map, options.sourceText, (i) => at('nodes', i, 'quote')));
  return problems;
}

/** Warnings for quotes that cannot be found in the source text (or that cannot be checked at all). */
function checkQuotes(
  map: ArgumentMap,
  sourceText: string | undefined,
  pointer: (i: number) => string,
): Problem[] {
  const quoted = map.nodes.map((node, i) => ({ node, i })).filter(({ node }) => node.quote !== undefined);
  if (quoted.length === 0) return [];
  if (sourceText === undefined) {
    return [
      {
        severity: 'warning',
        code: 'no-source-text',
        ...(map.source ? { pointer: '/source' } : {}),
        message: `${quoted.length} quote(s) cannot be verified: the map has no source text`,
      },
    ];
  }
  const find = createQuoteFinder(sourceText);
  return quoted
    .filter(({ node }) => find(node.quote as string) === undefined)
    .map(({ node, i }) => ({
      severity: 'warning' as const,
      code: 'quote-not-found' as const,
      pointer: pointer(i),
      nodeId: node.id,
      message: `the quote of node "${node.id}" is not in the source text`,
    }));
}

/**
 * Groups whose chain of parents comes back to them. Each group is walked once: a walk stops at a group
 * already settled, so ten thousand nested groups take linear time.
 */
function groupsOnCycles(groups: readonly Group[]): Set<string> {
  const parentOf = new Map(groups.map((g) => [g.id, g.parent]));
  const settled = new Set<string>();
  const onCycle = new Set<string>();
  for (const group of groups) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let at: string | undefined = group.id;
    while (at !== undefined && !settled.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = parentOf.get(at);
    }
    if (at !== undefined && onPath.has(at)) for (const id of path.slice(onPath.get(at))) onCycle.add(id);
    for (const id of path) settled.add(id);
  }
  return onCycle;
}
