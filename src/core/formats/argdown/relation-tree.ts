import type { Place, RelationRecord, Use } from './document.ts';
import { symbolMeaning, type RelationSymbol } from './syntax.ts';

/** A line of a relation tree that later lines may be indented under. */
export interface TreeLevel {
  readonly indent: number;
  /** What the line names; undefined when it could not be read (lines under it then relate to nothing). */
  readonly use: Use | undefined;
  /** An inference line of a reconstruction: relations under it undercut the step it opens. */
  readonly inference?: { readonly argument: number; readonly step: number };
}

/**
 * The open lines of a block's relation tree, from its root to the line last read: a relation line belongs
 * under the nearest of them that is indented less than itself.
 */
export class RelationTree {
  private readonly levels: TreeLevel[];

  constructor(root?: TreeLevel) {
    this.levels = root ? [root] : [];
  }

  /** What the block's first open line names: an argument there may be reconstructed after the block. */
  get root(): Use | undefined {
    return this.levels[0]?.use;
  }

  /**
   * Closes the lines indented as deep as `indent` or deeper, and returns the line a relation line at `indent`
   * stands under (undefined when there is none).
   */
  parentAt(indent: number): TreeLevel | undefined {
    while (this.levels.length > 0 && this.levels[this.levels.length - 1]!.indent >= indent) this.levels.pop();
    return this.levels[this.levels.length - 1];
  }

  open(level: TreeLevel): void {
    this.levels.push(level);
  }
}

/**
 * What a relation line says about its parent: an edge of the tree, an undercut of the inference line it
 * stands under, an error, or nothing (a parent that could not be read).
 */
export function relationUnder(
  parent: TreeLevel,
  child: Use,
  symbol: RelationSymbol,
  place: Place,
): RelationRecord | { readonly error: string } | undefined {
  const meaning = symbolMeaning[symbol];
  if (parent.inference) {
    if (meaning.type !== 'undercut' || !meaning.childIsPremise)
      return { error: 'only an undercut ("_" or "<_") can stand under an inference line' };
    const { argument, step } = parent.inference;
    return { kind: 'inference-undercut', from: child, argument, step, place };
  }
  if (!parent.use) return undefined;
  const [from, to] = meaning.childIsPremise ? [child, parent.use] : [parent.use, child];
  return { kind: 'tree', type: meaning.type, from, to, place };
}
