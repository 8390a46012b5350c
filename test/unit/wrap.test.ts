import { describe, expect, it } from 'vitest';
import { createFontMeasurer } from '../../src/core/text/measure.ts';
import { wrapText } from '../../src/core/text/wrap.ts';

const measurer = createFontMeasurer();
const style = { weight: 'regular' as const, size: 14, maxWidth: 120, maxLines: 4 };
const width = (s: string) => measurer.width(s, 'regular', 14);

describe('wrapText', () => {
  it('breaks greedily at white space and reports the widest line', () => {
    const wrapped = wrapText('Trust is the cornerstone of any partnership.', measurer, style);
    expect(wrapped.lines).toEqual(['Trust is the', 'cornerstone of', 'any partnership.']);
    // Greedy: the first word of each line would not have fitted on the line before.
    wrapped.lines.slice(1).forEach((line, i) => {
      expect(width(`${wrapped.lines[i]} ${line.split(' ')[0]}`)).toBeGreaterThan(120);
    });
    expect(wrapped.width).toBe(Math.max(...wrapped.lines.map(width)));
    expect(wrapped.truncated).toBe(false);
  });

  it('turns runs of white space, tabs, line breaks and non-breaking spaces into one space', () => {
    expect(wrapText('  one\u00a0\u00a0two\n\tthree  ', measurer, { ...style, maxWidth: 400 }).lines).toEqual([
      'one two three',
    ]);
  });

  it('breaks a word wider than the box after a hyphen first, then between characters', () => {
    const wrapped = wrapText('Russia–China-relations-are-complicated', measurer, style);
    expect(wrapped.lines.every((line) => width(line) <= 120)).toBe(true);
    expect(wrapped.lines.join('')).toBe('Russia–China-relations-are-complicated');
    expect(wrapped.lines[0]!.endsWith('-') || wrapped.lines[0]!.endsWith('–')).toBe(true);
    const letters = wrapText('x'.repeat(60), measurer, style);
    expect(letters.lines.join('')).toBe('x'.repeat(60));
  });

  it('keeps combining marks with their letter when it must break inside a word', () => {
    const word = 'e\u0301'.repeat(40);
    const lines = wrapText(word, measurer, style).lines;
    expect(lines.every((line) => !/^\p{M}/u.test(line))).toBe(true);
  });

  it('cuts a text that needs more lines than allowed, ending in an ellipsis', () => {
    const wrapped = wrapText('word '.repeat(200), measurer, style);
    expect(wrapped.lines).toHaveLength(4);
    expect(wrapped.lines[3]!.endsWith('…')).toBe(true);
    expect(wrapped.truncated).toBe(true);
    expect(width(wrapped.lines[3]!)).toBeLessThanOrEqual(120);
  });

  it('wraps an empty or blank text to no lines', () => {
    expect(wrapText('   ', measurer, style)).toEqual({ lines: [], width: 0, truncated: false });
  });
});
