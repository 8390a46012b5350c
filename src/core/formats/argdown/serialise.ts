import type { ArgumentMap, Group, MapNode, Relation } from '../../model/types.ts';
import { defineEntries } from '../own-keys.ts';
import { dataBlock } from './data-block.ts';
import { normaliseSpace, slug } from './syntax.ts';
import { frontMatterText } from './write-front-matter.ts';
import { isName, loneSurrogate, nameNodes, type NodeName } from './write-names.ts';

/**
 * Writes a map as Argdown that reads back to the same map (`parseArgdown`):
 * - YAML front matter with the title, source, tour and unknown top-level keys;
 * - every node defined once, in map order, as `[Title]: text #tags` (arguments `<Title>: text`), under a
 *   heading for its group; a `{…}` data block holds what the syntax cannot say (an id that is not the slug of
 *   the title, a text with line breaks, a quote, a speaker note, unknown keys);
 * - then every relation in map order: plain ones in relation trees (`[B]` ↳ `+ [A]`), the others (linked
 *   premises, tags, notes, relations someone undercuts) as premise–conclusion structures of an argument named
 *   after the relation, with `{type, id, tags, note}` on the inference line.
 * Argdown cannot undercut an undercut; such a relation is written as a comment.
 */
export function serialiseArgdown(map: ArgumentMap): string {
  const out: string[] = [];
  const header = frontMatterText(map);
  if (header) out.push(header);

  const names = nameNodes(map);
  const nodeById = new Map(map.nodes.map((n) => [n.id, n]));
  const ref = (id: string): string => {
    const node = nodeById.get(id);
    const name = names.get(id)?.title ?? id;
    return node?.type === 'argument' ? `<${escapeTitle(name)}>` : `[${escapeTitle(name)}]`;
  };

  // Nodes, with a heading whenever the group changes.
  const groups = new Map(map.groups.map((g) => [g.id, g]));
  const headings = new HeadingWriter(map.groups);
  let section: string | undefined;
  for (const node of map.nodes) {
    const group = node.group !== undefined && groups.has(node.group) ? node.group : undefined;
    if (group !== undefined && group !== section) {
      out.push(...headings.enter(groups.get(group)!, groups));
      section = group;
    }
    out.push(nodeLine(node, names.get(node.id)!, section));
  }
  for (const group of map.groups) if (!headings.written(group.id)) out.push(headings.heading(group));

  // Relations in map order; a run of plain relations into one target shares one tree.
  const undercutTargets = new Set(map.relations.filter((r) => r.type === 'undercut').map((r) => r.to));
  const relationNames = nameInferences(map, names, undercutTargets);
  let tree: { root: string; lines: string[] } | undefined;
  const flush = () => {
    if (tree) out.push([tree.root, ...tree.lines].join('\n'));
    tree = undefined;
  };
  for (const relation of map.relations) {
    const pcsName = relationNames.get(relation.id);
    if (pcsName !== undefined) {
      flush();
      out.push(premiseConclusion(relation, pcsName, relationNames, ref));
      continue;
    }
    const line = treeLine(relation, map, relationNames, ref);
    if (!line) {
      flush();
      out.push(`// ${relation.type} "${relation.id}" (of "${relation.to}") cannot be written in Argdown`);
      continue;
    }
    if (tree?.root !== line.root) {
      flush();
      tree = { root: line.root, lines: [] };
    }
    tree!.lines.push(`  ${line.symbol} ${line.child}`);
  }
  flush();
  return out.join('\n\n') + '\n';
}

/** Relations that need a premise–conclusion structure, and the argument title each is written under. */
function nameInferences(
  map: ArgumentMap,
  nodeNames: ReadonlyMap<string, NodeName>,
  undercutTargets: ReadonlySet<string>,
): Map<string, string> {
  const used = new Set(
    map.nodes.filter((n) => n.type === 'argument').map((n) => nodeNames.get(n.id)!.title ?? ''),
  );
  const names = new Map<string, string>();
  map.relations.forEach((relation, position) => {
    const plain =
      relation.from.length === 1 &&
      !relation.tags?.length &&
      relation.note === undefined &&
      !relation.extra &&
      !undercutTargets.has(relation.id) &&
      relation.id === `r${position + 1}`;
    if (plain) return;
    let name = isName(relation.id) && !used.has(relation.id) ? relation.id : undefined;
    for (let n = 1; name === undefined; n++) if (!used.has(`inference ${n}`)) name = `inference ${n}`;
    used.add(name);
    names.set(relation.id, name);
  });
  return names;
}

