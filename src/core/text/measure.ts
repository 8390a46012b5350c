import { fontMetricsData } from './font-metrics.generated.ts';

/**
 * Text measuring from the bundled font's own advance widths (Inter). Rendering turns kerning and ligatures
 * off (see render styles), so a string's width is exactly the sum of its characters' advances: the same
 * number in Node, in the browser's canvas `measureText`, and in the drawn SVG.
 */

export type FontWeight = keyof typeof fontMetricsData;

export interface TextMeasurer {
  /**
   * Width in px of `text` (or of its slice [start, end), measured in place so that wrapping need not cut
   * every word out of the text) set in the given weight and size.
   */
  width(text: string, weight: FontWeight, size: number, start?: number, end?: number): number;
}

interface DecodedFont {
  readonly unitsPerEm: number;
  /**
   * Advance + 1 of each code point below U+10000, 0 where the font has no glyph: a direct index is fastest,
   * and an array of 16-bit numbers that starts zeroed is a quarter of the memory of floats filled with NaN
   * (the tables are decoded on every start of the app and of the command line).
   */
  readonly basic: Uint16Array;
  readonly astral: ReadonlyMap<number, number>;
}

function decode(data: { unitsPerEm: number; widths: string }): DecodedFont {
  const basic = new Uint16Array(0x10000);
  const astral = new Map<number, number>();
  for (const run of data.widths.split(';')) {
    const [start, list] = run.split(':') as [string, string];
    let point = parseInt(start, 36);
    for (const width of list.split(',')) {
      if (point < 0x10000) basic[point] = parseInt(width, 36) + 1;
      else astral.set(point, parseInt(width, 36));
      point++;
    }
  }
  return { unitsPerEm: data.unitsPerEm, basic, astral };
}

/**
 * Width (in em) of characters the font lacks. The browser draws them with some fallback font whose width
 * we cannot know, so the estimate is fixed and predictable: combining marks and controls take no room,
 * wide East Asian characters and emoji a full em, everything else the width of a digit.
 */
export function fallbackEm(point: number): number {
  if (point < 0x20 || (point >= 0x7f && point < 0xa0) || point === 0x200b || point === 0x200d) return 0;
  const char = String.fromCodePoint(point);
  if (/\p{M}/u.test(char)) return 0;
  if (
    (point >= 0x1100 && point <= 0x115f) ||
    (point >= 0x2e80 && point <= 0xa4cf) ||
    (point >= 0xac00 && point <= 0xd7a3) ||
    (point >= 0xf900 && point <= 0xfaff) ||
    (point >= 0xfe30 && point <= 0xfe4f) ||
    (point >= 0xff00 && point <= 0xff60) ||
    (point >= 0xffe0 && point <= 0xffe6) ||
    (point >= 0x1f300 && point <= 0x1faff) ||
    (point >= 0x20000 && point <= 0x3fffd)
  ) {
    return 1;
  }
  return 0.6;
}

let decoded: Readonly<Record<FontWeight, DecodedFont>> | undefined;

/**
 * The tables, decoded on first use and then shared: they are constants derived from constants, and decoding
 * them for every layout would cost more than laying out a small map.
 */
function decodedFonts(): Readonly<Record<FontWeight, DecodedFont>> {
  decoded ??= { regular: decode(fontMetricsData.regular), semibold: decode(fontMetricsData.semibold) };
  return decoded;
}

let shared: TextMeasurer | undefined;

/**
 * The measurer every layout uses, in Node and in the browser: one for the process, so that what is measured
 * with it can be kept between layouts (`box-memo.ts`); its only state is a cache of constants.
 */
export function createFontMeasurer(): TextMeasurer {
  shared ??= fontMeasurer();
  return shared;
}

function fontMeasurer(): TextMeasurer {
  const fonts = decodedFonts();
  // Em widths of code points outside the table, computed once per character.
  const fallback = new Map<number, number>();
  return {
    width(text, weight, size, start = 0, end = text.length) {
      const font = fonts[weight];
      let units = 0;
      let ems = 0;
      for (let i = start; i < end; i++) {
        let point = text.charCodeAt(i);
        if (point >= 0xd800 && point <= 0xdbff && i + 1 < end) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            point = (point - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            i++;
          }
        }
        const advance = point < 0x10000 ? font.basic[point]! - 1 : (font.astral.get(point) ?? -1);
        if (advance >= 0)
          units += advance; // the font has the character
        else {
          let em = fallback.get(point);
          if (em === undefined) fallback.set(point, (em = fallbackEm(point)));
          ems += em;
        }
      }
      return (units / font.unitsPerEm + ems) * size;
    },
  };
}
