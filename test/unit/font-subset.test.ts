import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subsetFont } from '../../src/core/export/font-subset.ts';
import { root } from './helpers.ts';

const regular = new Uint8Array(readFileSync(new URL('static/fonts/Inter-Regular.ttf', root)));
const points = (text: string) => [...text].map((c) => c.codePointAt(0)!);

describe('font subsetting', () => {
  const text = 'Trust — Доверие «ё» Ä ñ 2010';
  const subset = fontkit.create(Buffer.from(subsetFont(regular, points(text)))) as fontkit.Font;
  const original = fontkit.create(Buffer.from(regular)) as fontkit.Font;

  it('keeps the outlines and advances of the characters used, Latin, Cyrillic and composites alike', () => {
    for (const c of new Set(text.replace(/ /g, ''))) {
      const kept = subset.glyphForCodePoint(c.codePointAt(0)!);
      const source = original.glyphForCodePoint(c.codePointAt(0)!);
      expect(kept.id, c).toBe(source.id);
      expect(kept.advanceWidth, c).toBe(source.advanceWidth);
      expect(kept.path.toSVG(), c).toBe(source.path.toSVG());
    }
  });

  it('drops every other outline and character, and the layout tables', () => {
    expect(subset.hasGlyphForCodePoint('Z'.codePointAt(0)!)).toBe(false);
    const z = original.glyphForCodePoint('Z'.codePointAt(0)!).id;
    expect(subset.getGlyph(z).path.commands).toHaveLength(0);
    expect(original.availableFeatures).toContain('kern');
    expect(subset.availableFeatures).not.toContain('kern');
    expect(subsetFont(regular, points(text)).length).toBeLessThan(regular.length / 5);
  });

  it('refuses what is not a TrueType font', () => {
    expect(() => subsetFont(new Uint8Array(64), [65])).toThrow('not a TrueType font');
  });
});
