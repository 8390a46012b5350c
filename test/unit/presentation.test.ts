import { describe, expect, it } from 'vitest';
import { presentationSteps } from '../../src/core/presentation/steps.ts';
import { mapOf, readText } from './helpers.ts';

const example = mapOf(readText('data/example.argmap.json'));
const trenin = mapOf(readText('data/trenin-2010.argmap.json'));

describe('presentation steps', () => {
  it('follow the tour when the map has one', () => {
    const steps = presentationSteps(trenin);
    expect(steps).toHaveLength(trenin.tour!.length);
    expect(steps[0]).toMatchObject({
      focus: 'joint-mediation-foundation',
      show: ['joint-mediation-foundation'],
    });
    expect(steps.at(-1)!.show).toHaveLength(trenin.nodes.length);
  });

  it('without a tour, show every box exactly once: thesis first, then depth first in file order', () => {
    const { tour: _tour, ...withoutTour } = example;
    const steps = presentationSteps(withoutTour);
    const order = steps.map((s) => s.focus);
    expect(order).toHaveLength(example.nodes.length);
    expect(new Set(order).size).toBe(example.nodes.length);
    expect(order.slice(0, 6)).toEqual([
      'close-centre',
      'pollution-high',
      'cars-cause',
      'shops-fear',
      'footfall-rose',
      'vans-at-night',
    ]);
    steps.forEach((step, i) => expect(step.show).toEqual(order.slice(0, i + 1)));
  });

  it('skip tour steps that name no known box', () => {
    const steps = presentationSteps({ ...example, tour: [{ focus: 'ghost' }, { show: ['close-centre'] }] });
    expect(steps).toEqual([{ focus: 'close-centre', show: ['close-centre'] }]);
  });
});
