import type { ArgumentMap, MapNode, NodeId } from '../../model/types.ts';
import { normaliseSpace } from './syntax.ts';
import { isUntitledHandle, untitledHandle } from './untitled.ts';

/** How the writer names a node in Argdown. */
export interface NodeName {
  /** The title written in brackets; undefined for a statement written as a plain line. */
  readonly title: string | undefined;
  /** What the reader makes the node's id from: the title, or for an untitled box its text. */
  readonly idBase: string;
  /** The title the model holds cannot be read from the brackets: it is written in data (null for none). */
  readonly titleInData: boolean;
}

/**
 * Names for nodes. Titles first, where they can be Argdown titles and are free, so that nothing else takes
 * them; then untitled boxes: a plain line when nothing refers to it by name, else a stand-in title made of
 * the start of its text (`untitled.ts`); a title that cannot be written (or a text too odd for a stand-in)
 * falls back to the id, or a made-up name, with the real title in data.
 */
export function nameNodes(map: ArgumentMap): Map<NodeId, NodeName> {
  const used = { statement: new Set<string>(), argument: new Set<string>() };
  const names = new Map<NodeId, NodeName>();
  for (const node of map.nodes) {
    const title = node.title;
    if (title === undefined || !isName(title) || used[node.type].has(title)) continue;
    used[node.type].add(title);
    names.set(node.id, { title, idBase: title, titleInData: isUntitledHandle(title, node.text) });
  }
  const referred = referredNodes(map);
  map.nodes.forEach((node, i) => {
    if (names.has(node.id)) return;
    const name = untitledName(node, referred, used[node.type]) ?? fallbackName(node, i, used[node.type]);
    if (name.title !== undefined) used[node.type].add(name.title);
    names.set(node.id, name);
  });
  return names;
}

/** An untitled box as a plain line, or under a stand-in title; undefined when neither can be written. */
function untitledName(
  node: MapNode,
  referred: ReadonlySet<NodeId>,
  used: ReadonlySet<string>,
): NodeName | undefined {
  if (node.title !== undefined || loneSurrogate.test(node.text)) return undefined;
  const text = normaliseSpace(node.text);
  if (node.type === 'statement' && !referred.has(node.id) && startsPlainLine(text)) {
    return { title: undefined, idBase: text, titleInData: false };
  }
  const handle = untitledHandle(text, used);
  return handle === undefined ? undefined : { title: handle, idBase: text, titleInData: false };
}

function fallbackName(node: MapNode, index: number, used: ReadonlySet<string>): NodeName {
  const candidates = [node.title, node.id, `${node.type} ${index + 1}`];
  let title = candidates.find((c): c is string => c !== undefined && isName(c) && !used.has(c));
  for (let n = 2; title === undefined; n++)
    if (!used.has(`${node.type} ${index + 1}-${n}`)) title = `${node.type} ${index + 1}-${n}`;
  return { title, idBase: title, titleInData: true };
}

/** Nodes that relations name: these need a title to be referred to. */
function referredNodes(map: ArgumentMap): Set<NodeId> {
  const referred = new Set<NodeId>();
  for (const relation of map.relations) {
    for (const id of relation.from) referred.add(id);
    referred.add(relation.to);
  }
  return referred;
}

/**
 * A text that, written as a line of its own, is read as a plain statement: it starts with a letter, a digit
 * or an opening quote, not with what would make the line a heading, relation, numbered line or title.
 */
export function startsPlainLine(text: string): boolean {
  return /^[\p{L}\p{N}"'“‘«„]/u.test(text) && !/^\(\d+\)/.test(text);
}

/** Half of a surrogate pair alone: text files cannot hold it, JSON escapes it. */
export const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A title the reader gives back as it is: one line, no runs of white space, not empty. */
export function isName(s: string): boolean {
  return s !== '' && normaliseSpace(s) === s && !loneSurrogate.test(s);
}

/**
 * Characters with a meaning in Argdown text, escaped with a backslash; a Markdown link (`[text](url)`) is
 * left as it is, since the reader takes it as text and Argdown's own tools as a link.
 */
export function escapeText(text: string): string {
  let out = '';
  let from = 0;
  for (const link of text.matchAll(markdownLink)) {
    out += escapeTextPart(text.slice(from, link.index)) + link[0];
    from = link.index + link[0].length;
  }
  return out + escapeTextPart(text.slice(from));
}

/** Text between links: as a title, except that a backslash before an emphasis mark is the text's own escape. */
function escapeTextPart(text: string): string {
  return text.replace(/\\(?![*_])|[[\]<>#{}@]/g, '\\$&').replace(/\/(?=[/*])/g, '\\/');
}

const markdownLink = /\[[^[\]\\{}<>#@/]+\]\([^()\s\\{}<>]+\)/g;

/** A title in brackets: every character with a meaning escaped, links too. */
export function escapeTitle(text: string): string {
  return text.replace(/[\\[\]<>#{}@]/g, '\\$&').replace(/\/(?=[/*])/g, '\\/');
}
