import { boxStyle } from '../layout/box-style.ts';
import { layoutMap } from '../layout/layout.ts';
import { buildForest } from '../layout/forest.ts';
import type { LaidOutMap, LaidOutNode } from '../layout/types.ts';
import { primaryRelation } from '../model/graph.ts';
import type { MapIndex } from '../model/map-index.ts';
import type { NodeId, Role } from '../model/types.ts';
import { cutMap } from './step-map.ts';

/** A width and height in map units. */
export interface Room {
  readonly width: number;
  readonly height: number;
}

/**
 * The drawn tree of the whole map, as the steps need it: each box's parent and children, and each box's place
 * in the tree's reading order (parents before children, siblings in order).
 */
export interface StepTree {
  parent(id: NodeId): NodeId | undefined;
  children(id: NodeId): readonly NodeId[];
  /** Place in reading order; boxes not in the map come last. */
  order(id: NodeId): number;
}

export function stepTree(index: MapIndex): StepTree {
  const forest = buildForest(index);
  const parents = new Map<NodeId, NodeId>();
  const childIds = new Map<NodeId, NodeId[]>();
  const order = new Map<NodeId, number>();
  const stack = [...forest.roots].reverse();
  while (stack.length > 0) {
    const tree = stack.pop()!;
    order.set(tree.id, order.size);
    childIds.set(
      tree.id,
      tree.children.map((child) => child.id),
    );
    for (const child of tree.children) parents.set(child.id, tree.id);
    for (let i = tree.children.length - 1; i >= 0; i--) stack.push(tree.children[i]!);
  }
  return {
    parent: (id) => parents.get(id),
    children: (id) => childIds.get(id) ?? [],
    order: (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER,
  };
}

/** What a step's scene is made from. */
export interface SceneInput {
  readonly index: MapIndex;
  readonly tree: StepTree;
  /** The roles in the whole map: a box keeps its role when its conclusion is left out. */
  readonly roles: ReadonlyMap<NodeId, Role>;
  /** Every box the talk has shown so far. */
  readonly revealed: ReadonlySet<NodeId>;
  /** The boxes this scene is about; always drawn, with the box each hangs under. */
  readonly current: readonly NodeId[];
  readonly room: Room;
}

/**
 * The boxes a scene cannot do without: what it is about, and the box each of them hangs under; for a box that
 * undercuts an inference, also a premise of the inference it attacks (through chains of undercuts), without
 * which the undercut has no line to be drawn on.
 */
export function essentials(index: MapIndex, tree: StepTree, current: readonly NodeId[]): Set<NodeId> {
  const must = new Set(current);
  for (const id of current) {
    const parent = tree.parent(id);
    if (parent !== undefined) must.add(parent);
    let relation = primaryRelation(index, id);
    const seen = new Set<string>();
    while (relation?.type === 'undercut' && !seen.has(relation.id)) {
      seen.add(relation.id);
      const attacked = index.relation(relation.to);
      const premise = attacked?.from[0];
      if (premise !== undefined) must.add(premise);
      relation = attacked;
    }
  }
  return must;
}

/**
 * The width a step's box text wraps to: wider than the map's, so that boxes are lower and a chain of three
 * fits a projector's screen in the height, three boxes still side by side; in a narrower room (a handout's
 * portrait page), the map's own width, so that two stand side by side.
 */
export const STEP_TEXT_WIDTH = 300;
const WIDE_ROOM = 1000;

const textWidthFor = (room: Room): number =>
  room.width >= WIDE_ROOM ? STEP_TEXT_WIDTH : boxStyle.maxTextWidth;

/** Lays out the given boxes of the map as a map of their own, keeping their roles in the whole map. */
export function layoutBoxes(input: SceneInput, boxes: ReadonlySet<NodeId>): LaidOutMap {
  return layoutMap(cutMap(input.index.map, boxes), {
    roles: input.roles,
    textWidth: textWidthFor(input.room),
  });
}

/** Room for the "+n" pills that stand out of the top and bottom boxes. */
const PILL_ROOM = 12;

export const fitsRoom = (laidOut: LaidOutMap, room: Room): boolean =>
  laidOut.bounds.width <= room.width && laidOut.bounds.height + 2 * PILL_ROOM <= room.height;

/**
 * A step's scene, laid out (docs/ARCHITECTURE.md, "Presenting"): the boxes it is about with the ones they hang
 * under, then as much of what the talk has shown before as fits the room, nearest first (siblings and
 * children before the box above); whatever does not fit is folded into "+n" pills, never shrunk.
 */
export function stepScene(input: SceneInput): LaidOutMap {
  const drawn = essentials(input.index, input.tree, input.current);
  let laidOut = layoutBoxes(input, drawn);
  // Breadth first from the essentials; a box is tried only from a box that made it in, so that every drawn
  // box keeps its line to the rest.
  const queue = [...drawn];
  const seen = new Set(drawn);
  for (let i = 0; i < queue.length; i++) {
    const near = [...input.tree.children(queue[i]!), input.tree.parent(queue[i]!)];
    for (const next of near) {
      if (next === undefined || seen.has(next) || !input.revealed.has(next)) continue;
      seen.add(next);
      drawn.add(next);
      const trial = layoutBoxes(input, drawn);
      if (fitsRoom(trial, input.room)) {
        laidOut = trial;
        queue.push(next);
      } else drawn.delete(next);
    }
  }
  return withFolds(laidOut, input, drawn);
}

/**
 * Marks the folded boxes: each shown box left out is counted on its nearest drawn ancestor; one with none
 * (another branch, or a box above) on the scene's first top box.
 */
function withFolds(laidOut: LaidOutMap, input: SceneInput, drawn: ReadonlySet<NodeId>): LaidOutMap {
  const below = new Map<NodeId, number>();
  let above = 0;
  for (const id of input.revealed) {
    if (drawn.has(id) || !input.index.node(id)) continue;
    let at = input.tree.parent(id);
    while (at !== undefined && !drawn.has(at)) at = input.tree.parent(at);
    if (at === undefined) above++;
    else below.set(at, (below.get(at) ?? 0) + 1);
  }
  const top = laidOut.nodes.find((n) => n.parent === undefined)?.id;
  const nodes = laidOut.nodes.map((node): LaidOutNode => {
    const folded = { below: below.get(node.id) ?? 0, above: node.id === top ? above : 0 };
    return folded.below + folded.above > 0 ? { ...node, folded } : node;
  });
  return { ...laidOut, nodes };
}
