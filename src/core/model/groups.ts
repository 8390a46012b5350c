import type { Group, GroupId } from './types.ts';

/** Groups nested deeper than this are refused: each frame is drawn around its nested groups' frames. */
export const maxGroupDepth = 1000;

/**
 * Whether group `group` is `wanted` or nested inside it (Argdown headings nest). A cycle of parents, which a
 * hand-written file may contain, is cut where it is found. Each answer takes constant time (see `GroupTree`),
 * so that a layout may ask it for every box and every group.
 */
export function createGroupTest(
  groups: readonly Group[],
): (group: GroupId | undefined, wanted: GroupId) => boolean {
  const tree = new GroupTree(groups);
  return (group, wanted) => tree.isIn(group, wanted);
}

/**
 * The groups as a forest, numbered in one depth-first walk (no recursion): a group is nested in another when
 * its number lies within the other's range, a constant-time test however deep the nesting.
 */
export class GroupTree {
  /** Groups in depth-first order: every group after its parent. */
  readonly order: GroupId[] = [];
  private readonly enter = new Map<GroupId, number>();
  private readonly exit = new Map<GroupId, number>();
  /** The parent of each group in the forest (a parent that closed a cycle, or is not a group, left out). */
  readonly parentOf = new Map<GroupId, GroupId>();
  /** A parent id that names no group, per top group: `isIn` answers for it as the walk up would. */
  private readonly danglingAbove = new Map<GroupId, GroupId>();
  private readonly topOf = new Map<GroupId, GroupId>();

  constructor(groups: readonly Group[]) {
    const known = new Map(groups.map((g) => [g.id, g.parent]));
    this.cutCycles(groups, known);
    const children = new Map<GroupId, GroupId[]>();
    const tops: GroupId[] = [];
    for (const id of known.keys()) {
      const parent = this.parentOf.get(id);
      if (parent === undefined) {
        tops.push(id);
        continue;
      }
      const list = children.get(parent);
      if (list) list.push(id);
      else children.set(parent, [id]);
    }
    for (const top of tops) {
      const dangling = known.get(top);
      if (dangling !== undefined && !known.has(dangling)) this.danglingAbove.set(top, dangling);
      this.walk(top, children);
    }
  }

  /** Whether `group` is `wanted` or nested in it. */
  isIn(group: GroupId | undefined, wanted: GroupId): boolean {
    if (group === undefined) return false;
    if (group === wanted) return true;
    const at = this.enter.get(group);
    const from = this.enter.get(wanted);
    if (at === undefined) return false;
    if (from === undefined) {
      const top = this.topOf.get(group);
      return top !== undefined && this.danglingAbove.get(top) === wanted;
    }
    return from <= at && at <= this.exit.get(wanted)!;
  }

  /** How deep each group is nested: 1 for a group in no other, 2 for one inside it, and so on. */
  depths(): Map<GroupId, number> {
    const depth = new Map<GroupId, number>();
    for (const id of this.order) {
      const parent = this.parentOf.get(id);
      depth.set(id, parent === undefined ? 1 : depth.get(parent)! + 1);
    }
    return depth;
  }

  /** How many levels of groups each group holds nested inside it (0 for none), children before parents. */
  nesting(): Map<GroupId, number> {
    const nesting = new Map<GroupId, number>();
    for (let i = this.order.length - 1; i >= 0; i--) {
      const id = this.order[i]!;
      const parent = this.parentOf.get(id);
      if (parent === undefined) continue;
      nesting.set(parent, Math.max(nesting.get(parent) ?? 0, (nesting.get(id) ?? 0) + 1));
    }
    return nesting;
  }

  /** Keeps each group's parent unless following parents from it comes back to a group of the same walk. */
  private cutCycles(groups: readonly Group[], known: ReadonlyMap<GroupId, GroupId | undefined>): void {
    // 1: on the current walk up; 2: settled (its chain ends).
    const state = new Map<GroupId, 1 | 2>();
    for (const g of groups) {
      const path: GroupId[] = [];
      let at: GroupId | undefined = g.id;
      while (at !== undefined && known.has(at) && state.get(at) === undefined) {
        state.set(at, 1);
        path.push(at);
        const parent = known.get(at);
        if (parent !== undefined && known.has(parent) && state.get(parent) !== 1)
          this.parentOf.set(at, parent);
        at = parent;
      }
      for (const id of path) state.set(id, 2);
    }
  }

  private walk(top: GroupId, children: ReadonlyMap<GroupId, readonly GroupId[]>): void {
    const stack: { id: GroupId; next: number }[] = [{ id: top, next: 0 }];
    this.enter.set(top, this.order.length);
    this.topOf.set(top, top);
    this.order.push(top);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const child = children.get(frame.id)?.[frame.next++];
      if (child === undefined) {
        this.exit.set(frame.id, this.order.length - 1);
        stack.pop();
        continue;
      }
      this.enter.set(child, this.order.length);
      this.topOf.set(child, top);
      this.order.push(child);
      stack.push({ id: child, next: 0 });
    }
  }
}
