import type { LaidOutMap, Rect } from '../../layout/types.ts';
import { escapeXml } from '../../render/escape.ts';
import type { EvaluationMarks } from '../../render/render-model.ts';
import { statusLegend, statusLegendHeight } from '../../render/status-legend.ts';
import { renderSvg } from '../../render/svg.ts';
import { themes, type ThemeName } from '../../render/theme.ts';
import { px } from '../../round.ts';
import { fitted } from '../../text/fitted.ts';
import { createFontMeasurer, type TextMeasurer } from '../../text/measure.ts';
import { boxStyle } from '../../layout/box-style.ts';
import { PIXELS_PER_POINT, type PageSize } from './page.ts';

/** Body text is never drawn below 12 pt on a page: the map's 14 px text at this scale or more. */
export const MIN_PAGE_SCALE = (12 * PIXELS_PER_POINT) / boxStyle.textSize;

/** The page's margin, and the caption's lines, in page pixels. */
export const PAGE_MARGIN = 32;
const CAPTION = { size: 24, small: 20, gap: 12, lineHeight: 30 } as const;

/** What the caption says: the map's title, the step's, the source's attribution, the page's number. */
export interface Caption {
  readonly title?: string;
  readonly subtitle?: string;
  readonly attribution?: string;
  /** "3 / 21". */
  readonly number?: string;
}

/** The caption's text: the titles (the step's first) on the left, the attribution and number on the right. */
function captionTexts(caption: Caption): { readonly left: string; readonly right: string } {
  return {
    left: [caption.subtitle, caption.title].filter(Boolean).join(' · '),
    right: [caption.attribution, caption.number].filter(Boolean).join('  ·  '),
  };
}

/**
 * Whether a caption takes two lines on a page `width` wide: when its titles would be cut on one line beside
 * the attribution, but the page is too narrow for a slide's single line anyway (a picture cut to its map).
 */
function twoLines(caption: Caption, width: number, measure: TextMeasurer): boolean {
  const { left, right } = captionTexts(caption);
  if (!right) return false;
  const room = width - 2 * PAGE_MARGIN - measure.width(right, 'regular', CAPTION.small) - 32;
  return measure.width(left, 'semibold', CAPTION.size) > room && width < 1400;
}

/** How high the caption's band is on a page `width` wide, with its gap above: one line, or two. */
export const captionHeight = (caption: Caption | undefined, width: number): number =>
  caption ? CAPTION.gap + CAPTION.lineHeight * (twoLines(caption, width, createFontMeasurer()) ? 2 : 1) : 0;

/** The part of a page the map may use: inside the margins, above the caption. */
export function mapArea(size: PageSize, caption: Caption | undefined, top = 0): Rect {
  return {
    x: PAGE_MARGIN,
    y: PAGE_MARGIN + top,
    width: size.width - 2 * PAGE_MARGIN,
    height: size.height - 2 * PAGE_MARGIN - top - captionHeight(caption, size.width),
  };
}

/** The scale at which a laid-out map fits an area whole, at most `max`. */
export function fitScale(laidOut: LaidOutMap, area: Rect, max = 2 * MIN_PAGE_SCALE): number {
  const { width, height } = laidOut.bounds;
  return Math.min(max, area.width / Math.max(1, width), area.height / Math.max(1, height));
}

export interface PageDrawing {
  readonly size: PageSize;
  readonly theme: ThemeName;
  /** The map and where on the page it goes; drawn centred in the area, never larger than twice 12 pt. */
  readonly map?: {
    readonly laidOut: LaidOutMap;
    readonly area: Rect;
    readonly lit?: ReadonlySet<string>;
    /** Statuses drawn on the boxes, with their legend under the map (docs/EVALUATION.md). */
    readonly evaluation?: EvaluationMarks;
  };
  /** Blocks of text (a title page's heading, a handout's note and quotes), drawn from their top-left. */
  readonly blocks?: readonly TextBlock[];
  readonly caption?: Caption;
}

export interface TextBlock {
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
  readonly size: number;
  readonly weight: 'regular' | 'semibold';
  readonly italic?: boolean;
  readonly lineHeight: number;
}

/**
 * One page as a standalone SVG of `size` page pixels: the background, the map in its area (a nested SVG of
 * the map's own drawing, so that the page and the map's exports draw the same), text blocks, the caption.
 */
