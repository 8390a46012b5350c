import { plainText } from '../text/inline-runs.ts';
import { buildForest } from '../layout/forest.ts';
import { layoutMap } from '../layout/layout.ts';
import type { LaidOutMap } from '../layout/types.ts';
import { indexMap } from '../model/map-index.ts';
import { rolesOf } from '../model/roles.ts';
import type { ArgumentMap, NodeId } from '../model/types.ts';
import type { Room, StepTree } from './step-scene.ts';
import { drawnPart } from '../model/in-map.ts';

/** The overview's text is never drawn smaller than this on screen (14 px body text at 12 px). */
export const OVERVIEW_SCALE = 12 / 14;

/** The overview's boxes are narrow: a title, or the first words of a box's text. */
const OVERVIEW_TEXT_WIDTH = 110;
const OVERVIEW_TEXT_LENGTH = 70;

/**
 * The whole map for the room's overview (docs/ARCHITECTURE.md, "Presenting"): each box by its title (or its
 * text's first words), collapsed to the deepest level at which the map fits `screen` (in screen pixels) with
 * its text drawn at least `minScale` of its size; drawing down, or to the right when only that fits as deep.
 */
export function overviewLayout(whole: ArgumentMap, screen: Room, minScale = OVERVIEW_SCALE): LaidOutMap {
  const map = drawnPart(whole);
  const index = indexMap(map);
  const forest = buildForest(index);
  const byDepth: NodeId[][] = [];
  for (const tree of forest.all.values()) {
    if (tree.children.length > 0) (byDepth[tree.depth] ??= []).push(tree.id);
  }
  const compact = compactMap(map);
  const options = { roles: rolesOf(index), textWidth: OVERVIEW_TEXT_WIDTH };
  const readable = (laidOut: LaidOutMap) =>
    Math.min(screen.width / laidOut.bounds.width, screen.height / laidOut.bounds.height) >= minScale;
  // From the whole map up, a level at a time: the first readable, in either direction.
  for (let depth = byDepth.length; depth > 0; depth--) {
    const collapsed = new Set(byDepth[depth] ?? []);
    for (const direction of ['down', 'right'] as const) {
      const laidOut = layoutMap(compact, { ...options, collapsed, direction });
      if (readable(laidOut)) return laidOut;
    }
  }
  return layoutMap(compact, { ...options, collapsed: new Set(byDepth[0]) });
}

/**
 * The map with each box's text cut to its title, or to its first words; without groups, whose titles are
 * wider than the frames of such narrow boxes.
 */
function compactMap(map: ArgumentMap): ArgumentMap {
  const short = (text: string) => {
    if (text.length <= OVERVIEW_TEXT_LENGTH) return text;
    const cut = text.lastIndexOf(' ', OVERVIEW_TEXT_LENGTH - 2);
    return `${text.slice(0, cut > 0 ? cut : OVERVIEW_TEXT_LENGTH - 2)}…`;
  };
  return {
    ...map,
    groups: [],
    nodes: map.nodes.map(({ title, group: _group, ...node }) => ({
      ...node,
      text: title?.trim() ? title : short(plainText(node.text)),
    })),
  };
}

/**
 * Where each box of `ids` shows in a collapsed layout: itself when drawn, else the drawn box it is folded
 * under (none for a box on no drawn box's branch).
 */
export function drawnStandIns(tree: StepTree, laidOut: LaidOutMap, ids: Iterable<NodeId>): Set<NodeId> {
  const drawn = new Set(laidOut.nodes.map((n) => n.id));
  const standIns = new Set<NodeId>();
  for (const id of ids) {
    let at: NodeId | undefined = id;
    while (at !== undefined && !drawn.has(at)) at = tree.parent(at);
    if (at !== undefined) standIns.add(at);
  }
  return standIns;
}
