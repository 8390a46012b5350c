import type { MapNode, Role } from '../model/types.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { fitted } from '../text/fitted.ts';
import { wrapText, type WrapStyle, type WrappedText } from '../text/wrap.ts';
import { isFormatted, mayHaveMarkup, parseInlineRuns } from '../text/inline-runs.ts';
import { wrapRuns, type LineRun } from '../text/styled-wrap.ts';

/** Box metrics shared by layout and rendering, so that both place text at the same pixels. */
export const boxStyle = {
  textSize: 14,
  titleSize: 14,
  labelSize: 10,
  lineHeight: 19,
  /** Width the text of a box wraps to. */
  maxTextWidth: 220,
  minWidth: 120,
  paddingX: 12,
  paddingY: 10,
  /** Height of the role label band ("REASON", "OBJECTION") above the title. */
  labelBand: 16,
  /** Height of the speaker's band under the text, on boxes whose speaker is not the source's author. */
  speakerBand: 16,
  /** Lines of text a box shows at most; the whole text is in the details panel. */
  maxLines: 10,
  maxTitleLines: 2,
} as const;

/**
 * Pills on a box's edge, 16 px high, reaching `rise` px into the box; the text's baseline `baseline` below the
 * pill's top (`textSize` px semibold, centred); the "+N" pill's width grows by `perCharacter` per character.
 */
export const PILL = {
  height: 16,
  rx: 8,
  rise: 8,
  baseline: 11.5,
  textSize: 10,
  padding: 10,
  perCharacter: 7,
} as const;

/** The width of the "+N" pill of a box with `hidden` boxes folded under it. */
export const foldPillWidth = (hidden: number): number =>
  PILL.padding + `+${hidden}`.length * PILL.perCharacter;

/**
 * Drawing right, where a collapsed box's "+N" pill stands: on the middle of its right edge, where its children
 * would hang, reaching into the box no further than its padding.
 */
export const sidePill = (box: { x: number; y: number; width: number; height: number }, hidden: number) => ({
  x: box.x + box.width - PILL.rise,
  y: box.y + box.height / 2 - PILL.height / 2,
  width: foldPillWidth(hidden),
  height: PILL.height,
});

/** The role label drawn in every box, so that roles read without colour (grayscale, print). */
export const roleLabels: Record<Role, string> = {
  thesis: 'THESIS',
  reason: 'REASON',
  objection: 'OBJECTION',
  rebuttal: 'REBUTTAL',
};

/** Added to the role label of an implicit statement, which is drawn dashed as well. */
export const implicitMark = 'IMPLICIT';

export interface BoxContent {
  readonly label: string;
  /** The speaker's label under the text (cut to the text's width), when the box names one. */
  readonly speaker: string | undefined;
  readonly titleLines: readonly string[];
  /** The text's lines as plain text (its markup read: what the lines say). */
  readonly textLines: readonly string[];
  /** The runs of each text line, when the text has formatting or links; undefined for plain text. */
  readonly textRuns: readonly (readonly LineRun[])[] | undefined;
  readonly truncated: boolean;
  readonly width: number;
  readonly height: number;
}

/** The wrap styles of a box's title and text, for text `maxWidth` wide. */
function wrapStyles(maxWidth: number): { readonly title: WrapStyle; readonly text: WrapStyle } {
  return {
    title: { weight: 'semibold', size: boxStyle.titleSize, maxWidth, maxLines: boxStyle.maxTitleLines },
    text: { weight: 'regular', size: boxStyle.textSize, maxWidth, maxLines: boxStyle.maxLines },
  };
}
const defaultStyles = wrapStyles(boxStyle.maxTextWidth);
const noLines: readonly string[] = Object.freeze([]);

/** The role label, with the kind of node before it and the implicit mark after it. */
export function boxLabel(node: MapNode, role: Role): string {
  const label = node.type === 'argument' ? `ARGUMENT · ${roleLabels[role]}` : roleLabels[role];
  return node.implicit === true ? `${label} · ${implicitMark}` : label;
}

/** The speaker's label as drawn: after a dash, like a quotation's attribution, cut to `width`. */
function speakerLine(speaker: string, width: number, measurer: TextMeasurer): string {
  return fitted(`— ${speaker.replace(/\s+/g, ' ')}`, width, boxStyle.labelSize, 'regular', measurer);
}

/**
 * Wraps a node's title and text and sizes its box (whole pixels, so that coordinates stay clean). The text
 * wraps to `textWidth` (a presentation step's boxes are wider and lower than the map's). A box with a
 * `speaker` to name (see `shownSpeaker`) grows by a band for it under the text.
 */
export function measureBox(
  node: MapNode,
  role: Role,
  measurer: TextMeasurer,
  textWidth: number = boxStyle.maxTextWidth,
  speaker?: string,
): BoxContent {
  const s = boxStyle;
  const { title: titleStyle, text: textStyle } =
    textWidth === s.maxTextWidth ? defaultStyles : wrapStyles(textWidth);
  const label = boxLabel(node, role);
  // A title that only repeats the text (an argument named and nothing more) is said once, as the text.
  const shownTitle = node.title?.trim() && node.title.trim() !== node.text.trim() ? node.title : undefined;
  const title = shownTitle !== undefined ? wrapText(shownTitle, measurer, titleStyle) : undefined;
  const { text, runs } = wrapBoxText(node.text, measurer, textStyle);
  const said = speaker !== undefined ? speakerLine(speaker, textWidth, measurer) : undefined;
  const labelWidth = measurer.width(label, 'semibold', s.labelSize);
  const saidWidth = said !== undefined ? measurer.width(said, 'regular', s.labelSize) : 0;
  const contentWidth = Math.max(labelWidth, title?.width ?? 0, text.width, saidWidth);
  const lineCount = (title?.lines.length ?? 0) + text.lines.length;
  const bands = s.labelBand + (said !== undefined ? s.speakerBand : 0);
  return {
    label,
    speaker: said,
    titleLines: title?.lines ?? noLines,
    textLines: text.lines,
    textRuns: runs,
    truncated: text.truncated || (title?.truncated ?? false),
    width: Math.ceil(Math.max(s.minWidth, contentWidth + 2 * s.paddingX)),
    height: Math.ceil(2 * s.paddingY + bands + Math.max(1, lineCount) * s.lineHeight),
  };
}

/**
 * The text wrapped: plain text as it is; text with markup as its runs (bold measured bold), or, when the
 * markup formats nothing (escapes only), as the plain text it reads as.
 */
function wrapBoxText(
  text: string,
  measurer: TextMeasurer,
  style: WrapStyle,
): { text: WrappedText; runs: readonly (readonly LineRun[])[] | undefined } {
  if (!mayHaveMarkup(text)) return { text: wrapText(text, measurer, style), runs: undefined };
  const runs = parseInlineRuns(text);
  if (!isFormatted(runs))
    return { text: wrapText(runs.map((run) => run.text).join(''), measurer, style), runs: undefined };
  const wrapped = wrapRuns(runs, measurer, style);
  return { text: wrapped, runs: wrapped.runs };
}
