import { describe, expect, it } from 'vitest';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { serialiseArgmap } from '../../src/core/formats/argmap-json/serialise.ts';
import { loadMapText } from '../../src/core/load.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { presentationSteps } from '../../src/core/presentation/steps.ts';
import { validateMap } from '../../src/core/validate/validate-map.ts';

const withTour = (tour: unknown[]) =>
  JSON.stringify(
    {
      format: 'argmap',
      version: 1,
      nodes: [
        { id: 'a', type: 'statement', text: 'A' },
        { id: 'b', type: 'statement', text: 'B' },
      ],
      relations: [{ id: 'r', type: 'support', from: 'b', to: 'a' }],
      tour,
    },
    null,
    2,
  );

describe('a tour step’s planned minutes', () => {
  it('is read, passed to the presentation steps, and written back on a round trip', () => {
    const text = withTour([
      { focus: 'a', show: ['a'], minutes: 2.5 },
      { focus: 'b', show: ['a', 'b'] },
    ]);
    const parsed = parseArgmapJson(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.map?.tour?.[0]?.minutes).toBe(2.5);
    expect(parsed.map?.tour?.[0]?.extra).toBeUndefined();
    expect(presentationSteps(parsed.map!).map((step) => step.minutes)).toEqual([2.5, undefined]);
    const written = serialiseArgmap(parsed.map!);
    expect(JSON.parse(written).tour[0].minutes).toBe(2.5);
    expect(parseArgmapJson(written).map).toEqual(parsed.map);
  });

  it.each([
    [0, 'more than 0'],
    [-3, 'more than 0'],
    ['5', '"minutes" must be a number, not a string'],
    [null, 'must be a number'],
  ])('%j is an error at the step’s pointer, with its line', async (minutes, words) => {
    const text = withTour([{ focus: 'a' }, { focus: 'b', minutes }]);
    const loaded = await loadMapText(text);
    expect(loaded.valid).toBe(false);
    const problem = loaded.problems.find((p) => p.pointer === '/tour/1/minutes');
    expect(problem, JSON.stringify(loaded.problems)).toBeDefined();
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toContain(words);
    expect(problem?.line).toBe(text.split('\n').findIndex((line) => line.includes('"minutes"')) + 1);
  });

  it('is checked on a map built in memory too', () => {
    const map: ArgumentMap = {
      groups: [],
      nodes: [{ id: 'a', type: 'statement', text: 'A' }],
      relations: [],
      tour: [{ focus: 'a' }, { focus: 'a', minutes: Number.NaN }, { focus: 'a', minutes: 3 }],
    };
    expect(validateMap(map)).toEqual([
      expect.objectContaining({ severity: 'error', code: 'schema', pointer: '/tour/1/minutes' }),
    ]);
  });

  it('is absent from the automatic steps of a map without a tour', () => {
    const map = parseArgmapJson(withTour([])).map!;
    const { tour: _tour, ...withoutTour } = map;
    expect(presentationSteps(withoutTour).every((step) => step.minutes === undefined)).toBe(true);
  });
});
