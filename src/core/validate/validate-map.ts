import type { ArgumentMap, Group, MapNode, Relation } from '../model/types.ts';
import { jsonPointer, type Problem } from '../problems.ts';
import { GroupTree, maxGroupDepth } from '../model/groups.ts';
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
  const at: At = (list, index, ...rest) =>
    jsonPointer([list, options.origin?.[list]?.[index] ?? index, ...rest]);
  const nodes = nodeIdsChecked(map.nodes, at);
  const relations = relationIdsChecked(map.relations, nodes.ids, at);
  const groups = groupsChecked(map.groups, at);
  const ids: Ids = { nodes: nodes.ids, relations: relations.ids, groups: groups.ids };
  return [
    ...nodes.problems,
    ...relations.problems,
    ...groups.problems,
    ...map.nodes.flatMap((node, i) => nodeProblems(node, i, ids, at)),
    ...map.relations.flatMap((relation, i) => relationProblems(relation, i, ids, at)),
    ...undercutChainProblems(map.relations, at),
    ...tourProblems(map.tour ?? [], ids, at),
    ...checkQuotes(map, options.sourceText, (i) => at('nodes', i, 'quote')),
    ...implicitQuoteWarnings(map.nodes, (i) => at('nodes', i, 'quote')),
  ];
}

/** The JSON pointer of a value of an element, by the element's list and index in the model. */
type At = (list: keyof ElementOrigin, index: number, ...rest: (string | number)[]) => string;

interface Ids {
  readonly nodes: ReadonlySet<string>;
  readonly relations: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
}

interface Checked {
  readonly ids: ReadonlySet<string>;
  readonly problems: readonly Problem[];
}

const error = (code: Problem['code'], pointer: string, message: string, nodeId?: string): Problem => ({
  severity: 'error',
  code,
  pointer,
  message,
  ...(nodeId !== undefined ? { nodeId } : {}),
});

function nodeIdsChecked(nodes: readonly MapNode[], at: At): Checked {
  const ids = new Set<string>();
  const problems: Problem[] = [];
  nodes.forEach((node, i) => {
    if (ids.has(node.id))
      problems.push(error('duplicate-id', at('nodes', i, 'id'), `duplicate node id "${node.id}"`, node.id));
    ids.add(node.id);
  });
  return { ids, problems };
}

/** Relation ids are unique among relations and nodes (an undercut names a relation by id). */
function relationIdsChecked(relations: readonly Relation[], nodeIds: ReadonlySet<string>, at: At): Checked {
  const ids = new Set<string>();
  const problems: Problem[] = [];
  relations.forEach((relation, i) => {
    if (ids.has(relation.id) || nodeIds.has(relation.id)) {
      const what = nodeIds.has(relation.id) ? 'a node already has' : 'another relation already has';
      problems.push(
        error('duplicate-id', at('relations', i, 'id'), `duplicate id "${relation.id}": ${what} it`),
      );
    }
    ids.add(relation.id);
  });
  return { ids, problems };
}

/** Unique ids and titles first, then parents that exist and do not go round. */
function groupsChecked(groups: readonly Group[], at: At): Checked {
  const ids = new Set<string>();
  const problems: Problem[] = [];
  groups.forEach((group, i) => {
    if (ids.has(group.id))
      problems.push(error('duplicate-id', at('groups', i, 'id'), `duplicate group id "${group.id}"`));
    ids.add(group.id);
    if (group.title.trim() === '')
      problems.push(error('empty-text', at('groups', i, 'title'), `group "${group.id}" has no title`));
  });
  const inCycle = groupsOnCycles(groups);
  groups.forEach((group, i) => {
    const parent = at('groups', i, 'parent');
    if (group.parent !== undefined && !ids.has(group.parent))
      problems.push(error('unknown-group', parent, `unknown parent group "${group.parent}"`));
    if (inCycle.has(group.id))
      problems.push(
        error('group-cycle', parent, `group "${group.id}" is inside itself (its parents form a cycle)`),
      );
  });
  const tooDeep = groupTooDeep(groups, at);
  if (tooDeep) problems.push(tooDeep);
  return { ids, problems };
}