export function pageSvg(page: PageDrawing): string {
  const { width, height } = page.size;
  const theme = themes[page.theme];
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img">`,
    `<rect x="0" y="0" width="${px(width)}" height="${px(height)}" fill="${theme.background}"/>`,
  ];
  if (page.map) out.push(mapSvg(page.map, page.theme));
  for (const block of page.blocks ?? []) out.push(blockSvg(block, theme.text));
  if (page.caption) out.push(captionSvg(page.caption, page.size, theme.text, theme.mutedText));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function mapSvg(map: NonNullable<PageDrawing['map']>, theme: ThemeName): string {
  const { laidOut, area, lit, evaluation } = map;
  const { bounds } = laidOut;
  const legend = evaluation ? statusLegend(laidOut, evaluation) : undefined;
  // The legend's band is part of the map's drawing, under it: the map fits with it.
  const band = (margin: number) => (legend ? statusLegendHeight(legend, bounds.width + 2 * margin) : 0);
  const scale = fitScale({ ...laidOut, bounds: { ...bounds, height: bounds.height + band(12) } }, area);
  // The map's drawing reaches a little past its boxes' bounds (the "+n" pills), into the page's margin.
  const margin = Math.min(12, (PAGE_MARGIN - 2) / scale);
  const inner = renderSvg(laidOut, {
    theme,
    margin,
    background: false,
    ...(lit ? { lit } : {}),
    ...(evaluation ? { evaluation } : {}),
  });
  const drawnHeight = bounds.height + band(margin);
  const width = (bounds.width + 2 * margin) * scale;
  const height = (drawnHeight + 2 * margin) * scale;
  const x = area.x + (area.width - bounds.width * scale) / 2 - margin * scale;
  const y = area.y + (area.height - drawnHeight * scale) / 2 - margin * scale;
  // The map's own SVG, placed and sized: its viewBox scales it. Not clipped to its viewport (a nested svg's
  // default): the map is drawn whole within it, and a clip makes a renderer draw the map into a layer of its
  // own and mask it, which at a slide's picture size is most of the time spent drawing the page.
  return inner
    .trim()
    .replace(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" /,
      `<svg x="${px(x)}" y="${px(y)}" overflow="visible" `,
    )
    .replace(/ width="[^"]*" height="[^"]*" role="img">/, ` width="${px(width)}" height="${px(height)}">`);
}

/** A page's text as the layout measured it and the PDF sets it: without kerning or ligatures. */
const fontAttributes = (size: number, weight: 'regular' | 'semibold', italic = false) =>
  `font-family="Inter" font-size="${size}" font-weight="${weight === 'semibold' ? 600 : 400}"${italic ? ' font-style="italic"' : ''} style="font-kerning:none;font-variant-ligatures:none"`;

function blockSvg(block: TextBlock, ink: string): string {
  return block.lines
    .map(
      (line, i) =>
        `<text x="${px(block.x)}" y="${px(block.y + block.size + i * block.lineHeight)}" ${fontAttributes(block.size, block.weight, block.italic)} fill="${ink}">${escapeXml(line)}</text>`,
    )
    .join('\n');
}

/**
 * The caption along the page's foot: the titles on the left (cut with an ellipsis when long), the
 * attribution and the page's number on the right; on a narrow picture, the titles above the rest.
 */
function captionSvg(caption: Caption, size: PageSize, ink: string, muted: string): string {
  const measure = createFontMeasurer();
  const y = size.height - PAGE_MARGIN;
  const { left, right } = captionTexts(caption);
  const full = size.width - 2 * PAGE_MARGIN;
  const text = (x: number, at: number, line: string, font: string, fill: string, anchor = '') =>
    `<text x="${px(x)}" y="${px(at)}"${anchor} ${font} fill="${fill}">${escapeXml(line)}</text>`;
  const titleFont = fontAttributes(CAPTION.size, 'semibold');
  const smallFont = fontAttributes(CAPTION.small, 'regular');
  if (twoLines(caption, size.width, measure)) {
    const title = fitted(left, full, CAPTION.size, 'semibold', measure);
    const rest = fitted(right, full, CAPTION.small, 'regular', measure);
    return [
      text(PAGE_MARGIN, y - CAPTION.lineHeight, title, titleFont, ink),
      text(PAGE_MARGIN, y, rest, smallFont, muted),
    ].join('\n');
  }
  const rightWidth = right ? measure.width(right, 'regular', CAPTION.small) : 0;
  // The step's title first: when the line is too long, the map's title is what gets cut.
  const title = fitted(left, full - (right ? rightWidth + 32 : 0), CAPTION.size, 'semibold', measure);
  const out = [text(PAGE_MARGIN, y, title, titleFont, ink)];
  if (right) out.push(text(size.width - PAGE_MARGIN, y, right, smallFont, muted, ' text-anchor="end"'));
  return out.join('\n');
}
