import { px } from '../round.ts';
import type { LaidOutMap, Rect } from '../layout/types.ts';
import { within } from './within.ts';
import type { InlineRun } from '../text/inline-runs.ts';
import { runFormat, slant, type TextSegment } from './run-format.ts';
import { escapeXml } from './escape.ts';
import { pathData } from './path.ts';
import {
  renderModel,
  type Badge,
  type BoxShape,
  type ConnectorShape,
  type EvaluationMarks,
  type FrameShape,
  type Marker,
  type TextAt,
} from './render-model.ts';
import { styleSheet } from './style-sheet.ts';
import { statusLegend, statusLegendHeight, statusLegendSvg } from './status-legend.ts';
import { captionBand, captionSvg, type PictureCaption } from './svg-caption.ts';
import { themes, type ThemeName } from './theme.ts';

export interface SvgOptions {
  readonly theme?: ThemeName;
  /** Accessible title and description of the picture. */
  readonly title?: string;
  readonly description?: string;
  /** Space around the map, in px. */
  readonly margin?: number;
  /** Draw only this part of the map (the "current view" of the app), instead of all of it. */
  readonly crop?: Rect;
  /** False leaves the background transparent (for PNGs on coloured slides). */
  readonly background?: boolean;
  /**
   * A presentation step's picture: the boxes the step is about; the others (context from earlier steps) are
   * drawn faded, with the connectors that do not join two of them. All boxes are drawn plain without it.
   */
  readonly lit?: ReadonlySet<string>;
  /** A caption under the map (an exported picture's title and source); none without it. */
  readonly caption?: PictureCaption;
  /** An evaluation's statuses: drawn on the boxes (a pill with icon and word), inactive relations faded. */
  readonly evaluation?: EvaluationMarks;
  /** False leaves out the evaluation's legend (a page draws its own); drawn under the map otherwise. */
  readonly statusLegend?: boolean;
}

const n = px;

/**
 * Draws a laid-out map as one standalone SVG document, from its render model: no script, no event
 * attributes, no external references; every label is escaped. Kerning and ligatures are off so that text
 * takes exactly the width the layout measured.
 */
export function renderSvg(laidOut: LaidOutMap, options: SvgOptions = {}): string {
  const theme = themes[options.theme ?? 'light'];
  // A crop draws only what reaches into it.
  const drawnMap = options.crop ? within(laidOut, options.crop) : laidOut;
  const model = renderModel(drawnMap, theme, options.evaluation);
  const margin = options.margin ?? 24;
  const { bounds } = laidOut;
  const drawn = options.crop
    ? [options.crop.x, options.crop.y, options.crop.width, options.crop.height]
    : [bounds.x - margin, bounds.y - margin, bounds.width + 2 * margin, bounds.height + 2 * margin];
  const legend =
    options.evaluation && options.statusLegend !== false
      ? statusLegend(drawnMap, options.evaluation)
      : undefined;
  const legendBand = legend ? statusLegendHeight(legend, drawn[2]!) : 0;
  const band = options.caption ? captionBand(options.caption, drawn[2]!) : 0;
  const viewBox = [drawn[0]!, drawn[1]!, drawn[2]!, drawn[3]! + legendBand + band];
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox.map(n).join(' ')}" width="${n(viewBox[2]!)}" height="${n(viewBox[3]!)}" role="img">`,
  );
  if (options.title) out.push(`<title>${escapeXml(options.title)}</title>`);
  if (options.description) out.push(`<desc>${escapeXml(options.description)}</desc>`);
  // A step's context, in its picture: readable, a step behind what the step is about.
  const fading = options.lit ? '.faded{opacity:0.5}' : '';
  out.push(`<style>${styleSheet(theme, { evaluation: options.evaluation !== undefined })}${fading}</style>`);
  out.push(`<defs>${model.markers.map(markerSvg).join('')}</defs>`);
  if (options.background !== false) {
    out.push(
      `<rect class="background" x="${n(viewBox[0]!)}" y="${n(viewBox[1]!)}" width="${n(viewBox[2]!)}" height="${n(viewBox[3]!)}" fill="${theme.background}"/>`,
    );
  }
  for (const frame of model.frames) out.push(frameSvg(frame));
  const faded = (ids: readonly string[]) =>
    options.lit !== undefined && !ids.every((id) => options.lit!.has(id));
  // What the picture shows: an arrowhead outside it is left out (the renderer of PNGs fails on one).
  const shown = { x: drawn[0]!, y: drawn[1]!, width: drawn[2]!, height: drawn[3]! };
  for (const connector of model.connectors) {
    const { target, premises } = connector.connector;
    out.push(connectorSvg(connector, faded([target, ...premises]), shown));
  }
  for (const { label } of model.connectors) out.push(label ? connectorLabelSvg(label) : '');
  for (const box of model.boxes) out.push(boxSvg(box, faded([box.node.id])));
  const mapBottom = drawn[1]! + drawn[3]!;
  if (legend && legendBand > 0)
    out.push(statusLegendSvg(legend, { x: drawn[0]!, top: mapBottom, width: drawn[2]! }, theme));
  if (band > 0)
    out.push(
      captionSvg(options.caption!, { x: drawn[0]!, width: drawn[2]!, bottom: mapBottom + legendBand }, theme),
    );
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function markerSvg(m: Marker): string {
  return `<marker id="${m.id}" viewBox="${m.viewBox}" refX="${m.refX}" refY="${m.refY}" markerWidth="${m.width}" markerHeight="${m.height}" orient="${m.orient}"><path d="${m.path}" fill="${m.fill}"/></marker>`;
}

