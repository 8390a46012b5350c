import { outlineLoops } from '../layout/outline.ts';
import { gapGeometry } from '../layout/routing/gap-geometry.ts';
import type { Rect } from '../layout/types.ts';
import { drawMarker, endAngle, markerNamed, startAngle } from './canvas-arrowheads.ts';
import { traceLine, traceOutline, type OutlineSink } from './path.ts';
import {
  frameRows,
  insidePicture,
  isFaded,
  lineRows,
  reachesRows,
  type Picture,
  type PictureOptions,
  type PictureRows,
} from './picture.ts';
import {
  CONNECTOR_LABEL,
  lineFont,
  PILL,
  type Badge,
  type BoxShape,
  type ConnectorShape,
  type FrameShape,
  type Marker,
} from './render-model.ts';
import { statusLegendMarks, WORDS_SIZE } from './status-legend.ts';
import { captionTexts } from './svg-caption.ts';
import { crossLinkLine, implicitBorder, relationLine, roleBorder, type Theme } from './theme.ts';
import { ITALIC_SKEW, runFormat, type TextSegment } from './run-format.ts';

/**
 * What the canvas drawer needs of a 2D context: a part of the browser's `CanvasRenderingContext2D` (and
 * `OffscreenCanvasRenderingContext2D`), named here so that the core draws into a context it is given and
 * touches no DOM itself.
 */
export interface MapCanvas extends OutlineSink {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: 'butt' | 'round' | 'square';
  lineJoin: 'bevel' | 'miter' | 'round';
  globalAlpha: number;
  font: string;
  textAlign: 'center' | 'end' | 'left' | 'right' | 'start';
  fontKerning?: string;
  textRendering?: string;
  save(): void;
  restore(): void;
  beginPath(): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void;
  fill(): void;
  stroke(): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  setLineDash(segments: number[]): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  measureText(text: string): { readonly width: number };
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  scale(x: number, y: number): void;
}

/** A PNG's size in pixels: the picture's times the scale, rounded up as resvg rounds an SVG's. */
export const canvasSize = (pic: Picture, scale: number): { width: number; height: number } => ({
  width: Math.ceil(pic.viewBox.width * scale),
  height: Math.ceil(pic.viewBox.height * scale),
});

/** Every text a picture draws, for loading the font's characters before drawing. */
export function pictureTexts(pic: Picture, options: PictureOptions): string[] {
  const texts: string[] = [];
  for (const frame of pic.model.frames) if (frame.title.text) texts.push(frame.title.text);
  for (const { label } of pic.model.connectors) if (label) texts.push(label.text);
  for (const box of pic.model.boxes) {
    for (const line of box.lines) texts.push(line.text);
    for (const b of [box.badge, ...box.folds, box.status?.pill]) if (b) texts.push(b.text.text);
  }
  for (const mark of legendMarks(pic))
    texts.push(mark.type === 'pill' ? mark.pill.text.text : mark.words.text);
  for (const line of captionLinesOf(pic, options)) texts.push(line.text);
  return texts;
}

/**
 * Draws a picture of a laid-out map (`picture.ts`) at `scale` device pixels per map pixel, the same
 * primitives, colours and sizes as the SVG writer and its style sheet (`svg.ts`, `style-sheet.ts`): a PNG
 * drawn straight from the render model, with no SVG text written and parsed again. Text is drawn in the
 * Inter the caller has loaded, without kerning, as the layout measured it. Given `rows`, it draws only what
 * reaches into them (boxes, lines, labels, frames, the legend and caption): a strip of the picture, which
 * the caller has moved into view.
 *
 * SVG fades a box or a line as a group; here each of its parts is faded on its own. Boxes are opaque fills
 * close to the background's colour, so their text comes out within a few levels of the SVG's.
 */
export function drawPicture(
  ctx: MapCanvas,
  pic: Picture,
  options: PictureOptions,
  scale: number,
  rows?: PictureRows,
): void {
  const { theme, model, viewBox } = pic;
  ctx.save();
  if (options.background !== false) {
    // The whole canvas, so that the last, partly covered row and column are filled too.
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, Math.ceil(viewBox.width * scale), Math.ceil(viewBox.height * scale));
  }
  ctx.scale(scale, scale);
  ctx.translate(-viewBox.x, -viewBox.y);
  ctx.fontKerning = 'none';
  // Chromium reads "optimizeSpeed" as no kerning and no ligatures, as the style sheet asks of SVG text.
  ctx.textRendering = 'optimizeSpeed';
  for (const frame of model.frames) if (reachesRows(rows, ...frameRows(frame))) drawFrame(ctx, frame, theme);
  const markers = new Map(model.markers.map((m) => [m.id, m]));
  for (const connector of model.connectors) {
    const { target, premises, line } = connector.connector;
    if (!reachesRows(rows, ...lineRows(line.coords))) continue;
    drawConnector(ctx, connector, markers, theme, pic.shown, isFaded(options.lit, [target, ...premises]));
  }
  for (const { label } of model.connectors)
    if (label && reachesRows(rows, label.y, label.y)) drawConnectorLabel(ctx, label, theme);
  for (const box of model.boxes)
    if (reachesRows(rows, box.node.y, box.node.y + box.node.height))
      drawBox(ctx, box, theme, isFaded(options.lit, [box.node.id]));
  // The legend and the caption, in the bands under the map.
  if (reachesRows(rows, pic.shown.y + pic.shown.height, viewBox.y + viewBox.height)) {
    drawLegend(ctx, pic);
    drawCaption(ctx, pic, options);
  }
  ctx.restore();
}

