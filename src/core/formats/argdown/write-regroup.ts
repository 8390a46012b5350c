import type { ArgumentMap, Group, GroupId, NodeId } from '../../model/types.ts';
import { defineEntries } from '../own-keys.ts';
import { slug } from './syntax.ts';
import type { NodeName } from './write-names.ts';

/**
 * When the writer needs Argdown's `group: {regroup: […]}` (build-regroup.ts reads it): headings say a
 * node's group by where it is written, and a node of no group written after a heading would be in that
 * heading's section for Argdown's tools. A map with such a node lists its groups in the front matter
 * instead, each with the titles of its statements and arguments, as Argdown's RegroupPlugin reads them.
 */
export interface RegroupPlan {
  /** The `regroup` list for the front matter. */
  readonly sections: readonly Record<string, unknown>[];
  /** Nodes the list names: the others say their group in their data. */
  readonly listed: ReadonlySet<NodeId>;
  /** The groups in the order the list gives them (each before its children), which is the reader's order. */
  readonly order: readonly GroupId[];
}

export function planRegroup(map: ArgumentMap, names: ReadonlyMap<NodeId, NodeName>): RegroupPlan | undefined {
  const groupIds = new Set(map.groups.map((g) => g.id));
  const grouped = (group: GroupId | undefined) => group !== undefined && groupIds.has(group);
  const firstGrouped = map.nodes.findIndex((n) => grouped(n.group));
  if (firstGrouped < 0 || !map.nodes.slice(firstGrouped).some((n) => !grouped(n.group))) return undefined;
  // The reader places nodes by title: a title two nodes share is listed for neither.
  const titleCount = new Map<string, number>();
  for (const n of map.nodes) {
    if (n.title !== undefined)
      titleCount.set(`${n.type} ${n.title}`, (titleCount.get(`${n.type} ${n.title}`) ?? 0) + 1);
  }
  const listed = new Set<NodeId>();
  const members = new Map<GroupId, { statements: string[]; arguments: string[] }>();
  for (const node of map.nodes) {
    const title = names.get(node.id)?.title;
    if (!grouped(node.group) || title === undefined || title !== node.title) continue;
    if (titleCount.get(`${node.type} ${title}`) !== 1) continue;
    const entry = members.get(node.group!) ?? { statements: [], arguments: [] };
    members.set(node.group!, entry);
    (node.type === 'statement' ? entry.statements : entry.arguments).push(title);
    listed.add(node.id);
  }
  const children = new Map<GroupId | undefined, Group[]>();
  for (const g of map.groups) {
    const parent =
      g.parent !== undefined && groupIds.has(g.parent) && g.parent !== g.id ? g.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), g]);
  }
  const seen = new Set<GroupId>();
  const order: GroupId[] = [];
  const section = (g: Group): Record<string, unknown> => {
    seen.add(g.id);
    order.push(g.id);
    const entry = members.get(g.id);
    const nested = (children.get(g.id) ?? []).filter((c) => !seen.has(c.id)).map(section);
    const own = {
      title: g.title,
      ...(slug(g.title, 'group') !== g.id ? { id: g.id } : {}),
      ...(g.note !== undefined ? { note: g.note } : {}),
      ...(entry?.statements.length ? { statements: entry.statements } : {}),
      ...(entry?.arguments.length ? { arguments: entry.arguments } : {}),
      ...(nested.length > 0 ? { children: nested } : {}),
    };
    return defineEntries(own, g.extra);
  };
  const sections = (children.get(undefined) ?? []).map(section);
  // Groups on a cycle of parents hang from nothing the walk reaches: each is listed at the top.
  for (const g of map.groups) if (!seen.has(g.id)) sections.push(section(g));
  return { sections, listed, order };
}