/** The first group nested deeper than the limit, as a problem (one is enough to say what is wrong). */
function groupTooDeep(groups: readonly Group[], at: At): Problem | undefined {
  const depths = new GroupTree(groups).depths();
  const index = groups.findIndex((g) => (depths.get(g.id) ?? 0) > maxGroupDepth);
  if (index < 0) return undefined;
  const group = groups[index]!;
  const levels = depths.get(group.id)!.toLocaleString('en-US');
  const message = `group "${group.id}" is nested ${levels} levels deep; at most ${maxGroupDepth.toLocaleString('en-US')} levels of groups are allowed`;
  return error('limit', at('groups', index, 'parent'), message);
}

function nodeProblems(node: MapNode, i: number, ids: Ids, at: At): Problem[] {
  const problems: Problem[] = [];
  if (node.text.trim() === '' && (node.type === 'statement' || !node.title?.trim()))
    problems.push(error('empty-text', at('nodes', i, 'text'), `node "${node.id}" has no text`, node.id));
  if (node.group !== undefined && !ids.groups.has(node.group)) {
    const message = `node "${node.id}" names unknown group "${node.group}"`;
    problems.push(error('unknown-group', at('nodes', i, 'group'), message, node.id));
  }
  if (node.type !== 'argument') return problems;
  node.premises?.forEach((premise, k) => {
    if (!ids.nodes.has(premise)) {
      const message = `premise "${premise}" is not a node`;
      problems.push(error('missing-node', at('nodes', i, 'premises', k), message, node.id));
    }
  });
  if (node.conclusion !== undefined && !ids.nodes.has(node.conclusion)) {
    const message = `conclusion "${node.conclusion}" is not a node`;
    problems.push(error('missing-node', at('nodes', i, 'conclusion'), message, node.id));
  }
  return problems;
}

function relationProblems(relation: Relation, i: number, ids: Ids, at: At): Problem[] {
  const problems: Problem[] = [];
  relation.from.forEach((premise, k) => {
    const pointer = relation.from.length === 1 ? at('relations', i, 'from') : at('relations', i, 'from', k);
    if (!ids.nodes.has(premise)) {
      const hint = ids.relations.has(premise) ? ' (it is a relation; premises must be nodes)' : '';
      problems.push(error('missing-node', pointer, `relation "${relation.id}": no node "${premise}"${hint}`));
    }
  });
  const to = at('relations', i, 'to');
  const target =
    relation.type === 'undercut'
      ? undercutTargetProblem(relation, ids, to)
      : targetProblem(relation, ids, to);
  return target ? [...problems, target] : problems;
}

/** An undercut attacks a relation: another one that exists. */
function undercutTargetProblem(relation: Relation, ids: Ids, to: string): Problem | undefined {
  if (ids.nodes.has(relation.to) && !ids.relations.has(relation.to)) {
    const message = `undercut "${relation.id}" targets node "${relation.to}"; an undercut attacks a relation (use "attack" to attack a claim)`;
    return error('undercut-target', to, message);
  }
  if (!ids.relations.has(relation.to))
    return error('missing-relation', to, `undercut "${relation.id}": no relation "${relation.to}"`);
  if (relation.to === relation.id)
    return error('self-relation', to, `undercut "${relation.id}" targets itself`);
  return undefined;
}

/**
 * Undercuts that cannot be drawn: one whose chain of undercuts never reaches an inference between claims
 * (`r1` undercuts `r2`, `r2` undercuts `r1`), or one whose premise is the very claim the inference it attacks
 * concludes (it would hang under itself). Each undercut is followed once (results are shared along a chain),
 * so long chains stay linear.
 */
function undercutChainProblems(relations: readonly Relation[], at: At): Problem[] {
  const byId = new Map<string, Relation>();
  for (const r of relations) if (!byId.has(r.id)) byId.set(r.id, r);
  // The claim an undercut finally bears on, or null when its chain loops; missing targets are reported elsewhere.
  const ends = new Map<string, string | null | undefined>();
  const endOf = (start: Relation): string | null | undefined => {
    const path: string[] = [];
    const onPath = new Set<string>();
    let r: Relation | undefined = start;
    let end: string | null | undefined;
    while (true) {
      if (r === undefined) break;
      if (ends.has(r.id)) {
        end = ends.get(r.id);
        break;
      }
      if (r.type !== 'undercut') {
        end = r.to;
        break;
      }
      if (onPath.has(r.id)) {
        end = null;
        break;
      }
      onPath.add(r.id);
      path.push(r.id);
      r = byId.get(r.to);
    }
    for (const id of path) ends.set(id, end);
    return end;
  };
  const problems: Problem[] = [];
  relations.forEach((relation, i) => {
    if (relation.type !== 'undercut' || relation.to === relation.id || !byId.has(relation.to)) return;
    const end = endOf(relation);
    if (end === null) {
      const message = `undercut "${relation.id}" attacks "${relation.to}", and the undercuts from there come back round (${cycleText(relation, byId)}): they attack no inference between claims and cannot be drawn`;
      problems.push(error('undercut-target', at('relations', i, 'to'), message));
    } else if (end !== undefined && relation.from.includes(end)) {
      const message = `undercut "${relation.id}": its premise "${end}" is the conclusion of the inference it attacks ("${relation.to}"), so it cannot be drawn`;
      problems.push(error('self-relation', at('relations', i, 'from'), message, end));
    }
  });
  return problems;
}