function frameSvg({ group, path, tone, title, link }: FrameShape): string {
  return (
    `<g class="group ${tone}" data-group-id="${escapeXml(group.id)}">` +
    (link ? `<path class="link" d="${link}"/>` : '') +
    `<path class="frame" d="${path}"/>` +
    (title.text ? `<text x="${n(title.x)}" y="${n(title.y)}">${escapeXml(title.text)}</text>` : '') +
    '</g>'
  );
}

function connectorSvg(
  { connector: c, className, markerStart, markerEnd }: ConnectorShape,
  faded: boolean,
  shown: Rect,
): string {
  const inside = (x: number, y: number) =>
    x >= shown.x && x <= shown.x + shown.width && y >= shown.y && y <= shown.y + shown.height;
  const from = { x: c.line.coords[0]!, y: c.line.coords[1]! };
  const start = markerStart && inside(from.x, from.y) ? ` marker-start="${markerStart}"` : '';
  const end = inside(c.end.x, c.end.y) ? ` marker-end="${markerEnd}"` : '';
  return `<path class="${className}${faded ? ' faded' : ''}" data-relation-id="${escapeXml(c.relationId)}" d="${pathData(c.line)}"${start}${end}/>`;
}

function connectorLabelSvg(label: TextAt): string {
  return `<text class="connector-label" x="${n(label.x)}" y="${n(label.y)}" text-anchor="middle">${label.text}</text>`;
}

function boxSvg({ node, className, rx, lines, badge, folds, status }: BoxShape, faded: boolean): string {
  const parts: string[] = [];
  parts.push(
    `<rect class="box" x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" rx="${rx}"/>`,
  );
  for (const line of lines) {
    if (line.segments) {
      for (const segment of line.segments) parts.push(segmentSvg(line.className, segment));
    } else {
      parts.push(
        `<text class="${line.className}" x="${n(line.x)}" y="${n(line.y)}">${escapeXml(line.text)}</text>`,
      );
    }
  }
  if (badge) parts.push(badgeSvg(badge));
  for (const fold of folds) parts.push(badgeSvg(fold));
  if (status) parts.push(badgeSvg(status.pill, status.className));
  return `<g class="${className}${faded ? ' faded' : ''}" data-node-id="${escapeXml(node.id)}">${parts.join('')}</g>`;
}

/** A stretch of a formatted line: upright at its place, or slanted about it (see `ITALIC_SKEW`). */
function segmentSvg(className: string, segment: TextSegment): string {
  const place = segment.italic ? `transform="${slant(segment)}"` : `x="${n(segment.x)}" y="${n(segment.y)}"`;
  return `<text class="${className}" ${place}>${segment.runs.map(runSvg).join('')}</text>`;
}

/**
 * A run as a tspan: bold in the semibold face the layout measured it in, a link underlined. A file draws a
 * link's text only, never an active link (no address to follow in a picture).
 */
function runSvg(run: InlineRun): string {
  const format = runFormat(run);
  const attributes =
    (format.weight ? ` font-weight="${format.weight}"` : '') +
    (format.decoration ? ` text-decoration="${format.decoration}"` : '');
  return attributes ? `<tspan${attributes}>${escapeXml(run.text)}</tspan>` : escapeXml(run.text);
}

function badgeSvg(b: Badge, className?: string): string {
  return (
    `<g class="badge${className ? ` ${className}` : ''}"><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${b.height}" rx="${b.rx}"/>` +
    `<text x="${n(b.text.x)}" y="${n(b.text.y)}" text-anchor="middle">${escapeXml(b.text.text)}</text></g>`
  );
}
