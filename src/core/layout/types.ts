import type { LineRun } from '../text/styled-wrap.ts';
import type { NodeId, RelationId, RelationType, Role } from '../model/types.ts';

export type Direction = 'down' | 'right';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A rectangle by its top-left corner. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaidOutNode extends Rect {
  readonly id: NodeId;
  readonly role: Role;
  /** Depth in the drawn tree (theses are 0). */
  readonly depth: number;
  readonly label: string;
  /** A statement the reconstruction adds (drawn dashed). */
  readonly implicit?: boolean;
  /** The speaker's label under the text ("— Interviewer"), on boxes whose speaker is not the source's author. */
  readonly speaker?: string;
  readonly titleLines: readonly string[];
  /** The text's lines as plain text, its markup read. */
  readonly textLines: readonly string[];
  /** Each text line's runs (bold, italic, links) when the text is formatted; undefined for plain text. */
  readonly textRuns?: readonly (readonly LineRun[])[] | undefined;
  readonly truncated: boolean;
  /** The node's subtree is collapsed; `hidden` boxes are not drawn. */
  readonly collapsed: boolean;
  readonly hidden: number;
  /** True when the node has tree children (it can be collapsed). */
  readonly hasChildren: boolean;
  /** The node this box hangs under in the tree; undefined for theses. */
  readonly parent: NodeId | undefined;
  /**
   * In a presentation step's layout: how many boxes the talk has shown that this step folds away for want of
   * room, under this box (`below`) and, on a top box, above and beside it (`above`). Drawn as "+n" pills.
   */
  readonly folded?: { readonly below: number; readonly above: number };
}

/**
 * A line as data, in screen coordinates: one letter per step in `steps` (M starts a piece, L runs straight,
 * C is a cubic, Q a quadratic curve) and the steps' points in `coords`, x and y in turn (M and L one point,
 * Q its control point and end, C two control points and end). SVG path text and canvas paths are made from
 * it only when drawing (see `render/path.ts`); measures such as bounds and crossings read the numbers.
 */
export interface LineGeometry {
  readonly steps: string;
  readonly coords: readonly number[];
}

/**
 * A drawn relation. `tree` connectors join a target to the premises placed under it (linked premises share
 * one bar); `cross` connectors are the further relations of shared nodes, routed around boxes.
 * Contradictions are `cross` connectors of type `contradiction`.
 */
export interface LaidOutConnector {
  /** Unique per drawn piece: the relation id, with `#premise` for cross-links of single premises. */
  readonly key: string;
  readonly relationId: RelationId;
  readonly type: RelationType;
  readonly kind: 'tree' | 'cross';
  readonly line: LineGeometry;
  /** The smallest rectangle around every point of the line, control points included. */
  readonly bounds: Rect;
  /** Where the "because"/"but"/"however" label sits. */
  readonly labelAt: Point;
  /** A connector cut at a picture's edge with its label outside it: drawn without the label. */
  readonly labelOutside?: boolean;
  /** Where the connector ends at its target (the arrowhead; the path arrives there last). */
  readonly end: Point;
  readonly premises: readonly NodeId[];
  /** The node the relation bears on (for undercuts: the conclusion of the relation attacked). */
  readonly target: NodeId;
  /**
   * A premise routed to the bar of the linked premises it belongs with: it joins the bar as their stubs do,
   * with no arrowhead of its own (the line from the bar carries the relation's).
   */
  readonly joinsBar?: true;
}

/** A frame around one cluster of a group's boxes (a group spread over the map has several). */
export interface GroupFrame extends Rect {
  readonly id: string;
  /** Unique per frame: the group id, with `#n` when the group has several clusters. */
  readonly key: string;
  readonly title: string;
  /**
   * Where the title's text starts: its baseline's left end. Inside the frame's top-left corner, moved along
   * the top where a tree line would run through it (`placeTitles`).
   */
  readonly titleAt: Point;
  readonly nodes: readonly NodeId[];
  /**
   * The rectangles the frame is made of (they share edges, never overlap): a piece around each run of the
   * group's boxes in a row, joined across gaps. Its outline is the frame's; `x`, `y`, `width`, `height` bound it.
   */
  readonly slabs: readonly Rect[];
  /** The slab whose top holds the title. */
  readonly head: Rect;
  /** The group's place in the map's list of groups: its colour. */
  readonly groupIndex: number;
  /** Which part of its group this frame is (1 for the first), of how many: the title is drawn on the first. */
  readonly part: number;
  readonly parts: number;
  /** On later parts, a line from the part before: parts of a group read as one. */
  readonly link?: readonly [Point, Point];
}

export interface LaidOutMap {
  readonly direction: Direction;
  readonly nodes: readonly LaidOutNode[];
  readonly connectors: readonly LaidOutConnector[];
  readonly groups: readonly GroupFrame[];
  /** Bounding box of everything drawn. */
  readonly bounds: Rect;
}
