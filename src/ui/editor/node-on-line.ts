import { normaliseSpace } from '../../core/formats/argdown/syntax.ts';
import type { ArgumentMap } from '../../core/model/types.ts';
import type { LoadedMap } from '../../core/load.ts';

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
  if (definitions) {
    for (const [id, place] of definitions) if (place.line === line) return id;
  }
  for (const match of lineText.matchAll(/\[((?:\\.|[^\]\\])+)\]|<((?:\\.|[^>\\])+)>/g)) {
    const title = normaliseSpace((match[1] ?? match[2]!).replace(/\\(.)/g, '$1'));
    // A title, or (for a node written without one) its id in brackets, as the Argdown writer does.
    const node =
      map.nodes.find((n) => n.title !== undefined && normaliseSpace(n.title) === title) ??
      map.nodes.find((n) => n.id === title);
    if (node) return node.id;
  }
  return undefined;
}
