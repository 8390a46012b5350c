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

/** The caption's text, drawn under a picture whose drawing (without the caption) ends at `bottom`. */
export function captionSvg(
  caption: PictureCaption,
  box: { readonly x: number; readonly width: number; readonly bottom: number },
  theme: Theme,
): string {
  const lines = captionLines(caption, box.width);
  const font = (f: typeof TITLE | typeof SOURCE) =>
    `font-family="Inter" font-size="${f.size}" font-weight="${f.weight === 'semibold' ? 600 : 400}"`;
  const y = box.bottom + LINE - 4;
  const out: string[] = [];
  if (lines.left)
    out.push(
      `<text x="${px(box.x + PAD)}" y="${px(y)}" ${font(TITLE)} fill="${theme.text}">${escapeXml(lines.left)}</text>`,
    );
  if (lines.right)
    out.push(
      `<text x="${px(box.x + box.width - PAD)}" y="${px(y)}" text-anchor="end" ${font(SOURCE)} fill="${theme.mutedText}">${escapeXml(lines.right)}</text>`,
    );
  if (lines.below)
    out.push(
      `<text x="${px(box.x + PAD)}" y="${px(y + LINE)}" ${font(SOURCE)} fill="${theme.mutedText}">${escapeXml(lines.below)}</text>`,
    );
  return `<g class="caption">${out.join('')}</g>`;
}
