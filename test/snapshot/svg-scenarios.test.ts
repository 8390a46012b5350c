import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { layoutMap, type LayoutOptions } from '../../src/core/layout/layout.ts';
import { renderSvg, type SvgOptions } from '../../src/core/render/svg.ts';

const example = parseArgmapJson(
  readFileSync(new URL('../../data/example.argmap.json', import.meta.url), 'utf8'),
).map!;

/** Named scenarios rendered to SVG; numbers are already rounded to 0.01 px by the renderer. */
const scenarios: [name: string, layout: LayoutOptions, svg: SvgOptions][] = [
  ['example-down-light', {}, { title: example.title }],
  ['example-right-light', { direction: 'right' }, {}],
  ['example-down-dark', {}, { theme: 'dark' }],
  [
    'example-down-print-collapsed',
    { collapsed: new Set(['shops-fear', 'disabled-residents']) },
    { theme: 'print' },
  ],
];

/** An interview: an implicit premise (dashed, "IMPLICIT") and the interviewer's claim (its speaker named). */
const interview = parseArgmapJson(
  readFileSync(new URL('../fixtures/speaker/interview.argmap.json', import.meta.url), 'utf8'),
).map!;

describe('SVG snapshots', () => {
  it.each(scenarios)('%s', async (name, layout, svg) => {
    await expect(renderSvg(layoutMap(example, layout), svg)).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
  });

  it.each<[string, SvgOptions]>([
    ['interview-implicit-speaker-light', {}],
    ['interview-implicit-speaker-dark', { theme: 'dark' }],
  ])('%s', async (name, svg) => {
    await expect(renderSvg(layoutMap(interview), svg)).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
  });
});