function drawCaption(ctx: MapCanvas, pic: Picture, options: PictureOptions): void {
  for (const line of captionLinesOf(pic, options)) {
    setFont(ctx, line.weight, line.size);
    ctx.textAlign = line.anchor === 'end' ? 'right' : 'left';
    ctx.fillStyle = line.ink === 'text' ? pic.theme.text : pic.theme.mutedText;
    ctx.fillText(line.text, line.x, line.y);
  }
}

const legendMarks = (pic: Picture) =>
  pic.legend && pic.legendBand > 0
    ? statusLegendMarks(pic.legend, {
        x: pic.shown.x,
        top: pic.shown.y + pic.shown.height,
        width: pic.shown.width,
      })
    : [];

const captionLinesOf = (pic: Picture, options: PictureOptions) =>
  options.caption && pic.captionBand > 0
    ? captionTexts(options.caption, {
        x: pic.shown.x,
        width: pic.shown.width,
        bottom: pic.shown.y + pic.shown.height + pic.legendBand,
      })
    : [];

function setFont(ctx: MapCanvas, weight: 'regular' | 'semibold', size: number): void {
  ctx.font = `${weight === 'semibold' ? 600 : 400} ${size}px Inter`;
}

function drawFrame(ctx: MapCanvas, { group, title, link }: FrameShape, theme: Theme): void {
  const tone = theme.groupTones[group.groupIndex % theme.groupTones.length]!;
  if (link && group.link) {
    ctx.beginPath();
    ctx.moveTo(group.link[0].x, group.link[0].y);
    ctx.lineTo(group.link[1].x, group.link[1].y);
    stroke(ctx, tone.stroke, 1.5, [1, 5], 'round');
  }
  ctx.beginPath();
  traceOutline(outlineLoops(group.slabs), FRAME_RADIUS, ctx);
  if (tone.fill !== 'none') {
    ctx.fillStyle = tone.fill;
    ctx.fill();
  }
  stroke(ctx, tone.stroke, 1, [], 'butt');
  if (title.text) {
    setFont(ctx, 'semibold', gapGeometry.title.size);
    ctx.textAlign = 'left';
    ctx.fillStyle = tone.title;
    ctx.fillText(title.text, title.x, title.y);
  }
}

/** As render-model.ts rounds a frame's corners. */
const FRAME_RADIUS = 10;

function stroke(
  ctx: MapCanvas,
  colour: string,
  width: number,
  dash: number[],
  cap: 'butt' | 'round',
  join: 'miter' | 'round' = 'miter',
): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.lineCap = cap;
  ctx.lineJoin = join;
  ctx.stroke();
}

const dashOf = (dash: string | undefined): number[] => (dash ? dash.split(/[ ,]+/).map(Number) : []);

/** A connector's line: its relation's colour, width and dash (lighter as a cross-link), with its arrowheads. */
function drawConnector(
  ctx: MapCanvas,
  { connector: c, active, markerStart, markerEnd }: ConnectorShape,
  markers: ReadonlyMap<string, Marker>,
  theme: Theme,
  shown: Rect,
  faded: boolean,
): void {
  const colour = theme.relations[c.type];
  const line = relationLine[c.type];
  const cross = c.kind === 'cross' && c.type !== 'contradiction';
  const width = cross ? crossLinkLine.width : line.width;
  ctx.save();
  ctx.globalAlpha = (active === false ? 0.25 : 1) * (faded ? 0.5 : 1);
  ctx.beginPath();
  traceLine(c.line, ctx);
  ctx.save();
  if (cross) ctx.globalAlpha *= crossLinkLine.opacity;
  stroke(ctx, colour, width, dashOf(line.dash), 'round', 'round');
  ctx.restore();
  const start = markerNamed(markers, markerStart);
  const end = markerNamed(markers, markerEnd);
  const [sx, sy] = [c.line.coords[0]!, c.line.coords[1]!];
  if (start && insidePicture(shown, sx, sy)) drawMarker(ctx, start, sx, sy, startAngle(c.line), width);
  if (end && insidePicture(shown, c.end.x, c.end.y))
    drawMarker(ctx, end, c.end.x, c.end.y, endAngle(c.line), width);
  ctx.restore();
}

