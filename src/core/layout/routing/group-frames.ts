import type { Group, NodeId } from '../../model/types.ts';
import { GroupTree } from '../../model/groups.ts';
import { boundsOf, union } from '../rect.ts';
import { gapGeometry } from './gap-geometry.ts';
import type { GroupFrame, LaidOutNode, Rect } from '../types.ts';

const { framePadding, framePaddingPerNesting, titleBand } = gapGeometry;

/**
 * Frames for groups. Groups are themes, not subtrees, so one rectangle around all members of a group would
 * cover half the map. Instead each cluster of a group gets its own frame: members join the cluster of their
 * tree parent or of the sibling before them, as long as the frame would not take in boxes of other groups
 * (nested groups count for their parents). Frames are drawn behind the boxes.
 */
export function groupFrames(
  groups: readonly Group[],
  nodes: readonly LaidOutNode[],
  nodeGroup: (id: NodeId) => string | undefined,
): GroupFrame[] {
  const tree = new GroupTree(groups);
  const nesting = tree.nesting();
  const crowd = new Crowd(nodes);
  const frames: GroupFrame[] = [];
  const members = membersByGroup(tree, nodes, nodeGroup);
  const before = previousSiblings(nodes);
  for (const group of groups) {
    const list = members.get(group.id);
    if (!list) continue;
    members.delete(group.id);
    const clusters = groupClusters(
      list,
      before,
      nodes,
      (other) => !tree.isIn(nodeGroup(other.id), group.id),
      crowd,
    );
    const { pad, band } = frameInsets(nesting.get(group.id) ?? 0);
    clusters.forEach((cluster, i) => {
      const rect = frameAround(cluster.members, pad, band);
      frames.push({
        id: group.id,
        key: clusters.length === 1 ? group.id : `${group.id}#${i + 1}`,
        title: group.title,
        titleAt: { x: rect.x + gapGeometry.title.inset, y: rect.y + gapGeometry.title.baseline },
        nodes: cluster.members.map((n) => n.id),
        ...rect,
      });
    });
  }
  return frames;
}

/**
 * The clusters of one group. Nodes come in pre-order: a parent before its children, siblings in order. A
 * member joins its parent's cluster, or that of the sibling just before it when that one is a member too.
 */
function groupClusters(
  list: readonly number[],
  before: readonly number[],
  nodes: readonly LaidOutNode[],
  outsider: (node: LaidOutNode) => boolean,
  crowd: Crowd,
): Cluster[] {
  const clusterOf = new Map<NodeId, Cluster>();
  const clusterAt = new Map<number, Cluster>();
  const clusters: Cluster[] = [];
  for (const index of list) {
    const node = nodes[index]!;
    const candidates = [
      node.parent !== undefined ? clusterOf.get(node.parent) : undefined,
      clusterAt.get(before[index]!),
    ];
    // Join a cluster only if its grown hull would not take in boxes of others: such a frame would mislead.
    let cluster = candidates.find((c) => c !== undefined && !crowd.holdsAny(union(c.hull, node), outsider));
    if (!cluster) clusters.push((cluster = { members: [], hull: node }));
    cluster.members.push(node);
    cluster.hull = union(cluster.hull, node);
    clusterOf.set(node.id, cluster);
    clusterAt.set(index, cluster);
  }
  return clusters;
}

/** For each group, the indices of the nodes in it or in a group nested in it, in node order. */
function membersByGroup(
  tree: GroupTree,
  nodes: readonly LaidOutNode[],
  nodeGroup: (id: NodeId) => string | undefined,
): Map<string, number[]> {
  const members = new Map<string, number[]>();
  nodes.forEach((node, index) => {
    const seen = new Set<string>();
    for (let at = nodeGroup(node.id); at !== undefined && !seen.has(at); at = tree.parentOf.get(at)) {
      seen.add(at);
      const list = members.get(at);
      if (list) list.push(index);
      else members.set(at, [index]);
    }
  });
  return members;
}

/** For each node, the index of the node before it under the same parent (-1 for none). */
function previousSiblings(nodes: readonly LaidOutNode[]): number[] {
  const last = new Map<string, number>();
  return nodes.map((node, index) => {
    const key = node.parent ?? '';
    const previous = last.get(key) ?? -1;
    last.set(key, index);
    return previous;
  });
}

/**
 * How many levels of groups each group holds nested inside it (0 for none). Nested groups get wider frames
 * than the groups inside them, so that both frames and titles show.
 */
export function groupNesting(groups: readonly Group[]): Map<string, number> {
  return new GroupTree(groups).nesting();
}

/** A frame's padding around its boxes and the title band above, for a group holding `nesting` levels. */
export const frameInsets = (nesting: number): { pad: number; band: number } => ({
  pad: framePadding + framePaddingPerNesting * nesting,
  band: titleBand * (1 + nesting),
});

function frameAround(members: readonly LaidOutNode[], pad: number, band: number): Rect {
  const hull = boundsOf(members);
  return {
    x: hull.x - pad,
    y: hull.y - pad - band,
    width: hull.width + 2 * pad,
    height: hull.height + 2 * pad + band,
  };
}

interface Cluster {
  readonly members: LaidOutNode[];
  hull: Rect;
}

/** The shown boxes sorted by their left edge, to find quickly which ones a rectangle touches. */
class Crowd {
  private readonly sorted: readonly LaidOutNode[];
  private readonly widest: number;

  constructor(nodes: readonly LaidOutNode[]) {
    this.sorted = [...nodes].sort((a, b) => a.x - b.x);
    this.widest = nodes.reduce((max, n) => Math.max(max, n.width), 0);
  }

  /** True when a box for which `counts` holds overlaps `rect`. */
  holdsAny(rect: Rect, counts: (node: LaidOutNode) => boolean): boolean {
    let lo = 0;
    let hi = this.sorted.length;
    const from = rect.x - this.widest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.x < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.x < rect.x + rect.width; i++) {
      const n = this.sorted[i]!;
      if (n.x + n.width > rect.x && n.y < rect.y + rect.height && n.y + n.height > rect.y && counts(n))
        return true;
    }
    return false;
  }
}
