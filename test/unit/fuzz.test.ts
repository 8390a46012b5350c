import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAifValue } from '../../src/core/formats/aif/parse.ts';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { serialiseArgmap } from '../../src/core/formats/argmap-json/serialise.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { loadMapText } from '../../src/core/load.ts';
import { renderSvg } from '../../src/core/render/svg.ts';
import { arbitraryMap } from './arbitraries.ts';
import { expectInert } from './helpers.ts';

/**
 * Fuzzing: no input makes a reader, the layout or the renderer throw; bad input only ever comes back as
 * problems. `npm test` runs 150 cases each; `npm run fuzz` runs 10,000 (FUZZ_RUNS sets the count).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 150);
const options = { numRuns: runs };

/** Text near the formats: pieces of their syntax shuffled with arbitrary characters. */
const jsonish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        '"',
        '\\',
        '"format"',
        '"argmap"',
        '"nodes"',
        '"edges"',
        '1',
        'null',
      ),
      fc.constantFrom(
        '"id"',
        '"type"',
        '"statement"',
        '"text"',
        '"relations"',
        '"from"',
        '"to"',
        '"support"',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
const argdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '[A]',
        '<B>',
        ': ',
        '\n',
        '  ',
        '+ ',
        '- ',
        '_ ',
        '<+ ',
        '+> ',
        '>< ',
        '(1) ',
        '----\n',
      ),
      fc.constantFrom('--', '===\n', '# ', '#tag', '#(a b)', '{x: 1}', '{', '}', '//', '/*', '*/', '\\', '@'),
      fc.string({ maxLength: 6, unit: 'grapheme' }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** A valid map's JSON with a few characters replaced, inserted or deleted. */
const mutatedJson = fc
  .tuple(arbitraryMap, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 2 })), { maxLength: 4 }))
  .map(([map, edits]) => {
    let text = serialiseArgmap(map);
    for (const [at, remove, insert] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    return text;
  });

function neverThrows(text: string, fileName?: string) {
  return loadMapText(text, undefined, fileName ? { fileName } : {}).then((loaded) => {
    expect(Array.isArray(loaded.problems)).toBe(true);
    for (const p of loaded.problems) expect(typeof p.message).toBe('string');
    if (loaded.map && loaded.valid) expectInert(renderSvg(layoutMap(loaded.map)));
  });
}

describe(`fuzz (${runs} runs each)`, () => {
  it('argmap JSON reader: any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), jsonish), (text) => {
        expect(Array.isArray(parseArgmapJson(text).problems)).toBe(true);
      }),
      options,
    );
  });

  it('the whole pipeline on damaged argmap files', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedJson, (text) => neverThrows(text, 'map.json')),
      options,
    );
  });

  it('Argdown reader and the pipeline: any text', async () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), argdownish), (text) => {
        expect(Array.isArray(parseArgdown(text).problems)).toBe(true);
      }),
      options,
    );
    await fc.assert(
      fc.asyncProperty(argdownish, (text) => neverThrows(text, 'map.argdown')),
      options,
    );
  });

  it('AIF reader: any JSON value, and AIF-like values', () => {
    const id = fc.oneof(fc.string({ maxLength: 2 }), fc.nat(5), fc.constant(null));
    const aifNode = fc.record(
      {
        nodeID: id,
        type: fc.constantFrom('I', 'RA', 'CA', 'MA', 'L', 'YA', 'TA', 'EN', 'PA', 'X', 5),
        text: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)),
      },
      { requiredKeys: [] },
    );
    const aifEdge = fc.record({ edgeID: id, fromID: id, toID: id }, { requiredKeys: [] });
    const aif = fc.record({
      nodes: fc.array(fc.oneof(aifNode, fc.jsonValue({ maxDepth: 1 })), { maxLength: 8 }),
      edges: fc.array(fc.oneof(aifEdge, fc.jsonValue({ maxDepth: 1 })), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          aif,
          aif.map((a) => ({ AIF: a, OVA: {} })),
        ),
        (value) => {
          expect(Array.isArray(readAifValue(value).problems)).toBe(true);
        },
      ),
      options,
    );
  });

  it('layout and SVG of structurally valid maps with dangling references, cycles and self-relations', () => {
    fc.assert(
      fc.property(arbitraryMap, fc.boolean(), (map, right) => {
        const laidOut = layoutMap(map, { direction: right ? 'right' : 'down' });
        expectInert(renderSvg(laidOut));
      }),
      options,
    );
  });
});
