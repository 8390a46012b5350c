import type { ArgumentMap, MapNode, NodeId, Relation, RelationId } from './types.ts';

/**
 * Argdown's `isInMap`: a box marked `isInMap: false` (a node's extra field, as Argdown's data block names
 * it) stays in the map, its text, search and files, but is left out of the drawing. The Argdown reader marks
 * so the statements that Argdown's own map leaves out (see docs/ARCHITECTURE.md, "Argdown").
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
 * The part of the map that is drawn: without the boxes left out of the drawing, the relations that touch
 * them, and the undercuts of relations so dropped. The map itself when nothing is left out.
 */
export function drawnPart(map: ArgumentMap): ArgumentMap {
  if (!map.nodes.some(leftOutOfDrawing)) return map;
  const nodes = map.nodes.filter((n) => !leftOutOfDrawing(n));
  const kept = new Set(nodes.map((n) => n.id));
  const dropped = new Set<RelationId>();
  const touchesLeftOut = (r: Relation) =>
    r.from.some((id) => !kept.has(id)) || (r.type !== 'undercut' && !kept.has(r.to));
  for (const r of map.relations) if (touchesLeftOut(r)) dropped.add(r.id);
  // An undercut of a dropped relation goes too; each round drops one more link of a chain of undercuts.
  for (let more = dropped.size > 0; more;) {
    more = false;
    for (const r of map.relations) {
      if (r.type === 'undercut' && !dropped.has(r.id) && dropped.has(r.to)) {
        dropped.add(r.id);
        more = true;
      }
    }
  }
  return { ...map, nodes, relations: map.relations.filter((r) => !dropped.has(r.id)) };
}
