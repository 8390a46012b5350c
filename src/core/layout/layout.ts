import { drawnPart } from '../model/in-map.ts';
import { indexMap, type MapIndex } from '../model/map-index.ts';
import { rolesOf } from '../model/roles.ts';
import { shownSpeaker } from '../model/speaker.ts';
import type { ArgumentMap, NodeId, Role } from '../model/types.ts';
import { createFontMeasurer, type TextMeasurer } from '../text/measure.ts';
import { sidePill, type BoxContent } from './box-style.ts';
import { measuredBox } from './box-memo.ts';
import { reconstructionFold, reconstructionSize, shownChildren } from './folds.ts';
import { buildForest, type TreeNode } from './forest.ts';
import { withRoutes, type RouteExtent } from './connector-lines.ts';
import { drawConnectors } from './connectors.ts';
import { toScreen } from './frame.ts';
import { frameGaps, groupFrames } from './routing/group-frames.ts';
import { titleSpans, withTitleRoom } from './routing/group-titles.ts';
import { placeTitles } from './routing/title-places.ts';
import { boundsOf } from './rect.ts';
import { effortFor } from './routing/search-effort.ts';
import { Router, type FrameBox } from './routing/router.ts';
import { placeTidy, type Extent, type Spacing } from './tidy.ts';
import type { Direction, LaidOutMap, LaidOutNode, Rect } from './types.ts';

export interface LayoutOptions {
  readonly direction?: Direction;
  /** Nodes whose subtrees are hidden, and keys that fold an argument's reconstruction only (`folds.ts`). */
  readonly collapsed?: ReadonlySet<NodeId>;
  readonly measurer?: TextMeasurer;
  /**
   * The boxes' roles, when the map is cut from a larger one (a presentation step): a reason whose conclusion
   * is left out is still a reason, not a thesis.
   */
  readonly roles?: ReadonlyMap<NodeId, Role>;
  /** The width box text wraps to; by default `boxStyle.maxTextWidth`. */
  readonly textWidth?: number;
}

const spacingFor: Record<Direction, Spacing> = {
  down: { linked: 12, sibling: 28, cousin: 40, thesis: 72, level: 64, groupBoundary: 8 },
  right: { linked: 8, sibling: 18, cousin: 28, thesis: 48, level: 88, groupBoundary: 34 },
};

/**
 * Lays a map out: boxes sized from the font's metrics, a tidy tree on each node's primary parent, connectors
 * for every relation (linked premises under one bar, undercuts into the middle of the connector they attack,
 * cross-links and contradictions routed around boxes), and frames for groups. Boxes marked `isInMap: false`
 * are left out (`in-map.ts`). Pure and deterministic.
 */
export function layoutMap(whole: ArgumentMap, options: LayoutOptions = {}): LaidOutMap {
  const map = drawnPart(whole);
  const direction = options.direction ?? 'down';
  const collapsed = options.collapsed ?? new Set<NodeId>();
  const measurer = options.measurer ?? createFontMeasurer();
  const spacing = spacingFor[direction];
  const index = indexMap(map);
  const roles = options.roles ?? rolesOf(index);
  const forest = buildForest(index);
  const trees = forest.all;
  const { contents, extents, groupAt, parentAt, implicitAt } = measureBoxes(
    map,
    index,
    trees,
    roles,
    measurer,
    options.textWidth,
    direction,
  );
  const extent = (tree: TreeNode): Extent => extents[tree.index]!;

  const groupOf = (tree: TreeNode) => groupAt[tree.index];
  const placement = withTitleRoom(
    placeTidy(forest, collapsed, extent, spacing, groupOf, frameGaps(map.groups, direction)),
    direction,
    spacing.level,
    trees.values(),
    groupOf,
    map.groups,
    measurer,
  );
  const shown = shownNodes(forest.roots, collapsed);

  // The shown boxes in the layout frame, by tree node index.
  const frames: (FrameBox | undefined)[] = new Array<FrameBox | undefined>(trees.size);
  for (const tree of shown) {
    frames[tree.index] = {
      id: tree.id,
      centre: placement.centre[tree.index]!,
      top: placement.levelStart[tree.depth]!,
      level: tree.depth,
      breadth: extent(tree).breadth,
      depth: extent(tree).depth,
    };
  }
  const nodes: LaidOutNode[] = shown.map((tree) => {
    const box = contents[tree.index]!;
    const frame = frames[tree.index]!;
    const corner = toScreen(direction, { b: frame.centre - frame.breadth / 2, d: frame.top });
    const parent = parentAt[tree.index];
    const fold = foldOf(tree, collapsed);
    return {
      id: tree.id,
      role: roles.get(tree.id)!,
      depth: tree.depth,
      x: corner.x,
      y: corner.y,
      width: box.width,
      height: box.height,
      label: box.label,
      implicit: implicitAt[tree.index]!,
      speaker: box.speaker,
      titleLines: box.titleLines,
      textLines: box.textLines,
      textRuns: box.textRuns,
      truncated: box.truncated,
      collapsed: fold.collapsed,
      hidden: fold.hidden,
      hasChildren: tree.children.length > 0,
      // Always present (maybe undefined), so that every node object has the same shape: faster in V8.
      parent,
    };
  });

  const unplaced = groupFrames(map.groups, nodes, (id) => index.node(id)?.group, direction);
  const groups = placeTitles(unplaced, nodes, direction, spacing.level, measurer);
  const router = new Router(
    shown.map((tree) => frames[tree.index]!),
    placement.levelStart,
    placement.levelSize,
    spacing.level,
    effortFor(shown.length),
    titleSpans(groups, direction, placement.levelStart, placement.levelSize, spacing.level, measurer),
  );
  const routeExtent: RouteExtent = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  const connectors = drawConnectors(index, trees, frames, router, direction, spacing, routeExtent);
  const bounds = boundsOf([...nodes, ...groups, ...pillsOutside(nodes, direction)]);
  return { direction, nodes, connectors, groups, bounds: withRoutes(bounds, routeExtent) };
}

