import { boxStyle, foldPillWidth, PILL, sidePill } from '../layout/box-style.ts';
import type { Direction, GroupFrame, LaidOutConnector, LaidOutMap, LaidOutNode } from '../layout/types.ts';
import { strictRelationTypes, type RelationId, type NodeId, type RelationType } from '../model/types.ts';
import type { RelationStatus, StatementStatus } from '../evaluate/evaluate.ts';
import { textSegments, type TextSegment } from './run-format.ts';
import { fontMetricsData } from '../text/font-metrics.generated.ts';
import { outlineLoops } from '../layout/outline.ts';
import { px } from '../round.ts';
import { outlinePath } from './path.ts';
import { relationWords, type Theme } from './theme.ts';

/**
 * The laid-out map as drawing primitives, in map coordinates, in drawing order (frames, connectors, their
 * labels, boxes). The SVG writer and the app's view both draw from it, so that every shape, size and class
 * name is decided here once; connectors keep their line as geometry, turned into path text only when drawn.
 */
export interface RenderModel {
  /** Arrowheads, one per relation type, in its colour. */
  readonly markers: readonly Marker[];
  readonly frames: readonly FrameShape[];
  readonly connectors: readonly ConnectorShape[];
  readonly boxes: readonly BoxShape[];
}

/**
 * An arrowhead: a triangle in a 10 × 10 box, its tip at the line's end, turned along the line. Start markers
 * (a contradiction's second head) are drawn pointing backwards with `orient="auto"` rather than with
 * `auto-start-reverse`, which resvg (the PNG renderer) does not turn at all.
 */
export interface Marker {
  readonly id: string;
  readonly viewBox: string;
  readonly refX: number;
  readonly refY: number;
  readonly width: number;
  readonly height: number;
  readonly orient: string;
  readonly path: string;
  readonly fill: string;
}

/**
 * A group's frame: its outline (rounded where it turns), its title inside the top-left corner of its first
 * part (later parts have none: they share its colour, `tone`, and a dotted link to the part before).
 */
export interface FrameShape {
  readonly group: GroupFrame;
  /** SVG path data of the outline. */
  readonly path: string;
  /** The CSS class of its colours: `tone-0`, `tone-1`, … */
  readonly tone: string;
  readonly title: TextAt;
  /** SVG path data of the link to the part before, on later parts. */
  readonly link: string | undefined;
}

export interface ConnectorShape {
  readonly connector: LaidOutConnector;
  /** Its CSS classes: relation type (colour, dash) and kind (cross-links are lighter). */
  readonly className: string;
  /**
   * Under an evaluation, whether its relation is active (its premises hold, nothing holding undercuts it);
   * an inactive one is drawn faded (class `inactive`). Undefined without an evaluation.
   */
  readonly active: boolean | undefined;
  /** Contradictions point both ways. */
  readonly markerStart: string | undefined;
  /** None on a premise's line that joins a bar. */
  readonly markerEnd: string | undefined;
  /** The "because"/"but"/… word; cross-links of shared boxes have none (their tree connector has it). */
  readonly label: TextAt | undefined;
}

