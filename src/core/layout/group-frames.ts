import type { Group, NodeId } from '../model/types.ts';
import type { GroupFrame, LaidOutNode } from './types.ts';

const padding = 10;
/** Room above the topmost box for the group's title. */
const titleBand = 18;

/**
 * Frames for groups. Groups are themes, not subtrees, so one rectangle around all members of a group would
 * cover half the map. Instead each cluster of a group gets its own frame: a member whose tree parent is not
 * in the group starts a cluster, which takes in the descendants that are in the group (nested groups count
 * for their parents). Frames are drawn behind the boxes.
 */
export function groupFrames(
  groups: readonly Group[],
  nodes: readonly LaidOutNode[],
  nodeGroup: (id: NodeId) => string | undefined,
): GroupFrame[] {
  const parentGroup = new Map(groups.map((g) => [g.id, g.parent]));
  const inGroup = (id: NodeId | undefined, group: string): boolean => {
    const seen = new Set<string>();
    for (
      let g = id === undefined ? undefined : nodeGroup(id);
      g !== undefined && !seen.has(g);
      g = parentGroup.get(g)
    ) {
      if (g === group) return true;
      seen.add(g);
    }
    return false;
  };
  // Nested groups get wider frames than the groups inside them, so that both frames and titles show.
  const nesting = new Map<string, number>();
  for (const g of groups) {
    const seen = new Set<string>();
    for (let p = g.parent, level = 1; p !== undefined && !seen.has(p); p = parentGroup.get(p), level++) {
      seen.add(p);
      nesting.set(p, Math.max(nesting.get(p) ?? 0, level));
    }
  }
  const frames: GroupFrame[] = [];
  for (const group of groups) {
    // Nodes come in pre-order: a parent before its children, siblings in order. A member whose parent is in
    // the group joins the parent's cluster; adjacent sibling members under an outside parent share one.
    const clusterOf = new Map<NodeId, LaidOutNode[]>();
    const lastUnder = new Map<string, LaidOutNode[] | undefined>();
    const clusters: LaidOutNode[][] = [];
    for (const node of nodes) {
      const parentKey = node.parent ?? '';
      if (!inGroup(node.id, group.id)) {
        lastUnder.set(parentKey, undefined);
        continue;
      }
      let cluster = node.parent !== undefined ? clusterOf.get(node.parent) : undefined;
      if (!cluster) {
        cluster = lastUnder.get(parentKey);
        if (!cluster) clusters.push((cluster = []));
        lastUnder.set(parentKey, cluster);
      }
      cluster.push(node);
      clusterOf.set(node.id, cluster);
    }
    const pad = padding + 8 * (nesting.get(group.id) ?? 0);
    const band = titleBand * (1 + (nesting.get(group.id) ?? 0));
    clusters.forEach((members, i) => {
      let left = Infinity;
      let top = Infinity;
      let right = -Infinity;
      let bottom = -Infinity;
      for (const n of members) {
        left = Math.min(left, n.x - pad);
        top = Math.min(top, n.y - pad - band);
        right = Math.max(right, n.x + n.width + pad);
        bottom = Math.max(bottom, n.y + n.height + pad);
      }
      frames.push({
        id: group.id,
        key: clusters.length === 1 ? group.id : `${group.id}#${i + 1}`,
        title: group.title,
        nodes: members.map((n) => n.id),
        x: left,
        y: top,
        width: right - left,
        height: bottom - top,
      });
    });
  }
  return frames;
}