function premiseConclusion(
  relation: Relation,
  name: string,
  inferenceNames: ReadonlyMap<string, string>,
  ref: (id: string) => string,
): string {
  const data: Record<string, unknown> = {};
  if (slug(name, 'argument') !== relation.id) data.id = relation.id;
  if (relation.type !== 'support') data.type = relation.type;
  if (relation.tags?.length) data.tags = [...relation.tags];
  if (relation.note !== undefined) data.note = relation.note;
  defineEntries(data, relation.extra);
  const premises = relation.from.map((p, i) => `(${i + 1}) ${ref(p)}`);
  const inference = Object.keys(data).length > 0 ? `-- ${dataBlock(data)} --` : '----';
  // An undercut concludes the argument under which the relation it attacks is written.
  const concluded =
    relation.type === 'undercut'
      ? `<${escapeTitle(inferenceNames.get(relation.to) ?? relation.to)}>`
      : ref(relation.to);
  const conclusion = `(${relation.from.length + 1}) ${concluded}`;
  return `<${escapeTitle(name)}>\n\n${[...premises, inference, conclusion].join('\n')}`;
}

/** A plain relation as one line of a tree: `+`/`-` under its target, `><` under the other claim, `_` under the argument of what it undercuts. */
function treeLine(
  relation: Relation,
  map: ArgumentMap,
  inferenceNames: ReadonlyMap<string, string>,
  ref: (id: string) => string,
): { root: string; symbol: string; child: string } | undefined {
  const child = ref(relation.from[0]!);
  if (relation.type === 'undercut') {
    const name = inferenceNames.get(relation.to);
    if (name === undefined || !map.relations.some((r) => r.id === relation.to)) return undefined;
    return { root: `<${escapeTitle(name)}>`, symbol: '_', child };
  }
  const symbol = relation.type === 'support' ? '+' : relation.type === 'attack' ? '-' : '><';
  return { root: ref(relation.to), symbol, child };
}

function nodeLine(node: MapNode, name: NodeName, section: string | undefined): string {
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
  if (node.type === 'argument') {
    if (node.premises !== undefined) data.premises = [...node.premises];
    if (node.conclusion !== undefined) data.conclusion = node.conclusion;
  }
  defineEntries(data, node.extra);
  const open = node.type === 'argument' ? '<' : '[';
  const close = node.type === 'argument' ? '>' : ']';
  const parts = name.title === undefined ? [] : [`${open}${escapeTitle(name.title)}${close}:`];
  if (text !== '') parts.push(parts.length === 0 ? escapeLineStart(escapeText(text)) : escapeText(text));
  if (tagsInline) parts.push(...tags.map((t) => (/\s/.test(t) ? `#(${t})` : `#${t}`)));
  if (Object.keys(data).length > 0) parts.push(dataBlock(data));
  return parts.join(' ');
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
    const text = title === '' ? 'group' : escapeText(title);
    return `${'#'.repeat(level)} ${text}${Object.keys(data).length > 0 ? ' ' + dataBlock(data) : ''}`;
  }
}

/** Characters with a meaning in Argdown text, escaped with a backslash. */
function escapeText(text: string): string {
  return text.replace(/[\\[\]<>#{}@]/g, '\\$&').replace(/\/(?=[/*])/g, '\\/');
}

/** Text at the start of a line: a leading `* ` or `1. ` would read as a Markdown list item's marker. */
function escapeLineStart(text: string): string {
  return text.replace(/^\*(?=\s)/, '\\*').replace(/^(\d{1,9})\.(?=\s)/, '$1\\.');
}

function escapeTitle(title: string): string {
  return escapeText(title);
}

function isInlineTag(tag: string): boolean {
  return (
    tag !== '' &&
    normaliseSpace(tag) === tag &&
    !/[()\\{}#]|\/[/*]|<!--|[.,;:!?]$/.test(tag) &&
    !loneSurrogate.test(tag)
  );
}