export interface TextAt {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export interface BoxShape {
  readonly node: LaidOutNode;
  readonly className: string;
  readonly rx: number;
  readonly lines: readonly TextLine[];
  /** The "+N" pill of a collapsed box. */
  readonly badge: Badge | undefined;
  /** The "+N" pills of a presentation step's box: boxes the talk has shown, folded away for want of room. */
  readonly folds: readonly Badge[];
  /** Under an evaluation, the statement's status: a pill on its top edge with an icon and a word. */
  readonly status: StatusMark | undefined;
}

/** A box's status under an evaluation, shown by colour (class), icon and word, never by colour alone. */
export interface StatusMark {
  readonly status: StatementStatus;
  /** `status-<status>`: the pill's colour, and a fade for what does not hold. */
  readonly className: string;
  readonly pill: Badge;
}

/** What an evaluation gives the drawing: each statement's status and each relation's (docs/EVALUATION.md). */
export interface EvaluationMarks {
  readonly statements: ReadonlyMap<NodeId, StatementStatus>;
  readonly relations: ReadonlyMap<RelationId, RelationStatus>;
}

/** Each status's icon and word, as the pill, the legend and the app's panel write it. */
export const statusWords: Readonly<
  Record<StatementStatus, { readonly icon: string; readonly word: string }>
> = {
  accepted: { icon: '✓', word: 'accepted' },
  rejected: { icon: '✗', word: 'rejected' },
  in: { icon: '●', word: 'holds' },
  supported: { icon: '●', word: 'supported' },
  unsupported: { icon: '○', word: 'unsupported' },
  out: { icon: '✗', word: 'defeated' },
  undecided: { icon: '?', word: 'undecided' },
};

/** The status pill's text: icon and word. */
export const statusText = (status: StatementStatus): string =>
  `${statusWords[status].icon} ${statusWords[status].word}`;

/** One line of text in a box, positioned (its baseline). */
export interface TextLine {
  readonly className: 'label' | 'title' | 'text' | 'speaker';
  readonly x: number;
  readonly y: number;
  /** The line's plain text. */
  readonly text: string;
  /** Its runs in segments, when it is formatted (bold, italic, links); drawn as `text` without them. */
  readonly segments?: readonly TextSegment[];
}

/**
 * The face and size a box's line is drawn in, by its class: the style sheet's `.node` rules, for drawers
 * without CSS (the canvas).
 */
export function lineFont(className: TextLine['className']): {
  readonly weight: 'regular' | 'semibold';
  readonly size: number;
} {
  const s = boxStyle;
  if (className === 'title') return { weight: 'semibold', size: s.titleSize };
  if (className === 'text') return { weight: 'regular', size: s.textSize };
  return { weight: className === 'label' ? 'semibold' : 'regular', size: s.labelSize };
}

/** A pill on a box's bottom edge with a short text in its middle. */
export interface Badge {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly rx: number;
  readonly text: TextAt;
}

const FRAME_RADIUS = 10;
const BOX_RADIUS = 6;
/**
 * Connector labels ("because", "but"…): `size` px upright, centred on their point, the baseline `baseline` px
 * lower. Exported for the style sheet, which sets the size the baseline was chosen for.
 */
export const CONNECTOR_LABEL = { size: 11, baseline: 4 } as const;
/**
 * The pills' metrics, for the style sheet: defined in `box-style.ts`, since the layout takes in a pill that
 * stands out of a box.
 */
export { PILL };
/** The app's collapse pill on an expanded box: its width, and its centre's distance from the box's right edge. */
const COLLAPSE_PILL = { width: 18, right: 18 } as const;

const MARKER_SHAPE = { viewBox: '0 0 10 10', refY: 5, width: 7, height: 7, orient: 'auto' } as const;
/** Pointing along the line (at its end), and mirrored, pointing back out of the line (at its start). */
const FORWARD = { refX: 9, path: 'M0,0L10,5L0,10z' } as const;
const BACKWARD = { refX: 1, path: 'M10,0L0,5L10,10z' } as const;

const markerId = (type: RelationType, end: 'start' | 'end'): string =>
  end === 'end' ? `arrow-${type}` : `arrow-${type}-start`;

/**
 * The arrowheads of every relation type, strict Argdown's kinds (entails, contrary) only where drawn, so
 * that the pictures of maps without them stay as they were.
 */
function markersFor(theme: Theme, drawn: ReadonlySet<RelationType>): Marker[] {
  return Object.entries(theme.relations).flatMap(([name, colour]) => {
    const type = name as RelationType;
    if (strictRelationTypes.includes(type) && !drawn.has(type)) return [];
    const end = { id: markerId(type, 'end'), ...MARKER_SHAPE, ...FORWARD, fill: colour };
    if (type !== 'contradiction') return [end];
    return [end, { id: markerId(type, 'start'), ...MARKER_SHAPE, ...BACKWARD, fill: colour }];
  });
}

/** With `evaluation`, boxes carry their status and connectors whether their relation is active. */
export function renderModel(laidOut: LaidOutMap, theme: Theme, evaluation?: EvaluationMarks): RenderModel {
  return {
    markers: markersFor(theme, new Set(laidOut.connectors.map((c) => c.type))),
    frames: laidOut.groups.map((group) => frameShape(group, theme)),
    connectors: laidOut.connectors.map((c) => connectorShape(c, evaluation)),
    boxes: laidOut.nodes.map((node) => new Box(node, evaluation?.statements.get(node.id), laidOut.direction)),
  };
}

function frameShape(group: GroupFrame, theme: Theme): FrameShape {
  const link = group.link;
  return {
    group,
    path: outlinePath(outlineLoops(group.slabs), FRAME_RADIUS),
    tone: `tone-${group.groupIndex % theme.groupTones.length}`,
    title: { x: group.titleAt.x, y: group.titleAt.y, text: group.part === 1 ? group.title : '' },
    link: link && `M${px(link[0].x)},${px(link[0].y)}L${px(link[1].x)},${px(link[1].y)}`,
  };
}

function connectorShape(
  connector: LaidOutConnector,
  evaluation: EvaluationMarks | undefined,
): ConnectorShape {
  const { type, kind, labelAt } = connector;
  const status = evaluation?.relations.get(connector.relationId);
  const active = evaluation ? status !== 'inactive' : undefined;
  return {
    connector,
    className: `connector ${type} ${kind}${active === false ? ' inactive' : ''}`,
    active,
    markerStart: type === 'contradiction' ? `url(#${markerId(type, 'start')})` : undefined,
    markerEnd: connector.joinsBar ? undefined : `url(#${markerId(type, 'end')})`,
    label:
      (kind === 'cross' && type !== 'contradiction') || connector.labelOutside
        ? undefined
        : { x: labelAt.x, y: labelAt.y + CONNECTOR_LABEL.baseline, text: relationWords[type] },
  };
}

/**
 * A box's shape. Its text lines are worked out when first read: the app reads them only for the boxes in
 * view, of maps with thousands.
 */
class Box implements BoxShape {
  readonly className: string;
  readonly rx = BOX_RADIUS;
  readonly badge: Badge | undefined;
  readonly folds: readonly Badge[];
  readonly status: StatusMark | undefined;
  private textLines: readonly TextLine[] | undefined;

