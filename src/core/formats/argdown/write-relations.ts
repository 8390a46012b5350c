import type { ArgumentMap, Relation, RelationId, RelationType } from '../../model/types.ts';
import { defineEntries } from '../own-keys.ts';
import { dataBlock } from './data-block.ts';
import { hasStrictKinds, isStrict, kindOfLine, symbolTypeOf } from './strict-mode.ts';
import { slug } from './syntax.ts';
import { escapeText, escapeTitle, isName, type NodeName } from './write-names.ts';
import type { PlannedReconstruction, ReconstructionPlan } from './write-reconstructions.ts';

/** How a node is referred to in Argdown: `[Title]` or `<Title>`. */
export type Ref = (id: string) => string;

/**
 * The relations of a map as Argdown blocks, in map order (the reader gives them back in the order written):
 * - reconstructions of arguments (`write-reconstructions.ts`) as premise–conclusion structures under the
 *   argument's title, with `{id, type, tags, note}` on an inference line only where the reader would not
 *   make them up the same;
 * - relations of one premise in relation trees (`[B]` ↳ `+ [A]`); a run into one target shares one tree.
 *   The reader numbers tree relations by the place of their line among all relation lines and inference
 *   steps (`r1`, `r2`, …), so a relation whose id is that number needs no more; another id, tags, notes
 *   and other keys go into `{relation: {…}}` on the line;
 * - the others (linked premises of no argument, relations someone undercuts) as the premise–conclusion
 *   structure of an argument named after the relation.
 * Argdown cannot undercut an undercut; such a relation is written as a comment.
 */
