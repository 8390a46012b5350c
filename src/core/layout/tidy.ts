import type { NodeId } from '../model/types.ts';
import { shownChildren } from './folds.ts';
import type { Forest, TreeNode } from './forest.ts';

export interface Spacing {
  /** Between co-premises of one relation (drawn under one bar). */
  readonly linked: number;
  /** Between children of one node that belong to different relations. */
  readonly sibling: number;
  /** Between neighbouring boxes of different parents. */
  readonly cousin: number;
  /** Between the trees of different theses. */
  readonly thesis: number;
  /** Between levels. */
  readonly level: number;
  /** Added between neighbours of different groups, to make room for the group frames. */
  readonly groupBoundary: number;
}

/** Box extent along the sibling axis (breadth) and along the parent → child axis (depth). */
export interface Extent {
  readonly breadth: number;
  readonly depth: number;
}

export interface TidyPlacement {
  /** Centre of each shown box along the breadth axis, by tree node index (NaN for hidden nodes). */
  readonly centre: Float64Array;
  /** Start of each level along the depth axis (levels are sized over all nodes, shown or not). */
  readonly levelStart: readonly number[];
  readonly levelSize: readonly number[];
}

/**
 * Tidy tree after Reingold–Tilford, in Buchheim, Jünger and Leipert's linear-time form ("Improving Walker's
 * algorithm to run in linear time", 2002), as d3-hierarchy's `tree` implements it (same steps in the same order,
 * so the same numbers), on typed arrays, so that placing
 * ten thousand boxes makes no object per box and walk. Boxes of different widths work by a separation that is the sum of the two half
 * widths plus a gap. Levels are layered; each level is as deep as its deepest box in the whole forest, so
 * collapsing a subtree never moves the levels. Subtrees are placed rigidly: a subtree's inner layout does not
 * depend on what is beside it.
 */
export function placeTidy(
  forest: Forest,
  collapsed: ReadonlySet<NodeId>,
  extent: (node: TreeNode) => Extent,
  spacing: Spacing,
  groupOf: (node: TreeNode) => string | undefined = () => undefined,
  frameGap: (a: string | undefined, b: string | undefined) => number = () => 0,
): TidyPlacement {
  // The shown nodes in breadth-first order, so that each node's children are consecutive. Node 0 stands
  // above the theses; node n (one past the last) is the root's parent, as in the algorithm.
  const shown: TreeNode[] = [];
  const firstChild: number[] = [1];
  const childCount: number[] = [forest.roots.length];
  for (const root of forest.roots) shown.push(root);
  for (let i = 0; i < shown.length; i++) {
    const node = shown[i]!;
    const children = shownChildren(node, collapsed);
    firstChild.push(shown.length + 1);
    childCount.push(children.length);
    for (const child of children) shown.push(child);
  }
  const n = shown.length + 1;
  const tree = new TidyTree(n, firstChild, childCount);
  const breadth = new Float64Array(n);
  const groups: (string | undefined)[] = [undefined];
  for (let v = 1; v < n; v++) {
    const node = shown[v - 1]!;
    breadth[v] = extent(node).breadth;
    groups.push(groupOf(node));
  }
  const relationOf = (v: number) => shown[v - 1]!.relation;
  const gapBetween = (a: number, b: number) => {
    if (tree.parent[a] !== tree.parent[b]) return spacing.cousin;
    if (tree.parent[a] === 0) return spacing.thesis;
    return relationOf(a) === relationOf(b) ? spacing.linked : spacing.sibling;
  };
  tree.separation = (a, b) => {
    const half = (breadth[a]! + breadth[b]!) / 2;
    if (groups[a] === groups[b]) return half + gapBetween(a, b);
    // Between groups: room for the frames that end and begin there. The algorithm asks in either order; in
    // breadth-first order, the one before is on the left.
    const frames = a < b ? frameGap(groups[a], groups[b]) : frameGap(groups[b], groups[a]);
    return half + Math.max(gapBetween(a, b) + spacing.groupBoundary, frames);
  };
  const x = tree.layout();
  const centre = new Float64Array(forest.all.size).fill(NaN);
  for (let v = 1; v < n; v++) centre[shown[v - 1]!.index] = x[v]!;

  const levelSize: number[] = [];
  for (const node of forest.all.values()) {
    levelSize[node.depth] = Math.max(levelSize[node.depth] ?? 0, extent(node).depth);
  }
  const levelStart: number[] = [];
  let at = 0;
  for (let depth = 0; depth < levelSize.length; depth++) {
    levelStart.push(at);
    at += (levelSize[depth] ?? 0) + spacing.level;
  }
  return { centre, levelStart, levelSize };
}

const NONE = -1;

/**
 * The algorithm's state, one array per field (d3-hierarchy's TreeNode: z prelim, m mod, c change, s shift,
 * a ancestor, t thread, A default ancestor, i number among siblings). Node 0 is the root; `root` (n) its
 * parent, which only carries the root's mod.
 */
class TidyTree {
  readonly parent: Int32Array;
  private readonly index: Int32Array;
  private readonly z: Float64Array;
  private readonly m: Float64Array;
  private readonly c: Float64Array;
  private readonly s: Float64Array;
  private readonly a: Int32Array;
  private readonly t: Int32Array;
  private readonly A: Int32Array;
  separation: (a: number, b: number) => number = () => 1;

