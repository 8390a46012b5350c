import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxStyle, measureBox } from '../../src/core/layout/box-style.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';

import { composeMap } from '../../src/core/export/pages/compose.ts';
import type { ArgumentMap, MapNode } from '../../src/core/model/types.ts';
import { lineFont, renderModel } from '../../src/core/render/render-model.ts';
import { styleSheet } from '../../src/core/render/style-sheet.ts';
import { renderSvg } from '../../src/core/render/svg.ts';
import { themes } from '../../src/core/render/theme.ts';
import { createFontMeasurer } from '../../src/core/text/measure.ts';
import { mapOf, readText } from './helpers.ts';
import { arbitraryValidMap } from './valid-maps.ts';

const measurer = createFontMeasurer();
const interview = mapOf(readText('test/fixtures/speaker/interview.argmap.json'));
const laidOut = layoutMap(interview);
const shapeOf = (id: string) => renderModel(laidOut, themes.light).boxes.find((b) => b.node.id === id)!;

describe('boxes of implicit statements and of other speakers', () => {
  it('an implicit statement is dashed (class "implicit") and says "IMPLICIT" beside its role', () => {
    const shape = shapeOf('no-agenda-no-answer');
    expect(shape.className.split(' ')).toEqual(['node', 'role-rebuttal', 'implicit']);
    expect(shape.lines[0]).toMatchObject({ className: 'label', text: 'REBUTTAL · IMPLICIT' });
    expect(shapeOf('no-agenda').className).not.toContain('implicit');
    expect(shapeOf('no-agenda').lines[0]?.text).toBe('REBUTTAL');
  });

  it('a box whose speaker is not the author names them in a band of its own under the text', () => {
    const shape = shapeOf('membership');
    const speaker = shape.lines.at(-1)!;
    expect(speaker).toMatchObject({ className: 'speaker', text: '— Interviewer' });
    const lastText = shape.lines.filter((line) => line.className === 'text').at(-1)!;
    expect(speaker.y).toBeGreaterThan(lastText.y + boxStyle.labelSize);
    expect(speaker.y).toBeLessThan(shape.node.y + shape.node.height - boxStyle.paddingY);
    expect(shapeOf('trust-first').lines.some((line) => line.className === 'speaker')).toBe(false);
  });

  it('the band makes the box taller by its height; the author named as speaker gets no label', () => {
    const node: MapNode = { type: 'statement', id: 'a', text: 'Some claim or other.' };
    const plain = measureBox(node, 'reason', measurer);
    const spoken = measureBox(
      { ...node, speaker: 'Interviewer' },
      'reason',
      measurer,
      undefined,
      'Interviewer',
    );
    expect(spoken.height - plain.height).toBe(boxStyle.speakerBand);
    expect(spoken.speaker).toBe('— Interviewer');
    const map = (speaker: string): ArgumentMap => ({
      source: { author: 'Dmitri Trenin' },
      groups: [],
      nodes: [{ ...node, speaker }],
      relations: [],
    });
    expect(layoutMap(map('Dmitri Trenin')).nodes[0]?.speaker).toBeUndefined();
    expect(layoutMap(map('Fyodor Lukyanov')).nodes[0]?.speaker).toBe('— Fyodor Lukyanov');
  });

  it('a long speaker name is cut to the width of the text, never past the box', () => {
    const long = 'The interviewer of the Valdai Discussion Club, on behalf of its readers everywhere';
    const content = measureBox(
      { type: 'statement', id: 'a', text: 'x' },
      'thesis',
      measurer,
      undefined,
      long,
    );
    expect(content.speaker?.endsWith('…')).toBe(true);
    expect(measurer.width(content.speaker!, 'regular', boxStyle.labelSize)).toBeLessThanOrEqual(
      boxStyle.maxTextWidth,
    );
    expect(content.width).toBeLessThanOrEqual(boxStyle.maxTextWidth + 2 * boxStyle.paddingX);
  });

  it('on generated maps, every line of every box stays inside it', () => {
    fc.assert(
      fc.property(arbitraryValidMap, (map) => {
        for (const shape of renderModel(layoutMap(map), themes.light).boxes) {
          const { node } = shape;
          for (const line of shape.lines) {
            const { weight, size } = lineFont(line.className);
            expect(line.x + measurer.width(line.text, weight, size)).toBeLessThanOrEqual(
              node.x + node.width - boxStyle.paddingX + 0.01,
            );
            expect(line.y).toBeLessThanOrEqual(node.y + node.height - boxStyle.paddingY);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('drawn alike in every theme and export', () => {
  it.each(['light', 'dark', 'print'] as const)(
    '%s: the dashed, hollow border and the muted speaker',
    (name) => {
      const css = styleSheet(themes[name]);
      expect(css).toContain(
        `.node.implicit rect.box{fill:${themes[name].background};stroke-width:1.5;stroke-dasharray:9 5}`,
      );
      expect(css).toContain(`.node .speaker{font-size:10px;fill:${themes[name].mutedText}}`);
      // The implicit rule comes after the roles' own dashes.
      expect(css.indexOf('.node.implicit')).toBeGreaterThan(css.indexOf('.role-objection rect.box'));
    },
  );

  it('the SVG file and the pages draw the class, the mark and the speaker', () => {
    const svg = renderSvg(laidOut, { theme: 'dark' });
    expect(svg).toContain('class="node role-rebuttal implicit" data-node-id="no-agenda-no-answer"');
    expect(svg).toContain('>REBUTTAL · IMPLICIT</text>');
    expect(svg).toMatch(/<text class="speaker" x="[-\d.]+" y="[-\d.]+">— Interviewer<\/text>/);
    const page = composeMap(interview).pages[0]!.svg;
    expect(page).toContain('implicit" data-node-id="no-agenda-no-answer"');
    expect(page).toContain('— Interviewer</text>');
  });
});