export function relationBlocks(
  map: ArgumentMap,
  nodeNames: ReadonlyMap<string, NodeName>,
  ref: Ref,
  plan: ReconstructionPlan,
): string[] {
  const out: string[] = [];
  const { titles, details } = argumentTitles(map, nodeNames, plan, lineKinds(map, plan));
  let tree: { root: string; lines: string[] } | undefined;
  const flush = () => {
    if (tree) out.push([tree.root, ...tree.lines].join('\n'));
    tree = undefined;
  };
  for (const relation of map.relations) {
    if (plan.covered.has(relation.id)) continue;
    const planned = plan.byFirstStep.get(relation.id);
    const title = titles.get(relation.id);
    if (planned !== undefined || title !== undefined) {
      flush();
      const steps = planned?.steps ?? [relation];
      const idBase = planned?.argument !== undefined ? planned.idBase : slug(title!, 'argument');
      const under = planned?.under ?? new Map<string, readonly Relation[]>();
      out.push(reconstructionText(title!, { steps, under }, idBase, ref, (to) => undercutTitle(to, titles)));
      continue;
    }
    const line = treeLine(relation, titles, ref, details.get(relation.id));
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
  return out;
}

/**
 * The title each premise–conclusion structure is written under, by the id of the relation that starts it
 * (and of the last step of a reconstruction, which an undercut of the argument aims at): the argument's own
 * title, else a name made of the relation's id where it is free, else `inference n`.
 */
function argumentTitles(
  map: ArgumentMap,
  nodeNames: ReadonlyMap<string, NodeName>,
  plan: ReconstructionPlan,
  kindOf: (relation: Relation) => RelationType | undefined,
): { titles: Map<RelationId, string>; details: Map<RelationId, string> } {
  const used = new Set(
    map.nodes.filter((n) => n.type === 'argument').map((n) => nodeNames.get(n.id)!.title ?? ''),
  );
  const undercutTargets = new Set(map.relations.filter((r) => r.type === 'undercut').map((r) => r.to));
  const ids = new Set(map.relations.map((r) => r.id));
  const titles = new Map<RelationId, string>();
  const details = new Map<RelationId, string>();
  const freeName = (wanted: string | undefined): string => {
    let name = wanted !== undefined && isName(wanted) && !used.has(wanted) ? wanted : undefined;
    for (let n = 1; name === undefined; n++) if (!used.has(`inference ${n}`)) name = `inference ${n}`;
    used.add(name);
    return name;
  };
  let records = 0;
  for (const relation of map.relations) {
    if (plan.covered.has(relation.id)) continue;
    const planned = plan.byFirstStep.get(relation.id);
    if (planned !== undefined) {
      const title =
        planned.argument !== undefined ? nodeNames.get(planned.argument)!.title! : freeName(planned.title);
      titles.set(relation.id, title);
      titles.set(planned.steps[planned.steps.length - 1]!.id, title);
      records += planned.steps.length + [...planned.under.values()].flat().length;
      continue;
    }
    if (relation.type === 'undercut' && !ids.has(relation.to)) continue;
    const inTree =
      relation.from.length === 1 && (!undercutTargets.has(relation.id) || plan.byLastStep.has(relation.id));
    const wantedId = `r${records + 1}`;
    records++;
    if (!inTree) titles.set(relation.id, freeName(relation.id));
    else {
      const data = relationData(relation, wantedId, kindOf(relation));
      if (data) details.set(relation.id, data);
    }
  }
  return { titles, details };
}

function undercutTitle(to: RelationId, titles: ReadonlyMap<RelationId, string>): string {
  return `<${escapeTitle(titles.get(to) ?? to)}>`;
}

/**
 * The type the reader gives a relation written on a tree line, from its symbol and ends (undefined: it
 * leaves the line out): in strict mode (strict-mode.ts) a support between statements reads as entails, so
 * one that is not says so in its data.
 */
function lineKinds(
  map: ArgumentMap,
  plan: ReconstructionPlan,
): (relation: Relation) => RelationType | undefined {
  const strict = isStrict(map.extra) || hasStrictKinds(map);
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const end = (id: string) => {
    const node = nodes.get(id);
    return node?.type === 'argument' && plan.reconstructed.has(id) ? (node.conclusion ?? id) : id;
  };
  // The reader leaves out a second contrary of the same two statements unless its line names its type.
  const contraries = new Set<string>();
  return (relation) => {
    if (relation.type === 'undercut') return relation.type;
    const from = relation.from[0]!;
    const ends = {
      fromIsStatement: nodes.get(from)?.type === 'statement' || plan.reconstructed.has(from),
      toIsStatement: nodes.get(relation.to)?.type === 'statement',
    };
    const read = kindOfLine(symbolTypeOf(relation.type), ends, strict);
    if (read !== 'contrary') return read;
    const pair = [end(from), relation.to].sort().join('\n');
    if (contraries.has(pair)) return undefined;
    contraries.add(pair);
    return read;
  };
}

/**
 * `{relation: {id, type, tags, note, …}}` for a relation line, with what the reader would not make up the same;
 * undefined when it needs none. Argdown has no data for relations: its tools keep it as the element's.
 */
function relationData(
  relation: Relation,
  wantedId: string,
  read: RelationType | undefined,
): string | undefined {
  const data: Record<string, unknown> = {};
  if (relation.id !== wantedId) data.id = relation.id;
  if (read !== relation.type) data.type = relation.type;
  if (relation.tags?.length) data.tags = [...relation.tags];
  if (relation.note !== undefined) data.note = relation.note;
  defineEntries(data, relation.extra);
  return Object.keys(data).length > 0 ? dataBlock({ relation: data }) : undefined;
}

/**
 * `<Title>` and its premise–conclusion structure: numbered statements, an inference line per step (`----`,
 * or `-- rule {data} --`), each step's conclusion opening the next step. An undercut concludes the argument
 * under which the relation it attacks is written.
 */
function reconstructionText(
  title: string,
  { steps, under }: Pick<PlannedReconstruction, 'steps' | 'under'>,
  idBase: string,
  ref: Ref,
  undercutTarget: (to: RelationId) => string,
): string {
  const lines: string[] = [];
  let n = 0;
  const numbered = (id: string, text: string) => {
    lines.push(`(${++n}) ${text}`);
    for (const r of under.get(id) ?? []) lines.push(`  ${lineUnder(r, id, ref)}`);
  };
  steps.forEach((step, i) => {
    const premises = i === 0 ? step.from : step.from.slice(1);
    for (const p of premises) numbered(p, ref(p));
    const wantedId = i === steps.length - 1 ? idBase : `${idBase}-step-${i + 1}`;
    lines.push(inferenceLine(step, wantedId));
    numbered(step.to, step.type === 'undercut' ? undercutTarget(step.to) : ref(step.to));
  });
  return `<${escapeTitle(title)}>\n\n${lines.join('\n')}`;
}

/** A relation of a numbered statement, on a line under it (`write-steps.ts`, `fitsUnder`). */
function lineUnder(relation: Relation, statement: string, ref: Ref): string {
  const type = symbolTypeOf(relation.type);
  if (relation.to === statement) {
    const symbol = type === 'support' ? '+' : type === 'attack' ? '-' : '><';
    return `${symbol} ${ref(relation.from[0]!)}`;
  }
  return `${type === 'support' ? '+>' : '->'} ${ref(relation.to)}`;
}

/** `----`, or `-- rule {data} --` with what the reader would not make up the same. */
function inferenceLine(step: Relation, wantedId: string): string {
  const data: Record<string, unknown> = {};
  if (step.id !== wantedId) data.id = step.id;
  if (step.type !== 'support') data.type = step.type;
  if (step.tags?.length) data.tags = [...step.tags];
  if (step.note !== undefined) data.note = step.note;
  const { rule, ...others } = step.extra ?? {};
  // The rule as the line's text where the reader gives it back the same, in the same place among the keys.
  const keys = Object.keys(step.extra ?? {});
  const ruleLast = keys[keys.length - 1] === 'rule';
  const ruleText = ruleLast && typeof rule === 'string' && isRuleText(rule) ? rule : undefined;
  defineEntries(data, ruleText === undefined ? step.extra : others);
  const parts = [
    ruleText !== undefined ? escapeText(ruleText) : '',
    Object.keys(data).length > 0 ? dataBlock(data) : '',
  ];
  const body = parts.filter((p) => p !== '').join(' ');
  return body === '' ? '----' : `-- ${body} --`;
}

/** A rule the inference line gives back as it is: one line of words, nothing Argdown reads as syntax. */
function isRuleText(rule: string): boolean {
  return isName(rule) && /^[\p{L}\p{N}][\p{L}\p{N} ,.'’()]*$/u.test(rule) && !/-$/.test(rule);
}

/** A plain relation as one line of a tree: `+`/`-` under its target, `><` under the other claim, `_` under the argument of what it undercuts. */
function treeLine(
  relation: Relation,
  titles: ReadonlyMap<RelationId, string>,
  ref: Ref,
  data: string | undefined,
): { root: string; symbol: string; child: string } | undefined {
  const child = ref(relation.from[0]!) + (data !== undefined ? ` ${data}` : '');
  if (relation.type === 'undercut') {
    const title = titles.get(relation.to);
    if (title === undefined) return undefined;
    return { root: `<${escapeTitle(title)}>`, symbol: '_', child };
  }
  const type = symbolTypeOf(relation.type);
  const symbol = type === 'support' ? '+' : type === 'attack' ? '-' : '><';
  return { root: ref(relation.to), symbol, child };
}
