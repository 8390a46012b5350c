import { buildForest, type TreeNode } from '../../layout/forest.ts';
import { layoutMap, pillsOutside } from '../../layout/layout.ts';
import { boundsOf } from '../../layout/rect.ts';
import type { Direction, LaidOutMap, Rect } from '../../layout/types.ts';
import { indexMap } from '../../model/map-index.ts';
import { rolesOf } from '../../model/roles.ts';
import type { ArgumentMap, NodeId, Role } from '../../model/types.ts';
import { cutMap } from '../../presentation/step-map.ts';
import { fitScale, MIN_PAGE_SCALE } from './page-svg.ts';
import { drawnPart } from '../../model/in-map.ts';

/**
 * One page's share of a map: its layout, and the box it continues from (none on the first page of each
 * thesis).
 */
export interface MapPart {
  readonly laidOut: LaidOutMap;
  readonly continues?: NodeId;
}

/**
 * A map over as many pages as it needs (docs/ARCHITECTURE.md, "Pages"): whole on one page when it fits the
 * area with its text at 12 pt or more, drawn down or to the right, whichever is larger; else the top of the
 * map, collapsed as deep as fits, then each collapsed branch on pages of its own, its top box repeated.
 * Never a box cut, never text under 12 pt.
 */
export function mapParts(
  map: ArgumentMap,
  area: Rect,
  roles: ReadonlyMap<NodeId, Role> = rolesOf(indexMap(map)),
  direction?: Direction,
): MapPart[] {
  const drawn = drawnPart(map);
  const index = indexMap(drawn);
  const forest = buildForest(index);
  const parts: MapPart[] = [];
  const pending: { tree: readonly TreeNode[]; continues?: NodeId }[] = [{ tree: forest.roots }];
  while (pending.length > 0) {
    const { tree, continues } = pending.shift()!;
    for (const part of fittedParts(drawn, roles, tree, area, direction)) {
      const from = continuedFrom(part, tree, continues);
      parts.push({ laidOut: part.laidOut, ...(from !== undefined ? { continues: from } : {}) });
      for (const branch of part.folded) pending.push({ tree: [branch], continues: branch.id });
    }
  }
  return parts;
}

/**
 * The box a page continues from: the branch's top box, for its pages; a root's, for the later pages of its
 * children; none for the first page of another root (a thesis of its own).
 */
function continuedFrom(
  part: Fitted,
  tree: readonly TreeNode[],
  continues: NodeId | undefined,
): NodeId | undefined {
  if (part.under === undefined) return continues;
  if (!part.first) return part.under;
  return part.under === tree[0]?.id ? continues : undefined;
}

interface Fitted {
  readonly laidOut: LaidOutMap;
  /** The collapsed boxes whose branches go on pages of their own. */
  readonly folded: readonly TreeNode[];
  /** For a root whose children take several pages: the root, repeated on each, and whether this is its first. */
  readonly under?: NodeId;
  readonly first?: boolean;
}

/** The boxes of the trees, down to `depth` below their roots (all of them without a depth). */
function boxesOf(roots: readonly TreeNode[], depth = Infinity): Set<NodeId> {
  const boxes = new Set<NodeId>();
  const stack = roots.map((tree) => ({ tree, level: 0 }));
  while (stack.length > 0) {
    const { tree, level } = stack.pop()!;
    boxes.add(tree.id);
    if (level < depth) for (const child of tree.children) stack.push({ tree: child, level: level + 1 });
  }
  return boxes;
}

/**
 * The deepest cut of the trees that fits the area: the whole trees, else down to a depth, the boxes at that
 * depth collapsed (their "+n" says more follows, on pages of their own). When not even a root with its
 * children fits, the children go in groups that fit, each on a page under their root repeated.
 */
