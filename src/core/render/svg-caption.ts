import { fitted } from '../text/fitted.ts';
import { px } from '../round.ts';
import { createFontMeasurer } from '../text/measure.ts';
import { escapeXml } from './escape.ts';
import type { Theme } from './theme.ts';

/** What an exported picture says under the map: its title and where its argument comes from. */
export interface PictureCaption {
  readonly title?: string;
  /** Author, publisher, date. */
  readonly attribution?: string;
}

const TITLE = { size: 16, weight: 'semibold' } as const;
const SOURCE = { size: 13, weight: 'regular' } as const;
const LINE = 22;
const PAD = 12;

/** The caption's lines for a picture `width` wide: on one line when both fit, else the title above the source. */
export function captionLines(
  caption: PictureCaption,
  width: number,
): { readonly left?: string; readonly right?: string; readonly below?: string } {
  const measure = createFontMeasurer();
  const room = Math.max(40, width - 2 * PAD);
  const title = caption.title ? fitted(caption.title, room, TITLE.size, TITLE.weight, measure) : undefined;
  const source = caption.attribution;
  if (!source) return title ? { left: title } : {};
  const together =
    (title ? measure.width(title, TITLE.weight, TITLE.size) + 32 : 0) +
      measure.width(source, SOURCE.weight, SOURCE.size) <=
    room;
  if (together || !title)
    return {
      ...(title ? { left: title } : {}),
      right: fitted(source, room, SOURCE.size, SOURCE.weight, measure),
    };
  return { left: title, below: fitted(source, room, SOURCE.size, SOURCE.weight, measure) };
}

/** How much taller the picture grows for its caption. */
export function captionBand(caption: PictureCaption, width: number): number {
  const lines = captionLines(caption, width);
  if (!lines.left && !lines.right) return 0;
  return PAD + LINE * (lines.below ? 2 : 1);
}

/** A caption's line of text, placed: its baseline's start (its end with `anchor: 'end'`). */
export interface CaptionText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly weight: 'regular' | 'semibold';
  readonly anchor: 'start' | 'end';
  /** The title in the theme's text colour, the source in its muted one. */
  readonly ink: 'text' | 'muted';
}

/** The caption's lines, placed under a picture whose drawing (without the caption) ends at `bottom`. */
export function captionTexts(
  caption: PictureCaption,
  box: { readonly x: number; readonly width: number; readonly bottom: number },
): CaptionText[] {
  const lines = captionLines(caption, box.width);
  const y = box.bottom + LINE - 4;
  const out: CaptionText[] = [];
  const title = { ...TITLE, anchor: 'start', ink: 'text' } as const;
  const source = { ...SOURCE, ink: 'muted' } as const;
  if (lines.left) out.push({ x: box.x + PAD, y, text: lines.left, ...title });
  if (lines.right) out.push({ x: box.x + box.width - PAD, y, text: lines.right, ...source, anchor: 'end' });
  if (lines.below) out.push({ x: box.x + PAD, y: y + LINE, text: lines.below, ...source, anchor: 'start' });
  return out;
}

/** The caption's text, drawn under a picture whose drawing (without the caption) ends at `bottom`. */
export function captionSvg(
  caption: PictureCaption,
  box: { readonly x: number; readonly width: number; readonly bottom: number },
  theme: Theme,
): string {
  const out = captionTexts(caption, box).map(
    (line) =>
      `<text x="${px(line.x)}" y="${px(line.y)}"${line.anchor === 'end' ? ' text-anchor="end"' : ''} ` +
      `font-family="Inter" font-size="${line.size}" font-weight="${line.weight === 'semibold' ? 600 : 400}" ` +
      `fill="${line.ink === 'text' ? theme.text : theme.mutedText}">${escapeXml(line.text)}</text>`,
  );
  return `<g class="caption">${out.join('')}</g>`;
}
