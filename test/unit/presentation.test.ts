import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { presentationSteps } from '../../src/core/presentation/steps.ts';
import { Presentation } from '../../src/ui/presentation.svelte.ts';
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

describe('presenting a map', () => {
  const steps = presentationSteps(example);
  const laidOut = layoutMap(example);
  const show = new Presentation(
    {
      steps: () => steps,
      map: () => example,
      laidOut: () => laidOut,
      zoom: () => undefined,
      saveView: () => () => undefined,
      exploreAddress: () => '/',
      rendered: async () => undefined,
    },
    false,
  );

  it('lights what the step reveals (earlier steps stay, dimmed), the focus in the overview, nothing while exploring', () => {
    expect(show.lit()).toBeUndefined();
    show.step = 2;
    expect([...show.lit()!]).toEqual(steps[2]!.show.filter((id) => !steps[1]!.show.includes(id)));
    show.overview = true;
    expect([...show.lit()!]).toEqual([steps[2]!.focus]);
    show.overview = false;
  });

  it('draws the boxes revealed so far where the whole map has them, and the connectors between them', () => {
    show.step = 2;
    const drawn = show.revealed(laidOut);
    expect(drawn.nodes.map((n) => n.id).sort()).toEqual([...steps[2]!.show].sort());
    for (const node of drawn.nodes) expect(node).toBe(laidOut.nodes.find((n) => n.id === node.id));
    const shown = new Set(steps[2]!.show);
    expect(drawn.connectors.length).toBeGreaterThan(0);
    expect(drawn.connectors.every((c) => shown.has(c.target) && c.premises.every((p) => shown.has(p)))).toBe(
      true,
    );
    expect(drawn.groups).toEqual([]);
    show.overview = true;
    expect(show.revealed(laidOut).nodes).toHaveLength(laidOut.nodes.length);
    show.overview = false;
  });
});
