import type { ArgumentMap, Group, MapNode } from '../../model/types.ts';
import { inMapKey, proseNodes } from '../../model/in-map.ts';
import { defineEntries } from '../own-keys.ts';
import { dataBlock } from './data-block.ts';
import { normaliseSpace, slug } from './syntax.ts';
import { frontMatterText } from './write-front-matter.ts';
import { escapeText, escapeTitle, loneSurrogate, nameNodes, type NodeName } from './write-names.ts';
import { inlineStatements } from './write-inline.ts';
import { planReconstructions, type ReconstructionPlan } from './write-reconstructions.ts';
import { planRegroup } from './write-regroup.ts';
import { relationBlocks } from './write-relations.ts';

/**
 * Every node but those in `skip` defined in map order, with a heading whenever the group changes, and the
 * group in force after the last line (where the relation blocks follow).
 */
function declarations(
  map: ArgumentMap,
  names: ReadonlyMap<string, NodeName>,
  regroup: ReturnType<typeof planRegroup>,
  plan: ReconstructionPlan,
  loose: ReadonlySet<string>,
  skip: ReadonlySet<string>,
): { lines: string[]; section: string | undefined } {
  const lines: string[] = [];
  const groups = new Map(map.groups.map((g) => [g.id, g]));
  const headings = new HeadingWriter(map.groups);
  let section: string | undefined;
  for (const node of map.nodes) {
    if (skip.has(node.id)) continue;
    const group = node.group !== undefined && groups.has(node.group) ? node.group : undefined;
    if (group !== undefined && group !== section) {
      lines.push(...headings.enter(groups.get(group)!, groups));
      section = group;
    }
    // With a regroup list in the front matter, headings say no group: the list does, or the node's data.
    const says = regroup === undefined ? section : regroup.listed.has(node.id) ? node.group : undefined;
    lines.push(
      nodeLine(node, names.get(node.id)!, says, plan.reconstructed.has(node.id), loose.has(node.id)),
    );
  }
  // Groups with no node of their own follow, in the order the reader gives the groups: the map's, or with a
  // regroup list the list's, so that a map read back is written the same.
  const rest = regroup === undefined ? map.groups : regroup.order.map((id) => groups.get(id)!);
  for (const group of rest) {
    if (headings.written(group.id)) continue;
    lines.push(headings.heading(group));
    section = group.id;
  }
  return { lines, section };
}

/**
 * Writes a map as Argdown that reads back to the same map (`parseArgdown`):
 * - YAML front matter with the title, source, tour and unknown top-level keys;
 * - every node defined once, in map order, as `[Title]: text #tags` (arguments `<Title>: text`), under a
 *   heading for its group; a `{…}` data block holds what the syntax cannot say (an id that is not the slug of
 *   the title, a text with line breaks, a quote, a speaker note, unknown keys); untitled statements that only
 *   one reconstruction uses are written inside it instead, as Argdown authors do (`write-inline.ts`);
 * - then every relation in map order (`write-relations.ts`): reconstructions of arguments as their
 *   premise–conclusion structures, plain relations in relation trees (`[B]` ↳ `+ [A]`), the others (linked
 *   premises, tags, notes, relations someone undercuts) as premise–conclusion structures of an argument named
 *   after the relation, with `{type, id, tags, note}` on the inference line.
 */
export function serialiseArgdown(map: ArgumentMap): string {
  const out: string[] = [];
  const names = nameNodes(map);
  const regroup = planRegroup(map, names);
  const header = frontMatterText(map, regroup?.sections);
  if (header) out.push(header);

  const plan = planReconstructions(map);
  const loose = map.relations.length > 0 ? proseNodes(map) : new Set<string>();
  const all = declarations(map, names, regroup, plan, loose, new Set());
  // Statements written inside their structures are left out of the declarations, which must still end in
  // the group the structures are read in.
  let inline = regroup === undefined ? inlineStatements(map, plan, all.section) : new Set<string>();
  let declared = inline.size > 0 ? declarations(map, names, regroup, plan, loose, inline) : all;
  if (declared.section !== all.section) {
    inline = new Set();
    declared = all;
  }
  out.push(...declared.lines);

  const nodeById = new Map(map.nodes.map((n) => [n.id, n]));
  const ref = (id: string): string => {
    const node = nodeById.get(id);
    if (inline.has(id)) return escapeText(node!.text);
    const name = names.get(id)?.title ?? id;
    return node?.type === 'argument' ? `<${escapeTitle(name)}>` : `[${escapeTitle(name)}]`;
  };
  out.push(...relationBlocks(map, names, ref, plan));
  return out.join('\n\n') + '\n';
}

