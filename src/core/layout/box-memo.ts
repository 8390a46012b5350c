import type { MapNode, Role } from '../model/types.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { measureBox, type BoxContent } from './box-style.ts';

/** A box as last measured, and what it was measured for besides the node itself. */
interface Measured {
  readonly role: Role;
  readonly textWidth: number | undefined;
  readonly speaker: string | undefined;
  readonly content: BoxContent;
}

/**
 * Boxes measured by earlier layouts, by measurer and node. A map's nodes are immutable (an edit makes a new
 * node, and a presentation step's cut keeps one copy per node, `presentation/step-map.ts`), so a node laid
 * out again (a subtree collapsed or expanded, the tour's steps, the paging of a deck) keeps its box unless its
 * role, text width or speaker changed; wrapping the text again is the largest part of laying out a large
 * map. One box per node: the last measured. Weak keys: a node no map holds any more takes its box with it.
 */
const memo = new WeakMap<TextMeasurer, WeakMap<MapNode, Measured>>();

/** `measureBox`, or what it gave for the same node, role, width and speaker before. */
export function measuredBox(
  node: MapNode,
  role: Role,
  measurer: TextMeasurer,
  textWidth: number | undefined,
  speaker: string | undefined,
): BoxContent {
  let boxes = memo.get(measurer);
  if (boxes === undefined) memo.set(measurer, (boxes = new WeakMap()));
  const known = boxes.get(node);
  if (
    known !== undefined &&
    known.role === role &&
    known.textWidth === textWidth &&
    known.speaker === speaker
  )
    return known.content;
  const content = measureBox(node, role, measurer, textWidth, speaker);
  boxes.set(node, { role, textWidth, speaker, content });
  return content;
}
