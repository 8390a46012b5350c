import { partOf } from './submap.ts';
import type { ArgumentMap, MapNode, NodeId } from './types.ts';

/**
 * Argdown's `isInMap`: a box marked `isInMap: false` (a node's extra field, as Argdown's data block names
 * it) stays in the map, its text, search and files, but is left out of the drawing. The Argdown reader marks
 * so the prose that Argdown's own map leaves out (README, "What the map draws"; docs/ARCHITECTURE.md,
 * "Layout").
 */
export const inMapKey = 'isInMap';

export const leftOutOfDrawing = (node: MapNode): boolean => node.extra?.[inMapKey] === false;

/**
 * Nodes tied to nothing: in no relation, and neither premise nor conclusion of an argument's
 * reconstruction. Argdown's map leaves such statements out, being the prose around the argument.
 */
export function disconnectedNodes(map: ArgumentMap): Set<NodeId> {
  const tied = new Set<NodeId>();
  for (const relation of map.relations) {
    for (const id of relation.from) tied.add(id);
    if (relation.type !== 'undercut') tied.add(relation.to);
  }
  for (const node of map.nodes) {
    if (node.type !== 'argument') continue;
    for (const id of node.premises ?? []) tied.add(id);
    if (node.conclusion !== undefined) tied.add(node.conclusion);
    if (node.premises !== undefined || node.conclusion !== undefined) tied.add(node.id);
  }
  return new Set(map.nodes.filter((n) => !tied.has(n.id)).map((n) => n.id));
}

/**
 * The prose around an argument, as Argdown writes it: untitled statements tied to nothing (a line of text
 * between the relation trees). Argdown's map leaves out titled ones too; argmap draws those, a box its
 * author named, as it is being written in the editor.
 */
export function proseNodes(map: ArgumentMap): Set<NodeId> {
  const loose = disconnectedNodes(map);
  return new Set(
    map.nodes
      .filter((n) => loose.has(n.id) && n.type === 'statement' && n.title === undefined)
      .map((n) => n.id),
  );
}

/**
 * The part of the map that is drawn: without the boxes left out of the drawing; a relation loses the premises
 * left out and goes when none is left or its target is left out, and an undercut goes with the relation it
 * attacks (`submap.ts`). The map itself when nothing is left out.
 */
export function drawnPart(map: ArgumentMap): ArgumentMap {
  if (!map.nodes.some(leftOutOfDrawing)) return map;
  const shown = new Set(map.nodes.filter((n) => !leftOutOfDrawing(n)).map((n) => n.id));
  return { ...map, ...partOf(map, shown) };
}