  constructor(
    private readonly n: number,
    private readonly firstChild: readonly number[],
    private readonly childCount: readonly number[],
  ) {
    this.parent = new Int32Array(n + 1).fill(NONE);
    this.index = new Int32Array(n + 1);
    for (let v = 0; v < n; v++)
      for (let k = 0; k < childCount[v]!; k++) {
        this.parent[firstChild[v]! + k] = v;
        this.index[firstChild[v]! + k] = k;
      }
    this.parent[0] = n;
    this.z = new Float64Array(n + 1);
    this.m = new Float64Array(n + 1);
    this.c = new Float64Array(n + 1);
    this.s = new Float64Array(n + 1);
    this.a = new Int32Array(n + 1);
    for (let v = 0; v <= n; v++) this.a[v] = v;
    this.t = new Int32Array(n + 1).fill(NONE);
    this.A = new Int32Array(n + 1).fill(NONE);
  }

  /** Breadth of every node (index 0 the root, at 0). */
  layout(): Float64Array {
    const { n, z, m } = this;
    // First walk in d3's `eachAfter` order: a node after its children, siblings left to right.
    const stack = new Int32Array(n);
    const after = new Int32Array(n);
    let top = 0;
    let count = 0;
    stack[top++] = 0;
    while (top > 0) {
      const v = stack[--top]!;
      after[count++] = v;
      for (let k = 0; k < this.childCount[v]!; k++) stack[top++] = this.firstChild[v]! + k;
    }
    for (let k = count - 1; k >= 0; k--) this.firstWalk(after[k]!);
    m[n] = -z[0]!;
    // Second walk, parents first: breadth-first order is one.
    const x = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      const p = this.parent[v]!;
      x[v] = z[v]! + m[p]!;
      m[v] = m[v]! + m[p]!;
    }
    return x;
  }

  private children(v: number): number {
    return v < this.n ? this.childCount[v]! : 1;
  }

  private child(v: number, k: number): number {
    return v < this.n ? this.firstChild[v]! + k : 0;
  }

  private nextLeft(v: number): number {
    return this.children(v) > 0 ? this.child(v, 0) : this.t[v]!;
  }

  private nextRight(v: number): number {
    const count = this.children(v);
    return count > 0 ? this.child(v, count - 1) : this.t[v]!;
  }

  private moveSubtree(wm: number, wp: number, shift: number): void {
    const change = shift / (this.index[wp]! - this.index[wm]!);
    this.c[wp] = this.c[wp]! - change;
    this.s[wp] = this.s[wp]! + shift;
    this.c[wm] = this.c[wm]! + change;
    this.z[wp] = this.z[wp]! + shift;
    this.m[wp] = this.m[wp]! + shift;
  }

  private executeShifts(v: number): void {
    let shift = 0;
    let change = 0;
    for (let k = this.children(v) - 1; k >= 0; k--) {
      const w = this.child(v, k);
      this.z[w] = this.z[w]! + shift;
      this.m[w] = this.m[w]! + shift;
      shift += this.s[w]! + (change += this.c[w]!);
    }
  }

  private nextAncestor(vim: number, v: number, ancestor: number): number {
    const a = this.a[vim]!;
    return this.parent[a] === this.parent[v] ? a : ancestor;
  }

  private firstWalk(v: number): void {
    const { z, m } = this;
    const p = this.parent[v]!;
    const w = this.index[v]! > 0 ? this.child(p, this.index[v]! - 1) : NONE;
    const count = this.children(v);
    if (count > 0) {
      this.executeShifts(v);
      const midpoint = (z[this.child(v, 0)]! + z[this.child(v, count - 1)]!) / 2;
      if (w !== NONE) {
        z[v] = z[w]! + this.separation(v, w);
        m[v] = z[v]! - midpoint;
      } else {
        z[v] = midpoint;
      }
    } else if (w !== NONE) {
      z[v] = z[w]! + this.separation(v, w);
    }
    const ancestor = this.A[p] !== NONE ? this.A[p]! : this.child(p, 0);
    this.A[p] = this.apportion(v, w, ancestor);
  }

  private apportion(v: number, w: number, ancestor: number): number {
    if (w === NONE) return ancestor;
    const { z, m } = this;
    let vip = v;
    let vop = v;
    let vim = w;
    let vom = this.child(this.parent[vip]!, 0);
    let sip = m[vip]!;
    let sop = m[vop]!;
    let sim = m[vim]!;
    let som = m[vom]!;
    for (;;) {
      vim = this.nextRight(vim);
      vip = this.nextLeft(vip);
      if (vim === NONE || vip === NONE) break;
      vom = this.nextLeft(vom);
      vop = this.nextRight(vop);
      this.a[vop] = v;
      const shift = z[vim]! + sim - z[vip]! - sip + this.separation(vim, vip);
      if (shift > 0) {
        this.moveSubtree(this.nextAncestor(vim, v, ancestor), v, shift);
        sip += shift;
        sop += shift;
      }
      sim += m[vim]!;
      sip += m[vip]!;
      som += m[vom]!;
      sop += m[vop]!;
    }
    if (vim !== NONE && this.nextRight(vop) === NONE) {
      this.t[vop] = vim;
      m[vop] = m[vop]! + sim - sop;
    }
    if (vip !== NONE && this.nextLeft(vom) === NONE) {
      this.t[vom] = vip;
      m[vom] = m[vom]! + sip - som;
      ancestor = v;
    }
    return ancestor;
  }
}