/** What the layout knows of each box before placing it, by tree node index. */
interface MeasuredBoxes {
  /** The box's wrapped text and size. */
  readonly contents: BoxContent[];
  /** Its extent in the layout frame: breadth along siblings, depth along levels. */
  readonly extents: Extent[];
  readonly groupAt: (string | undefined)[];
  /** Its parent in the tree: the conclusion of its primary relation. */
  readonly parentAt: (NodeId | undefined)[];
  readonly implicitAt: boolean[];
}

/** Wraps and sizes every box of the forest, and notes what the layout asks of each again. */
function measureBoxes(
  map: ArgumentMap,
  index: MapIndex,
  trees: ReadonlyMap<NodeId, TreeNode>,
  roles: ReadonlyMap<NodeId, Role>,
  measurer: TextMeasurer,
  textWidth: number | undefined,
  direction: Direction,
): MeasuredBoxes {
  const contents: BoxContent[] = new Array<BoxContent>(trees.size);
  const extents: Extent[] = new Array<Extent>(trees.size);
  const groupAt: (string | undefined)[] = new Array<string | undefined>(trees.size);
  const parentAt: (NodeId | undefined)[] = new Array<NodeId | undefined>(trees.size);
  const implicitAt: boolean[] = new Array<boolean>(trees.size);
  for (const tree of trees.values()) {
    const node = index.node(tree.id)!;
    groupAt[tree.index] = node.group;
    implicitAt[tree.index] = node.implicit === true;
    for (const child of tree.children) parentAt[child.index] = tree.id;
    const speaker = shownSpeaker(node, map.source);
    const content = measuredBox(node, roles.get(tree.id)!, measurer, textWidth, speaker);
    contents[tree.index] = content;
    extents[tree.index] =
      direction === 'down'
        ? { breadth: content.width, depth: content.height }
        : { breadth: content.height, depth: content.width };
  }
  return { contents, extents, groupAt, parentAt, implicitAt };
}

/**
 * Drawing right, a collapsed box's "+N" pill stands out of its right edge (`render-model.ts`): the map's
 * bounds take it in, so that a picture does not cut it. Drawing down, it stands out of the bottom edge by less
 * than a picture's margin.
 */
export function pillsOutside(nodes: readonly LaidOutNode[], direction: Direction): Rect[] {
  if (direction !== 'right') return [];
  return nodes.filter((node) => node.collapsed).map((node) => sidePill(node, node.hidden));
}

/**
 * A box's fold: its subtree collapsed, or its reconstruction folded (`folds.ts`), drawn alike, with the
 * number of boxes hidden.
 */
function foldOf(tree: TreeNode, collapsed: ReadonlySet<NodeId>): { collapsed: boolean; hidden: number } {
  if (collapsed.has(tree.id)) return { collapsed: tree.children.length > 0, hidden: tree.size };
  const hidden =
    collapsed.size > 0 && collapsed.has(reconstructionFold(tree.id)) ? reconstructionSize(tree) : 0;
  return { collapsed: hidden > 0, hidden };
}

/** Shown nodes in pre-order (parents before children, siblings in order), iteratively. */
function shownNodes(roots: readonly TreeNode[], collapsed: ReadonlySet<NodeId>): TreeNode[] {
  const out: TreeNode[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const children = shownChildren(node, collapsed);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}
