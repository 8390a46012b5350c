import * as fontkit from 'fontkit';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeWidths, fontFiles } from '../../src/cli/write-font-metrics.ts';
import { fontMetricsData } from '../../src/core/text/font-metrics.generated.ts';
import { createFontMeasurer, fallbackEm } from '../../src/core/text/measure.ts';
import { root } from './helpers.ts';

const path = (file: string) => fileURLToPath(new URL(file, root));

describe('font metrics', () => {
  it('the generated table equals the bundled fonts (run `npm run metrics` after changing them)', () => {
    for (const [weight, file] of Object.entries(fontFiles)) {
      expect(fontMetricsData[weight as keyof typeof fontMetricsData]).toEqual(encodeWidths(path(file)));
    }
  });

  it('measures like fontkit: the sum of advance widths, for Latin, Cyrillic, digits and punctuation', () => {
    const font = fontkit.openSync(path(fontFiles.regular)) as fontkit.Font;
    const measurer = createFontMeasurer();
    for (const sample of [
      'Russia suffers from a security deficit',
      'Россия испытывает дефицит безопасности',
      '0123456789',
      '“Reset” – (NATO), ‘U.S.’; 2010!?',
    ]) {
      const advance = [...sample].reduce(
        (sum, c) => sum + font.glyphForCodePoint(c.codePointAt(0)!).advanceWidth,
        0,
      );
      expect(measurer.width(sample, 'regular', 14)).toBeCloseTo((advance / font.unitsPerEm) * 14, 9);
    }
  });

  it('falls back predictably for characters the font lacks', () => {
    expect(fallbackEm('中'.codePointAt(0)!)).toBe(1);
    expect(fallbackEm('😀'.codePointAt(0)!)).toBe(1);
    expect(fallbackEm(0x0301)).toBe(0);
    expect(fallbackEm('ع'.codePointAt(0)!)).toBe(0.6);
    const measurer = createFontMeasurer();
    expect(measurer.width('中文', 'regular', 10)).toBe(20);
  });

  it('measures a slice in place exactly as the sliced string, surrogate pairs included', () => {
    const measurer = createFontMeasurer();
    const text = 'Доверие — trust 😀 (2010)';
    for (const [start, end] of [
      [0, 7],
      [8, 15],
      [16, 18],
      [17, 18],
      [0, text.length],
    ] as const) {
      expect(measurer.width(text, 'regular', 14, start, end)).toBe(
        measurer.width(text.slice(start, end), 'regular', 14),
      );
    }
  });
});
