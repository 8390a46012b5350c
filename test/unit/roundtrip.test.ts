import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { serialiseArgmap } from '../../src/core/formats/argmap-json/serialise.ts';
import { arbitraryMap } from './arbitraries.ts';
import { readText } from './helpers.ts';

describe('argmap JSON round trip', () => {
  it('parse ∘ serialise is the identity on generated maps, unknown keys included', () => {
    fc.assert(
      fc.property(arbitraryMap, (map) => {
        const text = serialiseArgmap(map);
        const parsed = parseArgmapJson(text);
        expect(parsed.problems).toEqual([]);
        expect(parsed.map).toEqual(map);
        expect(serialiseArgmap(parsed.map!)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the unknown keys of the example file, and `__proto__` stays plain data', () => {
    const text = readText('data/example.argmap.json');
    const map = parseArgmapJson(text).map!;
    const again = JSON.parse(serialiseArgmap(map)) as Record<string, unknown>;
    expect(again.revision).toEqual({ by: 'example author', reason: 'unknown keys are kept on round trips' });
    expect(again.$schema).toBe('../static/schema/argmap-1.schema.json');
    expect((again.nodes as Record<string, unknown>[])[9]?.reviewed).toBe(true);

    const hostile = '{"format":"argmap","version":1,"nodes":[],"__proto__":{"polluted":1}}';
    const out = serialiseArgmap(parseArgmapJson(hostile).map!);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(out)).toEqual({ ...(JSON.parse(hostile) as object), groups: [], relations: [] });
    expect(Object.keys(JSON.parse(out) as object)).toContain('__proto__');
  });

  it('writes one premise as a string and linked premises as an array', () => {
    const map = parseArgmapJson(readText('data/example.argmap.json')).map!;
    const json = JSON.parse(serialiseArgmap(map)) as { relations: { from: unknown }[] };
    expect(json.relations[0]?.from).toEqual(['pollution-high', 'cars-cause']);
    expect(json.relations[1]?.from).toBe('shops-fear');
  });
});
