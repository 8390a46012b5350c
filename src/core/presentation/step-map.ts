import { partOf } from '../model/submap.ts';
import type { ArgumentMap, MapNode, NodeId } from '../model/types.ts';

/**
 * The part of a map made of the `shown` boxes, to be laid out as a map of its own (a presentation step's
 * scene, docs/ARCHITECTURE.md, "Presenting"): the boxes in file order, so that a box keeps its place among
 * its siblings from step to step; the relations among them (`model/submap.ts`). Groups and the tour are
 * left out: frames of a few boxes say little on a slide.
 */
export function cutMap(map: ArgumentMap, shown: ReadonlySet<NodeId>): ArgumentMap {
  const { nodes, relations } = partOf(map, shown);
  return {
    ...(map.title !== undefined ? { title: map.title } : {}),
    ...(map.source !== undefined ? { source: map.source } : {}),
    groups: [],
    nodes: nodes.map(ungrouped),
    relations,
  };
}

const withoutGroup = new WeakMap<MapNode, MapNode>();

/**
 * A node without its group: the node itself when it has none, else one copy per node, made once, so that the
 * steps' layouts know it again and keep its measured box (`layout/box-memo.ts`).
 */
function ungrouped(node: MapNode): MapNode {
  if (node.group === undefined) return node;
  let copy = withoutGroup.get(node);
  if (copy === undefined) {
    const { group: _group, ...rest } = node;
    withoutGroup.set(node, (copy = rest));
  }
  return copy;
}