function nodeLine(
  node: MapNode,
  name: NodeName,
  section: string | undefined,
  reconstructed: boolean,
  loose: boolean,
): string {
  const data: Record<string, unknown> = {};
  if (slug(name.idBase, node.type) !== node.id) data.id = node.id;
  if (name.titleInData) data.title = node.title ?? null;
  const text = loneSurrogate.test(node.text) ? '' : normaliseSpace(node.text);
  if (text !== node.text || text === '') data.text = node.text;
  if (node.group !== section) data.group = node.group ?? null;
  const tags = node.tags ?? [];
  const tagsInline = tags.every(isInlineTag);
  if (!tagsInline) data.tags = [...tags];
  if (node.quote !== undefined) data.quote = node.quote;
  if (node.note !== undefined) data.note = node.note;
  Object.assign(data, speakerData(node));
  // A reconstruction written as a premise–conclusion structure says the premises and conclusion itself.
  if (node.type === 'argument' && !reconstructed) {
    if (node.premises !== undefined) data.premises = [...node.premises];
    if (node.conclusion !== undefined) data.conclusion = node.conclusion;
  }
  defineEntries(data, inMapData(node.extra, loose));
  const open = node.type === 'argument' ? '<' : '[';
  const close = node.type === 'argument' ? '>' : ']';
  const parts = name.title === undefined ? [] : [`${open}${escapeTitle(name.title)}${close}:`];
  if (text !== '') parts.push(parts.length === 0 ? escapeLineStart(escapeText(text)) : escapeText(text));
  if (tagsInline) parts.push(...tags.map((t) => (/\s/.test(t) ? `#(${t})` : `#${t}`)));
  if (Object.keys(data).length > 0) parts.push(dataBlock(data));
  return parts.join(' ');
}

/**
 * The node's extra data as Argdown says it: prose (an untitled box tied to nothing) is left out of the map
 * unless it says `isInMap: true`, so that is written for one that is drawn, and `isInMap: false` goes without saying.
 */
function inMapData(extra: MapNode['extra'], loose: boolean): MapNode['extra'] {
  if (!loose) return extra;
  const { [inMapKey]: inMap, ...rest } = extra ?? {};
  return inMap === false ? rest : { ...rest, [inMapKey]: inMap ?? true };
}

/** `{implicit: true, speaker: "Interviewer"}` in the statement's data block, Argdown's place for metadata. */
function speakerData(node: MapNode): { implicit?: boolean; speaker?: string } {
  return {
    ...(node.implicit !== undefined ? { implicit: node.implicit } : {}),
    ...(node.speaker !== undefined ? { speaker: node.speaker } : {}),
  };
}

/** Writes group headings so that their nesting says each group's parent where it can. */
class HeadingWriter {
  private readonly stack: string[] = [];
  private readonly done = new Set<string>();
  private readonly titleCount = new Map<string, number>();

  constructor(groups: readonly Group[]) {
    for (const g of groups) {
      const title = normaliseSpace(g.title);
      this.titleCount.set(title, (this.titleCount.get(title) ?? 0) + 1);
    }
  }

  written(id: string): boolean {
    return this.done.has(id);
  }

  /**
   * Headings that open `group`'s section: its ancestors' headings first where the current nesting does not
   * already hold them, so that the nesting itself says who the parent is.
   */
  enter(group: Group, byId: ReadonlyMap<string, Group>): string[] {
    const chain = [group];
    for (let g = group; g.parent !== undefined && chain.length <= 6;) {
      const parent = byId.get(g.parent);
      if (!parent || chain.includes(parent)) return [this.heading(group)];
      chain.unshift(parent);
      g = parent;
    }
    if (chain.length > 6) return [this.heading(group)];
    let kept = 0;
    while (kept < chain.length - 1 && this.stack[kept] === chain[kept]!.id) kept++;
    return chain.slice(kept).map((g) => this.heading(g));
  }

  heading(group: Group): string {
    const parentAt = group.parent === undefined ? -1 : this.stack.indexOf(group.parent);
    const nests = group.parent === undefined || (parentAt >= 0 && parentAt < 5);
    const level = nests ? parentAt + 2 : 1;
    this.stack.length = level - 1;
    this.stack.push(group.id);
    const title = loneSurrogate.test(group.title) ? '' : normaliseSpace(group.title);
    const data: Record<string, unknown> = {};
    const first = !this.done.has(group.id);
    this.done.add(group.id);
    if (slug(title, 'group') !== group.id || (this.titleCount.get(title) ?? 0) > 1 || title === '')
      data.id = group.id;
    if (first) {
      if (title !== group.title || title === '') data.title = group.title;
      if (!nests) data.parent = group.parent;
      if (group.note !== undefined) data.note = group.note;
      defineEntries(data, group.extra);
    }
    const text = title === '' ? 'group' : escapeTitle(title);
    return `${'#'.repeat(level)} ${text}${Object.keys(data).length > 0 ? ' ' + dataBlock(data) : ''}`;
  }
}

/** Text at the start of a line: a leading `* ` or `1. ` would read as a Markdown list item's marker. */
function escapeLineStart(text: string): string {
  return text.replace(/^\*(?=\s)/, '\\*').replace(/^(\d{1,9})\.(?=\s)/, '$1\\.');
}

function isInlineTag(tag: string): boolean {
  return (
    tag !== '' &&
    normaliseSpace(tag) === tag &&
    !/[()\\{}#]|\/[/*]|<!--|[.,;:!?]$/.test(tag) &&
    !loneSurrogate.test(tag)
  );
}
