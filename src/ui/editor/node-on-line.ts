import { normaliseSpace } from '../../core/formats/argdown/syntax.ts';
import type { ArgumentMap } from '../../core/model/types.ts';
import type { LoadedMap } from '../../core/load.ts';

interface LineIndex {
  readonly definedOn: ReadonlyMap<number, string>;
  readonly byTitle: ReadonlyMap<string, string>;
  readonly ids: ReadonlySet<string>;
}

/** Built once per map read: the cursor moves at every keystroke, and a map may have 10,000 boxes. */
const indexes = new WeakMap<ArgumentMap, LineIndex>();

function lineIndex(map: ArgumentMap, definitions: LoadedMap['definitions']): LineIndex {
  let index = indexes.get(map);
  if (!index) {
    const definedOn = new Map<number, string>();
    for (const [id, place] of definitions ?? [])
      if (!definedOn.has(place.line)) definedOn.set(place.line, id);
    const byTitle = new Map<string, string>();
    for (const n of map.nodes) {
      const title = n.title !== undefined ? normaliseSpace(n.title) : undefined;
      if (title !== undefined && !byTitle.has(title)) byTitle.set(title, n.id);
    }
    index = { definedOn, byTitle, ids: new Set(map.nodes.map((n) => n.id)) };
    indexes.set(map, index);
  }
  return index;
}

/**
 * The box a line of Argdown text is about: the node defined on that line, else the first statement or
 * argument the line names by `[title]` or `<title>` (a reference in a relation tree or a premise list).
 */
export function nodeOnLine(
  map: ArgumentMap,
  definitions: LoadedMap['definitions'],
  lineText: string,
  line: number,
): string | undefined {
  const index = lineIndex(map, definitions);
  const defined = index.definedOn.get(line);
  if (defined !== undefined) return defined;
  // The relation symbol opening a line (`<- <Argument>`) is no part of a title.
  const named = lineText.replace(/^\s*(?:<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?=\s|\[|<)/, '');
  for (const match of named.matchAll(/\[((?:\\.|[^\]\\])+)\]|<((?:\\.|[^>\\])+)>/g)) {
    const title = normaliseSpace((match[1] ?? match[2]!).replace(/\\(.)/g, '$1'));
    // A title, or (for a node written without one) its id in brackets, as the Argdown writer does.
    const id = index.byTitle.get(title) ?? (index.ids.has(title) ? title : undefined);
    if (id !== undefined) return id;
  }
  return undefined;
}
