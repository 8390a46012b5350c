import { px } from '../round.ts';
import { pathData } from './path.ts';
import { boxStyle } from '../layout/box-style.ts';
import type { LaidOutConnector, LaidOutMap, LaidOutNode, Rect } from '../layout/types.ts';
import { fontMetricsData } from '../text/font-metrics.generated.ts';
import { escapeXml } from './escape.ts';
import {
  crossLinkLine,
  relationLine,
  relationWords,
  roleBorder,
  themes,
  type Theme,
  type ThemeName,
} from './theme.ts';

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
}

const n = px;

/** Baseline of a line of text `size` px high centred in a line box `lineHeight` high (Inter's own metrics). */
export function baselineOffset(size: number, lineHeight: number): number {
  const { ascent, descent, unitsPerEm } = fontMetricsData.regular;
  const a = (ascent / unitsPerEm) * size;
  const d = (-descent / unitsPerEm) * size;
  return (lineHeight - (a + d)) / 2 + a;
}

/**
 * Draws a laid-out map as one standalone SVG document: no script, no event attributes, no external
 * references; every label is escaped. Kerning and ligatures are off so that text takes exactly the width
 * the layout measured.
 */
export function renderSvg(laidOut: LaidOutMap, options: SvgOptions = {}): string {
  const theme = themes[options.theme ?? 'light'];
  const margin = options.margin ?? 24;
  const { bounds } = laidOut;
  const viewBox = options.crop
    ? [options.crop.x, options.crop.y, options.crop.width, options.crop.height]
    : [bounds.x - margin, bounds.y - margin, bounds.width + 2 * margin, bounds.height + 2 * margin];
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox.map(n).join(' ')}" width="${n(viewBox[2]!)}" height="${n(viewBox[3]!)}" role="img">`,
  );
  if (options.title) out.push(`<title>${escapeXml(options.title)}</title>`);
  if (options.description) out.push(`<desc>${escapeXml(options.description)}</desc>`);
  out.push(`<style>${styleSheet(theme)}</style>`);
  out.push(`<defs>${markers(theme)}</defs>`);
  if (options.background !== false) {
    out.push(
      `<rect class="background" x="${n(viewBox[0]!)}" y="${n(viewBox[1]!)}" width="${n(viewBox[2]!)}" height="${n(viewBox[3]!)}" fill="${theme.background}"/>`,
    );
  }
  for (const group of laidOut.groups) {
    out.push(
      `<g class="group" data-group-id="${escapeXml(group.id)}"><rect x="${n(group.x)}" y="${n(group.y)}" width="${n(group.width)}" height="${n(group.height)}" rx="10"/>` +
        `<text x="${n(group.x + 10)}" y="${n(group.y + 15)}">${escapeXml(group.title)}</text></g>`,
    );
  }
  for (const connector of laidOut.connectors) out.push(connectorSvg(connector));
  for (const connector of laidOut.connectors) out.push(connectorLabel(connector));
  for (const node of laidOut.nodes) out.push(nodeSvg(node));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** The map's CSS for a theme: inlined in exported files, set as text of a style element in the app. */