function fittedParts(
  map: ArgumentMap,
  roles: ReadonlyMap<NodeId, Role>,
  roots: readonly TreeNode[],
  area: Rect,
  direction: Direction | undefined,
): Fitted[] {
  const draw = (boxes: Set<NodeId>, edge: readonly TreeNode[]) =>
    withFolds(largest(cutMap(map, boxes), roles, area, direction), edge);
  const fits = (laidOut: LaidOutMap) => fitScale(laidOut, area) >= MIN_PAGE_SCALE;
  for (let depth = treeDepth(roots); depth >= 1; depth--) {
    const edge = atDepth(roots, depth).filter((tree) => tree.children.length > 0);
    const laidOut = draw(boxesOf(roots, depth), edge);
    if (fits(laidOut)) return [{ laidOut, folded: edge }];
  }
  // Too many children: each root with as many of its children as fit, collapsed, a page at a time; the
  // premises of one linked argument stay on one page when they fit one (else they go as any children do).
  const parts: Fitted[] = [];
  for (const root of roots) {
    let group: TreeNode[] = [];
    const page = (children: readonly TreeNode[]): Fitted => {
      const edge = children.filter((tree) => tree.children.length > 0);
      const laidOut = draw(new Set([root.id, ...children.map((c) => c.id)]), edge);
      return { laidOut, folded: edge, under: root.id, first: !parts.some((part) => part.under === root.id) };
    };
    const units = linkedUnits(root.children).flatMap((unit) =>
      unit.length > 1 && !fits(page(unit).laidOut) ? unit.map((child) => [child]) : [unit],
    );
    for (const unit of units) {
      if (group.length > 0 && !fits(page([...group, ...unit]).laidOut)) {
        parts.push(page(group));
        group = [];
      }
      group.push(...unit);
    }
    parts.push(page(group));
  }
  return parts;
}

/**
 * Children in the units a page must not split: the premises of one relation (a linked argument, which the
 * forest keeps side by side) together, every other child alone.
 */
function linkedUnits(children: readonly TreeNode[]): TreeNode[][] {
  const units: TreeNode[][] = [];
  for (const child of children) {
    const last = units[units.length - 1];
    if (last && child.relation !== undefined && last[0]!.relation === child.relation) last.push(child);
    else units.push([child]);
  }
  return units;
}

function treeDepth(roots: readonly TreeNode[]): number {
  let deepest = 0;
  const stack = roots.map((tree) => ({ tree, level: 0 }));
  while (stack.length > 0) {
    const { tree, level } = stack.pop()!;
    deepest = Math.max(deepest, level);
    for (const child of tree.children) stack.push({ tree: child, level: level + 1 });
  }
  return deepest;
}

function atDepth(roots: readonly TreeNode[], depth: number): TreeNode[] {
  let level = [...roots];
  for (let d = 0; d < depth; d++) level = level.flatMap((tree) => tree.children);
  return level;
}

/** The cut laid out in the direction that draws it larger on the area, or in the one asked for. */
function largest(
  cut: ArgumentMap,
  roles: ReadonlyMap<NodeId, Role>,
  area: Rect,
  direction: Direction | undefined,
): LaidOutMap {
  const directions: Direction[] = direction ? [direction] : ['down', 'right'];
  const layouts = directions.map((d) => layoutMap(cut, { direction: d, roles }));
  return layouts.reduce((a, b) => (fitScale(b, area, Infinity) > fitScale(a, area, Infinity) ? b : a));
}

/** The boxes on the cut's edge drawn collapsed, with the number of boxes under them in the whole map. */
function withFolds(laidOut: LaidOutMap, edge: readonly TreeNode[]): LaidOutMap {
  const hidden = new Map(edge.map((tree) => [tree.id, tree.size]));
  const nodes = laidOut.nodes.map((node) =>
    hidden.has(node.id) ? { ...node, collapsed: true, hidden: hidden.get(node.id)! } : node,
  );
  // Their pills, standing out of the right edges when drawing right, are part of the picture.
  const bounds = boundsOf([laidOut.bounds, ...pillsOutside(nodes, laidOut.direction)]);
  return { ...laidOut, nodes, bounds };
}
