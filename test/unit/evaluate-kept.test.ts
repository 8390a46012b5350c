import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assumptionsOf, withAssumptions } from '../../src/core/evaluate/assumptions.ts';
import { evaluate } from '../../src/core/evaluate/evaluate.ts';
import { parseAifText } from '../../src/core/formats/aif/parse.ts';
import { serialiseAif } from '../../src/core/formats/aif/serialise.ts';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { serialiseArgmap } from '../../src/core/formats/argmap-json/serialise.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { root } from './helpers.ts';

/**
 * The assumptions of the Evaluate mode survive a save in each format argmap writes (docs/EVALUATION.md,
 * "Kept"): argmap JSON keeps them as its top-level `assumptions`, Argdown in its front matter, AIF in the
 * argmap extension; read back, the map evaluates the same.
 */
const trenin = parseArgmapJson(readFileSync(new URL('data/trenin-2010.argmap.json', root), 'utf8')).map!;
const assumed = withAssumptions(
  trenin,
  new Map([
    ['black-sea-clash', 'rejected'],
    ['no-membership', 'accepted'],
  ]),
);

const formats: [string, (map: ArgumentMap) => ArgumentMap | undefined][] = [
  ['argmap JSON', (map) => parseArgmapJson(serialiseArgmap(map)).map],
  ['Argdown', (map) => parseArgdown(serialiseArgdown(map)).map],
  ['AIF', (map) => parseAifText(serialiseAif(map)).map],
];

describe('assumptions kept in every format', () => {
  it.each(formats)('%s keeps them, and the map read back evaluates the same', (_, roundTrip) => {
    const back = roundTrip(assumed);
    expect(back).toBeDefined();
    const { assumptions, warnings } = assumptionsOf(back!);
    expect(warnings).toEqual([]);
    expect([...assumptions].sort()).toEqual([
      ['black-sea-clash', 'rejected'],
      ['no-membership', 'accepted'],
    ]);
    const before = evaluate(assumed, assumptionsOf(assumed).assumptions).statements;
    const after = evaluate(back!, assumptions).statements;
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
  });

  it.each(formats)('%s writes none when nothing is assumed', (_, roundTrip) => {
    const back = roundTrip(withAssumptions(assumed, new Map()));
    expect(assumptionsOf(back!).assumptions.size).toBe(0);
  });
});
