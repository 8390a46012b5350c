import type { Group, NodeId } from '../../model/types.ts';
import { createGroupTest } from '../../model/groups.ts';
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
  const isIn = createGroupTest(groups);
  const inGroup = (id: NodeId, group: string): boolean => isIn(nodeGroup(id), group);
  const nesting = groupNesting(groups);
  const crowd = new Crowd(nodes);
  const frames: GroupFrame[] = [];
  for (const group of groups) {
    // Nodes come in pre-order: a parent before its children, siblings in order. A member joins its parent's
    // cluster, or that of the sibling member just before it.
    const clusterOf = new Map<NodeId, Cluster>();
    const lastUnder = new Map<string, Cluster | undefined>();
    const clusters: Cluster[] = [];
    for (const node of nodes) {
      const parentKey = node.parent ?? '';
      if (!inGroup(node.id, group.id)) {
        lastUnder.set(parentKey, undefined);
        continue;
      }
      const candidates = [
        node.parent !== undefined ? clusterOf.get(node.parent) : undefined,
        lastUnder.get(parentKey),
      ];
      // Join a cluster only if its grown hull would not take in boxes of others: such a frame would mislead.
      const outsider = (other: LaidOutNode) => !inGroup(other.id, group.id);
      let cluster = candidates.find((c) => c !== undefined && !crowd.holdsAny(union(c.hull, node), outsider));
      if (!cluster) clusters.push((cluster = { members: [], hull: node }));
      cluster.members.push(node);
      cluster.hull = union(cluster.hull, node);
      clusterOf.set(node.id, cluster);
      lastUnder.set(parentKey, cluster);
    }
    const { pad, band } = frameInsets(nesting.get(group.id) ?? 0);
    clusters.forEach(({ members }, i) => {
      const rect = frameAround(members, pad, band);
      frames.push({
        id: group.id,
        key: clusters.length === 1 ? group.id : `${group.id}#${i + 1}`,
        title: group.title,
        titleAt: { x: rect.x + gapGeometry.title.inset, y: rect.y + gapGeometry.title.baseline },
        nodes: members.map((n) => n.id),
        ...rect,
      });
    });
  }
  return frames;
}

/**
 * How many levels of groups each group holds nested inside it (0 for none). Nested groups get wider frames
 * than the groups inside them, so that both frames and titles show.
 */
export function groupNesting(groups: readonly Group[]): Map<string, number> {
  const parentGroup = new Map(groups.map((g) => [g.id, g.parent]));
  const nesting = new Map<string, number>();
  for (const g of groups) {
    const seen = new Set<string>();
    for (let p = g.parent, level = 1; p !== undefined && !seen.has(p); p = parentGroup.get(p), level++) {
      seen.add(p);
      nesting.set(p, Math.max(nesting.get(p) ?? 0, level));
    }
  }
  return nesting;
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
