/**
 * How the web fonts are sliced (`npm run fonts`, src/cli/write-web-fonts.ts): the code points of each
 * slice a page declares with `unicode-range`, so that the browser downloads a slice only for a page that
 * shows one of its characters. `core` is what a first visit loads: Latin, Latin-1, common punctuation and
 * the signs the app shows, what English and western European maps are written in. `extended` holds Latin
 * Extended-A and basic Cyrillic, the other scripts of the maps argmap is made for, and rarer punctuation,
 * currency signs and arrows. `rest` is every other character the font has.
 */
export const coreRanges: readonly (readonly [number, number])[] = [
  [0x0000, 0x00ff],
  [0x2010, 0x203a],
  [0x2044, 0x2044],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x25b6, 0x25b6],
  [0x25c0, 0x25c0],
];

/** The extended slice: these ranges, less what the core holds. */
export const extendedRanges: readonly (readonly [number, number])[] = [
  [0x0100, 0x017f],
  [0x0400, 0x045f],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2190, 0x21ff],
];

export const webFontSlices = ['core', 'extended', 'rest'] as const;
export type WebFontSlice = (typeof webFontSlices)[number];

const within = (ranges: typeof coreRanges) => (c: number) => ranges.some(([a, b]) => c >= a && c <= b);
export const inCore = within(coreRanges);
export const inExtended = (c: number): boolean => !inCore(c) && within(extendedRanges)(c);

/** Code points as a CSS `unicode-range` value: runs of consecutive points as `U+a-b`. */
export function unicodeRange(points: readonly number[]): string {
  const out: string[] = [];
  const hex = (c: number) => c.toString(16).toUpperCase();
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    out.push(points[i] === points[j] ? `U+${hex(points[i]!)}` : `U+${hex(points[i]!)}-${hex(points[j]!)}`);
    i = j + 1;
  }
  return out.join(', ');
}

/**
 * A slice's ranges as `unicode-range`: whole blocks, the extended ones less the core's, so that no character
 * of the core makes the browser fetch the extended slice (the font's gaps in them do no harm).
 */
export function sliceRange(slice: 'core' | 'extended'): string {
  const points: number[] = [];
  for (const [a, b] of slice === 'core' ? coreRanges : extendedRanges)
    for (let c = a; c <= b; c++) if (slice === 'core' ? inCore(c) : inExtended(c)) points.push(c);
  return unicodeRange(points);
}