function drawConnectorLabel(
  ctx: MapCanvas,
  label: { x: number; y: number; text: string },
  theme: Theme,
): void {
  setFont(ctx, 'regular', CONNECTOR_LABEL.size);
  ctx.textAlign = 'center';
  // A halo in the background's colour under the word (the style sheet's `paint-order: stroke`).
  ctx.setLineDash([]);
  ctx.strokeStyle = theme.background;
  ctx.lineWidth = 4;
  ctx.lineJoin = 'round';
  ctx.strokeText(label.text, label.x, label.y);
  ctx.fillStyle = theme.mutedText;
  ctx.fillText(label.text, label.x, label.y);
}

/** Statuses that do not hold are drawn faded (the style sheet's status rules). */
const FADED_STATUSES = new Set(['rejected', 'out', 'unsupported']);

function drawBox(ctx: MapCanvas, box: BoxShape, theme: Theme, faded: boolean): void {
  const { node, rx, lines, badge, folds, status } = box;
  const colours = theme.roles[node.role];
  const border = node.implicit ? implicitBorder : roleBorder[node.role];
  ctx.save();
  ctx.globalAlpha = (status && FADED_STATUSES.has(status.status) ? 0.6 : 1) * (faded ? 0.5 : 1);
  roundedRect(ctx, node.x, node.y, node.width, node.height, rx);
  ctx.fillStyle = node.implicit ? theme.background : colours.fill;
  ctx.fill();
  stroke(ctx, colours.stroke, border.width, dashOf(border.dash), 'butt');
  ctx.textAlign = 'left';
  for (const line of lines) {
    const { weight, size } = lineFont(line.className);
    const semibold = weight === 'semibold';
    setFont(ctx, weight, size);
    ctx.fillStyle =
      line.className === 'label'
        ? colours.label
        : line.className === 'speaker'
          ? theme.mutedText
          : theme.text;
    if (line.segments) for (const segment of line.segments) drawSegment(ctx, segment, size, semibold);
    else ctx.fillText(line.text, line.x, line.y);
  }
  for (const b of [badge, ...folds]) if (b) drawBadge(ctx, b, colours.stroke, theme.background);
  if (status) drawBadge(ctx, status.pill, theme.statuses[status.status], theme.background);
  ctx.restore();
}

/**
 * A stretch of a formatted line, as the SVG writer draws it (`run-format.ts`): its runs end to end, bold in
 * the semibold face, a link underlined, an italic stretch slanted about its start.
 */
function drawSegment(ctx: MapCanvas, segment: TextSegment, size: number, semibold: boolean): void {
  ctx.save();
  ctx.translate(segment.x, segment.y);
  if (segment.italic) ctx.transform(1, 0, Math.tan((ITALIC_SKEW * Math.PI) / 180), 1, 0, 0);
  let x = 0;
  for (const run of segment.runs) {
    const format = runFormat(run);
    setFont(ctx, semibold || format.weight ? 'semibold' : 'regular', size);
    ctx.fillText(run.text, x, 0);
    const width = ctx.measureText(run.text).width;
    if (format.decoration) ctx.fillRect(x, size * 0.12, width, Math.max(1, size / 14));
    x += width;
  }
  ctx.restore();
}

function drawBadge(ctx: MapCanvas, b: Badge, fill: string, ink: string): void {
  roundedRect(ctx, b.x, b.y, b.width, b.height, b.rx);
  ctx.fillStyle = fill;
  ctx.fill();
  setFont(ctx, 'semibold', PILL.textSize);
  ctx.textAlign = 'center';
  ctx.fillStyle = ink;
  ctx.fillText(b.text.text, b.text.x, b.text.y);
}

/** A rectangle with round corners, traced from the top edge's start clockwise as SVG traces a `rect`. */
function roundedRect(ctx: MapCanvas, x: number, y: number, width: number, height: number, rx: number): void {
  const r = Math.min(rx, width / 2, height / 2);
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + width, y, x + width, y + height, r);
  ctx.arcTo(x + width, y + height, x, y + height, r);
  ctx.arcTo(x, y + height, x, y, r);
  ctx.arcTo(x, y, x + width, y, r);
  ctx.closePath();
}

function drawLegend(ctx: MapCanvas, pic: Picture): void {
  const { theme } = pic;
  for (const mark of legendMarks(pic)) {
    if (mark.type === 'pill') {
      drawBadge(ctx, mark.pill, theme.statuses[mark.status], theme.background);
      continue;
    }
    ctx.save();
    ctx.globalAlpha = 0.25;
    ctx.beginPath();
    ctx.moveTo(mark.x, mark.y);
    ctx.lineTo(mark.x + mark.length, mark.y);
    stroke(ctx, theme.relations.support, relationLine.support.width, [], 'round', 'round');
    ctx.restore();
    setFont(ctx, 'regular', WORDS_SIZE);
    ctx.textAlign = 'left';
    ctx.fillStyle = theme.mutedText;
    ctx.fillText(mark.words.text, mark.words.x, mark.words.y);
  }
}
