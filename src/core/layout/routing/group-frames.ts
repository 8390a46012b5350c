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
    // The hull holds no box of others already (boxes never overlap): only what it grows by is looked at.
    let cluster = candidates.find((c) => c !== undefined && !crowd.holdsAnyBeyond(c.hull, node, outsider));
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

/**
 * The shown boxes in a grid of cells, to find quickly which ones a rectangle touches. Cells are as large as
 * a typical box, so a thin strip along a cluster's edge looks at a few cells, however many boxes the map has.
 */
export class Crowd {
  private readonly cells = new Map<number, LaidOutNode[]>();
  private readonly cellWidth: number;
  private readonly cellHeight: number;
  /** Cells probed, counted: tests hold layouts of hostile maps to a budget of steps. */
  steps = 0;

  constructor(private readonly nodes: readonly LaidOutNode[]) {
    this.cellWidth = Math.max(1, median(nodes.map((n) => n.width)));
    this.cellHeight = Math.max(1, median(nodes.map((n) => n.height)));
    for (const n of nodes) {
      const [x0, x1, y0, y1] = this.span(n);
      for (let cx = x0; cx <= x1; cx++)
        for (let cy = y0; cy <= y1; cy++) {
          const key = cellKey(cx, cy);
          const list = this.cells.get(key);
          if (list) list.push(n);
          else this.cells.set(key, [n]);
        }
    }
  }

  /** True when a box for which `counts` holds overlaps `rect`. */
  holdsAny(rect: Rect, counts: (node: LaidOutNode) => boolean): boolean {
    if (rect.width <= 0 || rect.height <= 0) return false;
    const [x0, x1, y0, y1] = this.span(rect);
    const touches = (n: LaidOutNode) =>
      n.x < rect.x + rect.width &&
      n.x + n.width > rect.x &&
      n.y < rect.y + rect.height &&
      n.y + n.height > rect.y;
    // A rectangle over more cells than there are boxes: looking at each box once is cheaper.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.nodes.length) {
      this.steps += this.nodes.length;
      return this.nodes.some((n) => touches(n) && counts(n));
    }
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(cellKey(cx, cy));
        this.steps += 1 + (list?.length ?? 0);
        if (list?.some((n) => touches(n) && counts(n))) return true;
      }
    return false;
  }

  /**
   * True when a box for which `counts` holds overlaps the hull of `hull` and `rect` but not `hull` itself:
   * the caller knows that `hull` holds none, so only the strips the hull grows by are looked at.
   */
  holdsAnyBeyond(hull: Rect, rect: Rect, counts: (node: LaidOutNode) => boolean): boolean {
    const r = union(hull, rect);
    const hullRight = hull.x + hull.width;
    const hullBottom = hull.y + hull.height;
    const strips: Rect[] = [
      { x: r.x, y: r.y, width: hull.x - r.x, height: r.height },
      { x: hullRight, y: r.y, width: r.x + r.width - hullRight, height: r.height },
      { x: hull.x, y: r.y, width: hull.width, height: hull.y - r.y },
      { x: hull.x, y: hullBottom, width: hull.width, height: r.y + r.height - hullBottom },
    ];
    return strips.some((strip) => this.holdsAny(strip, counts));
  }

  /** The first and last cell columns and rows a rectangle covers. */
  private span(r: Rect): [number, number, number, number] {
    return [
      Math.floor(r.x / this.cellWidth),
      Math.floor((r.x + r.width) / this.cellWidth),
      Math.floor(r.y / this.cellHeight),
      Math.floor((r.y + r.height) / this.cellHeight),
    ];
  }
}

/** One number per cell. Cells far out may share a number: that costs a few more looks, never a wrong answer. */
const cellKey = (cx: number, cy: number): number => (cx + 0x100000) * 0x200000 + (cy + 0x100000);

function median(values: number[]): number {
  if (values.length === 0) return 1;
  values.sort((a, b) => a - b);
  return values[values.length >> 1]!;
}
