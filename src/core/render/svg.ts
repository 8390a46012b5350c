import { strictRelationTypes } from '../model/types.ts';
import { px } from '../round.ts';
import type { LaidOutMap, Rect } from '../layout/types.ts';
import {
  frameRows,
  insidePicture,
  isFaded,
  lineRows,
  picture,
  reachesRows,
  type PictureOptions,
  type PictureRows,
} from './picture.ts';
import type { InlineRun } from '../text/inline-runs.ts';
import { runFormat, slant, type TextSegment } from './run-format.ts';
import { escapeXml } from './escape.ts';
import { pathData } from './path.ts';
import type { Badge, BoxShape, ConnectorShape, FrameShape, Marker, TextAt } from './render-model.ts';
import { styleSheet } from './style-sheet.ts';
import { statusLegendSvg } from './status-legend.ts';
import { captionSvg } from './svg-caption.ts';

/** How a picture is drawn (see `picture.ts`). */
export interface SvgOptions extends PictureOptions {
  /**
   * Only what reaches into these rows (map units) is written: the SVG of a band of the picture, which a PNG
   * renderer draws with the band's viewBox (`export/png-bands.ts`). It lays out no text it would not draw,
   * and meets no shape wholly outside its canvas (resvg's native build stops the process on a see-through
   * shape there).
   */
  readonly rows?: PictureRows;
}

const n = px;

/**
 * Draws a laid-out map as one standalone SVG document, from its render model: no script, no event
 * attributes, no external references; every label is escaped. Kerning and ligatures are off so that text
 * takes exactly the width the layout measured.
 */
export function renderSvg(laidOut: LaidOutMap, options: SvgOptions = {}): string {
  const { theme, model, viewBox, shown, legend, legendBand, captionBand } = picture(laidOut, options);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(viewBox.x)} ${n(viewBox.y)} ${n(viewBox.width)} ${n(viewBox.height)}" width="${n(viewBox.width)}" height="${n(viewBox.height)}" role="img">`,
  );
  if (options.title) out.push(`<title>${escapeXml(options.title)}</title>`);
  if (options.description) out.push(`<desc>${escapeXml(options.description)}</desc>`);
  // A step's context, in its picture: readable, a step behind what the step is about.
  const fading = options.lit ? '.faded{opacity:0.5}' : '';
  const drawnKinds = new Set(model.connectors.map((c) => c.connector.type));
  const sheet = styleSheet(theme, {
    evaluation: options.evaluation !== undefined,
    strictKinds: strictRelationTypes.filter((kind) => drawnKinds.has(kind)),
  });
  out.push(`<style>${sheet}${fading}</style>`);
  out.push(`<defs>${model.markers.map(markerSvg).join('')}</defs>`);
  if (options.background !== false) {
    out.push(
      `<rect class="background" x="${n(viewBox.x)}" y="${n(viewBox.y)}" width="${n(viewBox.width)}" height="${n(viewBox.height)}" fill="${theme.background}"/>`,
    );
  }
  const { rows } = options;
  for (const frame of model.frames) if (reachesRows(rows, ...frameRows(frame))) out.push(frameSvg(frame));
  const faded = (ids: readonly string[]) => isFaded(options.lit, ids);
  for (const connector of model.connectors) {
    const { target, premises, line } = connector.connector;
    if (reachesRows(rows, ...lineRows(line.coords)))
      out.push(connectorSvg(connector, faded([target, ...premises]), shown));
  }
  for (const { label } of model.connectors)
    out.push(label && reachesRows(rows, label.y, label.y) ? connectorLabelSvg(label) : '');
  for (const box of model.boxes)
    if (reachesRows(rows, box.node.y, box.node.y + box.node.height))
      out.push(boxSvg(box, faded([box.node.id])));
  const mapBottom = shown.y + shown.height;
  // The legend and the caption, in the bands under the map.
  const underMap = reachesRows(rows, mapBottom, viewBox.y + viewBox.height);
  if (underMap && legend && legendBand > 0)
    out.push(statusLegendSvg(legend, { x: shown.x, top: mapBottom, width: shown.width }, theme));
  if (underMap && captionBand > 0)
    out.push(
      captionSvg(options.caption!, { x: shown.x, width: shown.width, bottom: mapBottom + legendBand }, theme),
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
  const from = { x: c.line.coords[0]!, y: c.line.coords[1]! };
  const start = markerStart && insidePicture(shown, from.x, from.y) ? ` marker-start="${markerStart}"` : '';
  const end = markerEnd && insidePicture(shown, c.end.x, c.end.y) ? ` marker-end="${markerEnd}"` : '';
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
