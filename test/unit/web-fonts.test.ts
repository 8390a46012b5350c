import * as fontkit from 'fontkit';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../../src/cli/write-font-metrics.ts';
import { slices, webFontFile } from '../../src/cli/write-web-fonts.ts';
import { inCore, sliceRange, unicodeRange, webFontSlices } from '../../src/core/text/font-slices.ts';
import { root } from './helpers.ts';

const path = (file: string) => fileURLToPath(new URL(file, root));

describe('the web fonts (run `npm run fonts` after changing the TTFs)', () => {
  it.each(Object.entries(fontFiles) as [keyof typeof fontFiles, string][])(
    '%s: the WOFF2 slices hold every character of the TTF with its advance width',
    (weight, file) => {
      const ttf = fontkit.openSync(path(file)) as fontkit.Font;
      const parts = slices(path(file));
      for (const slice of webFontSlices) {
        const woff2 = fontkit.create(readFileSync(path(webFontFile(weight, slice)))) as fontkit.Font;
        expect(woff2.unitsPerEm).toBe(ttf.unitsPerEm);
        const mapped = new Set(woff2.characterSet);
        for (const c of parts[slice]) {
          expect(mapped.has(c), `U+${c.toString(16)} in ${slice}`).toBe(true);
          expect(woff2.glyphForCodePoint(c).advanceWidth).toBe(ttf.glyphForCodePoint(c).advanceWidth);
        }
      }
    },
  );

  it('a first visit needs only the core slice for the Trenin map and the app', () => {
    const ui = fileURLToPath(new URL('src/ui/', root));
    const sources = readdirSync(ui, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(svelte|ts)$/.test(name))
      .map((name) => readFileSync(join(ui, name), 'utf8'));
    const inter = fontkit.openSync(path(fontFiles.regular)) as fontkit.Font;
    for (const text of [readFileSync(path('data/trenin-2010.argmap.json'), 'utf8'), ...sources]) {
      const outside = [...new Set([...text].map((c) => c.codePointAt(0)!))].filter(
        (c) => !inCore(c) && inter.hasGlyphForCodePoint(c),
      );
      expect(outside.map((c) => c.toString(16))).toEqual([]);
    }
  });

  it('the style sheet declares each slice with its range, the core preloaded by the page', () => {
    const css = readFileSync(path('src/ui/fonts.css'), 'utf8');
    const html = readFileSync(path('index.html'), 'utf8');
    for (const [weight, file] of Object.entries(fontFiles) as [keyof typeof fontFiles, string][]) {
      const parts = slices(path(file));
      for (const slice of webFontSlices) {
        const url = `/${webFontFile(weight, slice).replace('static/', '')}`;
        expect(css).toContain(
          `src: url('${url}') format('woff2');\n  unicode-range: ${unicodeRange(parts[slice])};`,
        );
        expect(html.includes(`href="${url}"`)).toBe(slice === 'core');
      }
    }
  });

  it('the embed declares the extended slice for no character of the core', () => {
    const points = (range: string) =>
      range.split(', ').flatMap((part) => {
        const [a, b = a] = part
          .slice(2)
          .split('-')
          .map((h) => parseInt(h, 16));
        return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
      });
    const extended = points(sliceRange('extended'));
    expect(extended.filter(inCore)).toEqual([]);
    expect(extended).toContain(0x0416);
    expect(points(sliceRange('core')).every(inCore)).toBe(true);
    expect(points(sliceRange('core'))).toContain(0x2019);
  });
});
