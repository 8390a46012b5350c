import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import { measureBox } from '../../src/core/layout/box-style.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import type { MapNode } from '../../src/core/model/types.ts';
import { renderModel } from '../../src/core/render/render-model.ts';
import { renderSvg } from '../../src/core/render/svg.ts';
import { themes } from '../../src/core/render/theme.ts';
import { searchNodes } from '../../src/core/search.ts';
import { parseInlineRuns } from '../../src/core/text/inline-runs.ts';
import { createFontMeasurer } from '../../src/core/text/measure.ts';
import { wrapRuns } from '../../src/core/text/styled-wrap.ts';
import { expectInert, mapOf, readText } from './helpers.ts';

const measurer = createFontMeasurer();
const statement = (text: string): MapNode => ({ id: 'a', type: 'statement', text });
const fixtureMap = () => mapOf(readText('test/fixtures/formatting/emphasis.argmap.json'));

describe('boxes with formatted text', () => {
  it('measures bold runs in the semibold face, other runs and every space upright', () => {
    const box = measureBox(statement('A **bold claim** here'), 'thesis', measurer);
    expect(box.textLines).toEqual(['A bold claim here']);
    const expected =
      measurer.width('A ', 'regular', 14) +
      measurer.width('bold', 'semibold', 14) +
      measurer.width(' ', 'regular', 14) +
      measurer.width('claim', 'semibold', 14) +
      measurer.width(' here', 'regular', 14);
    expect(expected).toBeGreaterThan(measurer.width('A bold claim here', 'regular', 14));
    expect(box.width).toBe(Math.ceil(Math.max(120, expected + 24)));
    // Each run placed where the runs before it end.
    const at = (s: string, weight: 'regular' | 'semibold') => measurer.width(s, weight, 14);
    expect(box.textRuns).toEqual([
      [
        { text: 'A ', bold: false, italic: false, x: 0 },
        { text: 'bold', bold: true, italic: false, x: at('A ', 'regular') },
        { text: ' ', bold: false, italic: false, x: at('A ', 'regular') + at('bold', 'semibold') },
        {
          text: 'claim',
          bold: true,
          italic: false,
          x: at('A  ', 'regular') + at('bold', 'semibold'),
        },
        {
          text: ' here',
          bold: false,
          italic: false,
          x: at('A  ', 'regular') + at('boldclaim', 'semibold'),
        },
      ],
    ]);
  });

  it('wraps so that no line, measured run by run, is wider than the box allows', () => {
    const style = { weight: 'regular' as const, size: 14, maxWidth: 150, maxLines: 3 };
    const text =
      'Words **in bold take more room than the same words upright** and _italic ones_ the same, ' +
      '**averyveryveryveryverylongboldword** and [a link](https://example.org) at the end of a long text';
    const wrapped = wrapRuns(parseInlineRuns(text), measurer, style);
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines.at(-1)!.endsWith('…')).toBe(true);
    const widths = wrapped.runs.map((runs) =>
      runs.reduce((sum, run) => sum + measurer.width(run.text, run.bold ? 'semibold' : 'regular', 14), 0),
    );
    widths.forEach((width) => expect(width).toBeLessThanOrEqual(150));
    expect(wrapped.width).toBe(Math.max(...widths));
    wrapped.runs.forEach((runs, i) => expect(runs.map((run) => run.text).join('')).toBe(wrapped.lines[i]));
  });

  it('on generated formatted texts: lines within the width, runs spelling the line, placed end to end', () => {
    const word = fc.constantFrom('trust', 'NATO', 'security', 'deficit', 'Россия', 'a', 'reset-button');
    const piece = fc
      .tuple(word, fc.constantFrom('', '**', '*', '_', '__', '***'))
      .map(([w, mark]) => (mark ? `${mark}${w}${mark}` : w));
    const link = word.map((w) => `[${w} ${w}](https://example.org/${w})`);
    const text = fc
      .array(fc.oneof(piece, piece, link), { minLength: 1, maxLength: 60 })
      .map((parts) => parts.join(' '));
    const style = { weight: 'regular' as const, size: 14, maxWidth: 160, maxLines: 6 };
    fc.assert(
      fc.property(text, (t) => {
        const wrapped = wrapRuns(parseInlineRuns(t), measurer, style);
        expect(wrapped.lines.length).toBeLessThanOrEqual(style.maxLines);
        wrapped.runs.forEach((runs, i) => {
          expect(runs.map((run) => run.text).join('')).toBe(wrapped.lines[i]);
          let x = 0;
          for (const run of runs) {
            expect(run.x).toBeCloseTo(x, 9);
            x += measurer.width(run.text, run.bold ? 'semibold' : 'regular', 14);
          }
          expect(x).toBeLessThanOrEqual(style.maxWidth + 1e-9);
          // A slanted or upright stretch never starts with a space (a text element would drop it).
          runs.forEach((run, k) => {
            if (k > 0 && run.text.startsWith(' ')) expect(run.italic).toBe(runs[k - 1]!.italic);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('draws runs as tspans with weight, slant and underline, and a link as text only, in the SVG file', () => {
    const laidOut = layoutMap(fixtureMap());
    const svg = renderSvg(laidOut);
    expect(svg).toContain('<tspan font-weight="600">partnership</tspan>');
    // Italic is the upright face slanted by the drawing itself, about where the measured run starts.
    expect(svg).toMatch(
      /<text class="text" transform="translate\([-\d.]+,[-\d.]+\) skewX\(-14\)">trust <\/text>/,
    );
    expect(svg).toMatch(/skewX\(-14\)"><tspan font-weight="600">both<\/tspan> <\/text>/);
    expect(svg).not.toContain('font-style');
    expect(svg).toMatch(
      /<tspan text-decoration="underline">the<\/tspan>|<tspan text-decoration="underline">the Valdai/,
    );
    // The script address is nowhere: its link is drawn as its words.
    expect(svg).not.toContain('javascript');
    expect(svg).toContain('A dangerous link and');
    expect(svg).not.toContain('**not');
    expectInert(svg);
  });

  it('keeps text that was not meant as Markdown as written, drawn as before', () => {
    const laidOut = layoutMap(fixtureMap());
    const plain = laidOut.nodes.find((node) => node.id === 'plain')!;
    expect(plain.textRuns).toBeUndefined();
    expect(plain.textLines.join(' ')).toBe(
      'Written without Markdown in mind: 2 * 3 = 6, file_name_v2, a lone ** and * here.',
    );
    const model = renderModel(laidOut, themes.light);
    const lines = model.boxes.find((box) => box.node.id === 'plain')!.lines;
    expect(lines.every((line) => line.segments === undefined)).toBe(true);
  });

  it('finds words by what the box shows, not by its markup', () => {
    const map = fixtureMap();
    expect(searchNodes(map, 'yet a partnership').map((hit) => hit.id)).toEqual(['bold']);
    const [hit] = searchNodes(map, 'valdai report');
    expect(hit?.context.match).toBe('Valdai');
    expect(`${hit?.context.before}${hit?.context.match}${hit?.context.after}`).not.toContain('](');
  });

  it('keeps markup and escaped marks through Argdown, both ways', () => {
    const { map, problems } = parseArgdown(readText('test/fixtures/formatting/emphasis.argdown'));
    expect(problems).toEqual([]);
    const text = (id: string) => map.nodes.find((node) => node.id === id)?.text;
    expect(text('bold-claim')).toBe(
      'The reset is **not yet a partnership** and _trust_ is scarce, as [the Valdai report](https://valdaiclub.com/) says.',
    );
    // An escaped star stays escaped in the text: drawn as a star, never as emphasis.
    expect(text('escapes')).toBe(
      'Prices rose by 2 * 3 percent, in snake_case_names, with \\*stars\\* kept as written.',
    );
    expect(parseInlineRuns(text('escapes')!)).toEqual([
      {
        text: 'Prices rose by 2 * 3 percent, in snake_case_names, with *stars* kept as written.',
        bold: false,
        italic: false,
      },
    ]);
    const again = parseArgdown(serialiseArgdown(map));
    expect(again.problems).toEqual([]);
    expect(again.map.nodes.map((node) => node.text)).toEqual(map.nodes.map((node) => node.text));
    for (const written of ['a \\\\*b\\\\* c', 'back\\\\', 'x \\\\\\*y']) {
      const one = parseArgdown(
        serialiseArgdown({ ...map, nodes: [{ ...map.nodes[0]!, text: written }], relations: [] }),
      );
      expect(one.map.nodes[0]?.text).toBe(written);
    }
  });
});