  constructor(
    readonly node: LaidOutNode,
    status: StatementStatus | undefined,
    direction: Direction,
  ) {
    // An implicit statement's border is dashed whatever its role (see the style sheet).
    const implicit = node.implicit ? ' implicit' : '';
    const statusClass = status ? ` status-${status}` : '';
    this.className = `node role-${node.role}${implicit}${statusClass}`;
    this.badge = node.collapsed ? collapsedBadge(node, direction) : undefined;
    this.folds = node.folded ? foldPills(node, node.folded) : noBadges;
    this.status = status && { status, className: `status status-${status}`, pill: statusPill(node, status) };
  }

  get lines(): readonly TextLine[] {
    return (this.textLines ??= nodeTextLines(this.node));
  }
}

/**
 * The status pill, on the box's top edge at its right (the role's label starts at the left), a little wider
 * than the "+N" pills: the word is longer.
 */
function statusPill(node: LaidOutNode, status: StatementStatus): Badge {
  const text = statusText(status);
  const width = statusPillWidth(text);
  return pill(node.x + node.width - width - 8, node.y - PILL.height + PILL.rise, width, text);
}

/** A status pill's width for its text (icon and word). */
export const statusPillWidth = (text: string): number =>
  PILL.padding + 4 + text.length * (PILL.perCharacter - 1);

/** Baseline of a line of text `size` px high centred in a line box `lineHeight` high (Inter's own metrics). */
function baselineOffset(size: number, lineHeight: number): number {
  const { ascent, descent, unitsPerEm } = fontMetricsData.regular;
  const a = (ascent / unitsPerEm) * size;
  const d = (-descent / unitsPerEm) * size;
  return (lineHeight - (a + d)) / 2 + a;
}

function nodeTextLines(node: LaidOutNode): TextLine[] {
  const s = boxStyle;
  const x = node.x + s.paddingX;
  const lineTop = (i: number) => node.y + s.paddingY + s.labelBand + i * s.lineHeight;
  return [
    {
      className: 'label',
      x,
      y: node.y + s.paddingY + baselineOffset(s.labelSize, s.labelBand) - 3,
      text: node.label,
    },
    ...node.titleLines.map((text, i) => ({
      className: 'title' as const,
      x,
      y: lineTop(i) + baselineOffset(s.titleSize, s.lineHeight),
      text,
    })),
    ...node.textLines.map((text, i) => {
      const line = {
        className: 'text' as const,
        x,
        y: lineTop(node.titleLines.length + i) + baselineOffset(s.textSize, s.lineHeight),
        text,
      };
      const runs = node.textRuns?.[i];
      return runs ? { ...line, segments: textSegments(runs, line.x, line.y) } : line;
    }),
    ...speakerLines(node, x),
  ];
}

/** The speaker's label in its band under the text, a little closer to the text than to the box's edge. */
function speakerLines(node: LaidOutNode, x: number): TextLine[] {
  if (node.speaker === undefined) return [];
  const s = boxStyle;
  const top = node.y + node.height - s.paddingY - s.speakerBand;
  return [
    {
      className: 'speaker',
      x,
      y: top + baselineOffset(s.labelSize, s.speakerBand) - 1,
      text: node.speaker,
    },
  ];
}

/**
 * The "+N" pill of a collapsed box, where its children would hang: centred on its bottom edge drawing down;
 * drawing right, on its right edge (`sidePill`: boxes stand close above one another there, and a pill on the
 * bottom edge would touch the next one), which the layout takes into the map's bounds.
 */
function collapsedBadge(node: LaidOutNode, direction: Direction): Badge {
  const width = foldPillWidth(node.hidden);
  const label = `+${node.hidden}`;
  if (direction === 'right') {
    const at = sidePill(node, node.hidden);
    return pill(at.x, at.y, at.width, label);
  }
  return pill(node.x + node.width / 2 - width / 2, node.y + node.height - PILL.rise, width, label);
}

const noBadges: readonly Badge[] = Object.freeze([]);

/**
 * A step's "+N" pills: the boxes folded under a box on its bottom edge (centred like a collapsed box's, or at
 * the corner, clear of the lines, when boxes hang under it), those above on the top box's top edge.
 */
function foldPills(node: LaidOutNode, folded: NonNullable<LaidOutNode['folded']>): Badge[] {
  const pills: Badge[] = [];
  if (folded.below > 0) {
    const label = `+${folded.below}`;
    const width = foldPillWidth(folded.below);
    const centre = node.hasChildren ? node.x + node.width - COLLAPSE_PILL.right : node.x + node.width / 2;
    pills.push(pill(centre - width / 2, node.y + node.height - PILL.rise, width, label));
  }
  if (folded.above > 0) {
    const label = `+${folded.above}`;
    const width = foldPillWidth(folded.above);
    pills.push(pill(node.x + node.width / 2 - width / 2, node.y - PILL.height + PILL.rise, width, label));
  }
  return pills;
}

/**
 * The app's toggle on a box with children: the "+N" pill when collapsed, else a small "−" pill at the
 * bottom-right corner, clear of the connectors at the bottom centre (drawing right, on the right edge near
 * the bottom, clear of the connectors at its middle).
 */
export function togglePill(node: LaidOutNode, direction: Direction = 'down'): Badge {
  if (node.collapsed) return collapsedBadge(node, direction);
  const width = COLLAPSE_PILL.width;
  if (direction === 'right')
    return pill(node.x + node.width - PILL.rise, node.y + node.height - PILL.height - 4, width, '−');
  const centre = node.x + node.width - COLLAPSE_PILL.right;
  return pill(centre - width / 2, node.y + node.height - PILL.rise, width, '−');
}

export function pill(x: number, y: number, width: number, text: string): Badge {
  return {
    x,
    y,
    width,
    height: PILL.height,
    rx: PILL.rx,
    text: { x: x + width / 2, y: y + PILL.baseline, text },
  };
}
