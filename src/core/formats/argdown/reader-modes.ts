import type { Place } from './document.ts';
import type { Reconstruction } from './reconstruction.ts';
import type { RelationTree } from './relation-tree.ts';

/**
 * The modes of the Argdown line reader (`read.ts`): what the lines read so far leave open, and so what the
 * next line can mean. A blank line or a heading ends any block; the document starts and ends between blocks.
 */

/** The entry last given a text, tags or data: a text line going on from there adds to it. */
export interface Written {
  readonly entry: number;
  readonly hasText: boolean;
  /** Written as `[Title]:` with nothing after the colon: the next line gives its text. */
  readonly textFollows?: boolean;
}

/** After a blank line or a heading. The argument of the block before may be reconstructed next. */
export interface BetweenBlocks {
  readonly kind: 'between-blocks';
  readonly argumentAbove: number | undefined;
}

/** A block of an element and the relation lines under it. */
export interface InRelationTree {
  readonly kind: 'relation-tree';
  readonly tree: RelationTree;
  lastWritten: Written | undefined;
  /** Kept from between blocks when the block starts with a relation that has nothing to relate to. */
  readonly argumentAbove: number | undefined;
}

/** Numbered statements and inference lines, with the relations indented under them. */
export interface InReconstruction {
  readonly kind: 'reconstruction';
  readonly reconstruction: Reconstruction;
  /** The relations of the last numbered statement, or the undercuts of the last inference line. */
  tree: RelationTree;
  lastWritten: Written | undefined;
}

/** After a line `--`: every line is the inference's rule and data until the next `--`. */
export interface InInferenceLines {
  readonly kind: 'inference-lines';
  readonly place: Place;
  readonly lines: string[];
  /** The mode to go back to when the inference line is closed. */
  readonly within: BlockMode;
}

export type InBlock = InRelationTree | InReconstruction;
export type BlockMode = BetweenBlocks | InBlock;
export type Mode = BlockMode | InInferenceLines;

export const betweenBlocks = (argumentAbove: number | undefined): BetweenBlocks => ({
  kind: 'between-blocks',
  argumentAbove,
});