/** `r1 → r2 → r1`: the first few undercuts of a chain that loops, to name them in a message. */
function cycleText(start: Relation, byId: ReadonlyMap<string, Relation>): string {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (let r: Relation | undefined = start; r && ids.length < 8; r = byId.get(r.to)) {
    ids.push(r.id);
    if (seen.has(r.id)) return ids.join(' \u2192 ');
    seen.add(r.id);
  }
  return ids.join(' \u2192 ') + ' \u2192 \u2026';
}

/** Support, attack and contradiction go to a node, not one of their own premises. */
function targetProblem(relation: Relation, ids: Ids, to: string): Problem | undefined {
  if (!ids.nodes.has(relation.to)) {
    const hint = ids.relations.has(relation.to) ? ` (a relation; use "undercut" to attack an inference)` : '';
    return error('missing-node', to, `${relation.type} "${relation.id}": no node "${relation.to}"${hint}`);
  }
  if (!relation.from.includes(relation.to)) return undefined;
  return {
    severity: 'warning',
    code: 'self-relation',
    pointer: to,
    nodeId: relation.to,
    message: `${relation.type} "${relation.id}": node "${relation.to}" is a premise of itself`,
  };
}

function tourProblems(tour: NonNullable<ArgumentMap['tour']>, ids: Ids, at: At): Problem[] {
  const problems: Problem[] = [];
  // A box the tour names that does not exist is one problem, however many steps name it (a line broken in
  // the text would otherwise be reported once per step that shows the box), placed at its first mention.
  const missing = new Map<string, { readonly where: string; readonly steps: number[] }>();
  const named = (id: string, step: number, where: string) => {
    if (ids.nodes.has(id)) return;
    const seen = missing.get(id);
    if (seen) {
      if (seen.steps.at(-1) !== step) seen.steps.push(step);
    } else missing.set(id, { where, steps: [step] });
  };
  tour.forEach((step, i) => {
    if (step.focus !== undefined) named(step.focus, i + 1, at('tour', i, 'focus'));
    step.show?.forEach((id, k) => named(id, i + 1, at('tour', i, 'show', k)));
    // The JSON reader checks this too; a map built in memory (another format, an edit) is checked here.
    if (step.minutes !== undefined && !(Number.isFinite(step.minutes) && step.minutes > 0))
      problems.push(
        error(
          'schema',
          at('tour', i, 'minutes'),
          `tour step ${i + 1}: "minutes" must be a number more than 0, not ${String(step.minutes)}`,
        ),
      );
  });
  for (const [id, { where, steps }] of missing)
    problems.push(error('missing-node', where, `${stepsNamed(steps)}: no node "${id}"`));
  return problems;
}

/** "tour step 3", "tour steps 3 and 4", "tour steps 3, 4 and 7". */
function stepsNamed(steps: readonly number[]): string {
  if (steps.length === 1) return `tour step ${steps[0]}`;
  return `tour steps ${steps.slice(0, -1).join(', ')} and ${steps.at(-1)}`;
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
 * An implicit statement is one the reconstruction adds because the text leaves it unstated, so a quote on it
 * contradicts itself: either the statement is in the text (not implicit) or the quote is not its passage.
 */
function implicitQuoteWarnings(nodes: readonly MapNode[], pointer: (i: number) => string): Problem[] {
  return nodes.flatMap((node, i) =>
    node.implicit === true && node.quote !== undefined
      ? [
          {
            severity: 'warning' as const,
            code: 'implicit-quoted' as const,
            pointer: pointer(i),
            nodeId: node.id,
            message: `node "${node.id}" is implicit (unstated in the text) but has a quote; drop one of the two`,
          },
        ]
      : [],
  );
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
