import { createRequire } from 'node:module';
import type { ArgumentMap, MapNode, Relation } from '../../src/core/model/types.ts';
import { isUntitledHandle } from '../../src/core/formats/argdown/untitled.ts';

/**
 * What an Argdown document means, in terms both argmap and Argdown's reference implementation
 * (`@argdown/core`) can give: statements and arguments by title (an untitled statement by its text),
 * each argument's premises and conclusion, and the relations as sorted `type from → to` lines. Argdown
 * lets a reconstructed argument's outgoing relations leave from its conclusion; both sides are read so.
 */
export interface ArgdownSummary {
  readonly statements: readonly string[];
  readonly arguments: readonly string[];
  readonly relations: readonly string[];
}

interface RefElement {
  readonly type: string;
  readonly title?: string;
  readonly members?: readonly { readonly text?: string }[];
  readonly argumentTitle?: string;
}
interface RefResult {
  readonly statements?: Record<string, RefElement>;
  readonly arguments?: Record<
    string,
    { readonly title: string; readonly pcs?: readonly { title: string; role: string }[] }
  >;
  readonly relations?: readonly { relationType: string; from: RefElement; to: RefElement }[];
  readonly lexerErrors?: readonly unknown[];
  readonly parserErrors?: readonly unknown[];
  readonly exceptions?: readonly unknown[];
}

// The reference declares Node 22 in its engines but runs on Node 20; its warning is not this test's.
const { argdown } = createRequire(import.meta.url)('@argdown/core') as {
  argdown: { run(request: Record<string, unknown>): RefResult };
};

/** The reference's reading; `errors` counts what it reports as wrong with the text. */
export function referenceSummary(input: string): ArgdownSummary & { readonly errors: number } {
  const r = argdown.run({
    process: ['parse-input', 'build-model'],
    input,
    logLevel: 'none',
    throwExceptions: false,
  });
  const errors = (r.lexerErrors?.length ?? 0) + (r.parserErrors?.length ?? 0) + (r.exceptions?.length ?? 0);
  const statementKey = (s: RefElement): string => {
    // The reference keeps the space before a data block in the text; argmap trims it.
    const text = (s.members?.[0]?.text ?? '').trim();
    const untitled =
      s.title === undefined || /^Untitled \d+$/.test(s.title) || isUntitledHandle(s.title, text);
    return untitled ? `"${text}"` : `[${s.title}]`;
  };
  const keyOf = (e: RefElement): string =>
    e.type === 'argument'
      ? `<${e.title}>`
      : e.type === 'inference'
        ? `<${e.argumentTitle}>`
        : statementKey(r.statements?.[e.title!] ?? e);
  const statements = Object.values(r.statements ?? {}).map(statementKey);
  const args = Object.values(r.arguments ?? {}).map((a) => {
    const pcs = a.pcs ?? [];
    const key = (title: string) => statementKey(r.statements![title]!);
    const premises = pcs.filter((s) => s.role === 'premise').map((s) => key(s.title));
    const conclusion = pcs.filter((s) => s.role === 'main-conclusion').map((s) => key(s.title));
    // argmap writes an untitled argument's reconstruction under the id of its last step, `argument`.
    const title = /^(?:Untitled \d+|argument(?:-\d+)?)$/.test(a.title) ? 'untitled' : a.title;
    return `<${title}>` + (pcs.length > 0 ? `: ${premises.join(', ')} ⊢ ${conclusion.join('')}` : '');
  });
  const relations = (r.relations ?? []).map((x) =>
    relationLine(
      x.relationType === 'contradictory' ? 'contradiction' : x.relationType,
      keyOf(x.from),
      keyOf(x.to),
    ),
  );
  return { ...sorted(statements, args, relations), errors };
}

/** argmap's reading of the same text, in the same terms. */
export function argmapSummary(map: ArgumentMap): ArgdownSummary {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const key = (node: MapNode | undefined): string =>
    node === undefined
      ? '?'
      : node.type === 'argument'
        ? `<${node.title ?? node.text}>`
        : node.title !== undefined
          ? `[${node.title}]`
          : `"${plainText(node.text)}"`;
  const args = map.nodes.flatMap((n) =>
    n.type !== 'argument'
      ? []
      : [
          key(n) +
            (n.conclusion !== undefined
              ? `: ${(n.premises ?? []).map((p) => key(byId.get(p))).join(', ')} ⊢ ${key(byId.get(n.conclusion))}`
              : ''),
        ],
  );
  // Relations a reconstruction makes (`<id>-inference…`, `<id>-conclusion`) are the argument's, not drawn ones.
  const ofArgument = new Map<string, MapNode>();
  for (const n of map.nodes) {
    if (n.type !== 'argument') continue;
    for (const r of map.relations)
      if (
        r.id === `${n.id}-inference` ||
        r.id.startsWith(`${n.id}-inference-step-`) ||
        r.id === `${n.id}-conclusion`
      )
        ofArgument.set(r.id, n);
  }
  // A reconstructed argument's outgoing relations leave from its conclusion, as Argdown reads them.
  const end = (id: string): string => {
    const node = byId.get(id);
    return node?.type === 'argument' && node.conclusion !== undefined
      ? key(byId.get(node.conclusion))
      : key(node);
  };
  const untitled = untitledReconstructions(map.relations);
  for (const steps of untitled.values()) {
    const premises = steps.flatMap((s, i) => (i === 0 ? s.from : s.from.slice(1)));
    const conclusion = steps[steps.length - 1]!.to;
    args.push(
      `<untitled>: ${premises.map((p) => key(byId.get(p))).join(', ')} ⊢ ${key(byId.get(conclusion))}`,
    );
  }
  const relations = map.relations
    .filter((r) => !ofArgument.has(r.id) && ![...untitled.values()].some((steps) => steps.includes(r)))
    .map((r: Relation) =>
      r.type === 'undercut'
        ? relationLine('undercut', key(byId.get(r.from[0]!)), key(ofArgument.get(r.to)))
        : relationLine(r.type, end(r.from[0]!), r.type === 'contradiction' ? end(r.to) : key(byId.get(r.to))),
    );
  return sorted(
    map.nodes.filter((n) => n.type === 'statement').map((n) => key(n)),
    args,
    relations,
  );
}

/**
 * The steps of reconstructions of no drawn argument (Argdown's untitled ones), by the id the reader made
 * them from: `argument`, `argument-2`, … for the last step, `…-step-n` before it.
 */
function untitledReconstructions(relations: readonly Relation[]): Map<string, Relation[]> {
  const found = new Map<string, Relation[]>();
  for (const r of relations) {
    const m = /^(argument(?:-\d+)?)(?:-step-\d+)?$/.exec(r.id);
    if (m) found.set(m[1]!, [...(found.get(m[1]!) ?? []), r]);
  }
  return found;
}

/** A contradiction has no direction: its two ends are sorted. */
function relationLine(type: string, from: string, to: string): string {
  const [a, b] = type === 'contradiction' && to < from ? [to, from] : [from, to];
  return `${type} ${a} → ${b}`;
}

function sorted(statements: string[], args: string[], relations: string[]): ArgdownSummary {
  return { statements: statements.sort(), arguments: args.sort(), relations: relations.sort() };
}

/**
 * The text without Markdown's emphasis and link markup: the reference's model holds plain text, argmap
 * keeps the markup as written (so that it writes it back).
 */
function plainText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)\1/g, '$2')
    .replace(/(\*|_)(?=\S)(.+?)\1/g, '$2');
}