export function styleSheet(theme: Theme): string {
  const rules = [
    `text{font-family:Inter,'Inter Variable',Arial,sans-serif;font-kerning:none;font-variant-ligatures:none;fill:${theme.text}}`,
    `.group rect{fill:${theme.groupFill};stroke:${theme.groupStroke};stroke-width:1}`,
    `.group text{font-size:12px;font-weight:600;fill:${theme.mutedText}}`,
    `.connector{fill:none;stroke-linecap:round;stroke-linejoin:round}`,
    `.connector-label{font-size:11px;font-style:italic;fill:${theme.mutedText};paint-order:stroke;stroke:${theme.background};stroke-width:4px;stroke-linejoin:round}`,
    `.node .label{font-size:${boxStyle.labelSize}px;font-weight:600;letter-spacing:0}`,
    `.node .title{font-size:${boxStyle.titleSize}px;font-weight:600}`,
    `.node .text{font-size:${boxStyle.textSize}px}`,
    `.badge text{font-size:10px;font-weight:600;fill:${theme.background}}`,
  ];
  for (const [role, colours] of Object.entries(theme.roles)) {
    const border = roleBorder[role as keyof typeof roleBorder];
    rules.push(
      `.role-${role} rect.box{fill:${colours.fill};stroke:${colours.stroke};stroke-width:${border.width}${border.dash ? `;stroke-dasharray:${border.dash}` : ''}}`,
      `.role-${role} .label{fill:${colours.label}}`,
      `.role-${role} .badge rect{fill:${colours.stroke}}`,
    );
  }
  for (const [type, colour] of Object.entries(theme.relations)) {
    const line = relationLine[type as keyof typeof relationLine];
    rules.push(
      `.connector.${type}{stroke:${colour};stroke-width:${line.width}${line.dash ? `;stroke-dasharray:${line.dash}` : ''}}`,
    );
  }
  // Cross-links (a shared box's further relations) are drawn lighter than the tree they run through, so that
  // a long route along a gap does not read as part of the tree.
  rules.push(
    `.connector.cross:not(.contradiction){stroke-width:${crossLinkLine.width};stroke-opacity:${crossLinkLine.opacity}}`,
  );
  return rules.join('');
}

export function markers(theme: Theme): string {
  return Object.entries(theme.relations)
    .map(
      ([type, colour]) =>
        `<marker id="arrow-${type}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`,
    )
    .join('');
}

function connectorSvg(c: LaidOutConnector): string {
  const ends = c.type === 'contradiction' ? `marker-start="url(#arrow-contradiction)" ` : '';
  return `<path class="connector ${c.type} ${c.kind}" data-relation-id="${escapeXml(c.relationId)}" d="${pathData(c.line)}" ${ends}marker-end="url(#arrow-${c.type})"/>`;
}

function connectorLabel(c: LaidOutConnector): string {
  if (c.kind === 'cross' && c.type !== 'contradiction') return '';
  return `<text class="connector-label" x="${n(c.labelAt.x)}" y="${n(c.labelAt.y + 4)}" text-anchor="middle">${relationWords[c.type]}</text>`;
}

/** One line of text in a box, positioned: shared by the SVG export and the app's markup. */
export interface TextLine {
  readonly className: 'label' | 'title' | 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export function nodeTextLines(node: LaidOutNode): TextLine[] {
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
    ...node.textLines.map((text, i) => ({
      className: 'text' as const,
      x,
      y: lineTop(node.titleLines.length + i) + baselineOffset(s.textSize, s.lineHeight),
      text,
    })),
  ];
}

/** The "+N" pill on a collapsed box. */
export function collapseBadge(node: LaidOutNode): { x: number; y: number; width: number; label: string } {
  const label = `+${node.hidden}`;
  const width = 10 + label.length * 7;
  return { x: node.x + node.width / 2 - width / 2, y: node.y + node.height - 8, width, label };
}

function nodeSvg(node: LaidOutNode): string {
  const parts: string[] = [];
  parts.push(
    `<rect class="box" x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" rx="6"/>`,
  );
  for (const line of nodeTextLines(node)) {
    parts.push(
      `<text class="${line.className}" x="${n(line.x)}" y="${n(line.y)}">${escapeXml(line.text)}</text>`,
    );
  }
  if (node.collapsed) {
    const badge = collapseBadge(node);
    parts.push(
      `<g class="badge"><rect x="${n(badge.x)}" y="${n(badge.y)}" width="${n(badge.width)}" height="16" rx="8"/>` +
        `<text x="${n(badge.x + badge.width / 2)}" y="${n(badge.y + 11.5)}" text-anchor="middle">${badge.label}</text></g>`,
    );
  }
  return `<g class="node role-${node.role}" data-node-id="${escapeXml(node.id)}">${parts.join('')}</g>`;
}
