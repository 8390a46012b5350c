import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { arbitraryArgdown } from './argdown-documents.ts';
import { argmapSummary, referenceSummary } from './argdown-summary.ts';
import { readText } from './helpers.ts';

/**
 * Differential tests against Argdown's reference implementation (`@argdown/core`, a devDependency): a
 * document means the same to argmap as to the reference, and the Argdown argmap writes means to the
 * reference what the original did. More runs: ARGDOWN_RUNS=1000.
 */
const numRuns = Number(process.env.ARGDOWN_RUNS ?? 100);
const fixtures = readdirSync('test/fixtures/argdown-reference').filter((f) => f.endsWith('.argdown'));

const sameGroupsOrder = (map: ArgumentMap): ArgumentMap => ({
  ...map,
  groups: [...map.groups].sort((a, b) => a.id.localeCompare(b.id)),
});

/** argmap's reading, which must have no errors where the reference has none. */
function argmapReading(text: string) {
  const read = parseArgdown(text);
  expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return read.map;
}

describe('Argdown as the reference reads it', () => {
  it.each(fixtures)(
    '%s means the same to argmap and to the reference, and so does what argmap writes',
    (name) => {
      const text = readText(`test/fixtures/argdown-reference/${name}`);
      const { errors, ...reference } = referenceSummary(text);
      expect(errors).toBe(0);
      const map = argmapReading(text);
      expect(argmapSummary(map)).toEqual(reference);
      const { errors: writtenErrors, ...written } = referenceSummary(serialiseArgdown(map));
      expect(writtenErrors).toBe(0);
      expect(written).toEqual(reference);
    },
  );

  it('generated documents mean the same to argmap and to the reference', () => {
    fc.assert(
      fc.property(arbitraryArgdown, (text) => {
        const { errors, ...reference } = referenceSummary(text);
        expect(errors).toBe(0);
        expect(argmapSummary(argmapReading(text))).toEqual(reference);
      }),
      { numRuns },
    );
  }, 60_000);

  it('the Argdown argmap writes for them means to the reference what the original did, and reads back to the same map', () => {
    fc.assert(
      fc.property(arbitraryArgdown, (text) => {
        const { errors: _, ...reference } = referenceSummary(text);
        const map = argmapReading(text);
        const written = serialiseArgdown(map);
        const { errors, ...again } = referenceSummary(written);
        expect(errors).toBe(0);
        expect(again).toEqual(reference);
        const back = parseArgdown(written);
        expect(back.problems).toEqual([]);
        // Group order follows first use in the text; everything else comes back as it was.
        expect(sameGroupsOrder(back.map)).toEqual(sameGroupsOrder(map));
      }),
      { numRuns },
    );
  }, 60_000);
});
