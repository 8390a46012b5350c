import { describe, expect, it } from 'vitest';
import type { LaidOutMap } from '../../src/core/layout/types.ts';
import { indexMap } from '../../src/core/model/map-index.ts';
import { overviewLayout } from '../../src/core/presentation/overview.ts';
import { stepTree } from '../../src/core/presentation/step-scene.ts';
import { stepPages } from '../../src/core/presentation/step-pages.ts';
import { presentationSteps } from '../../src/core/presentation/steps.ts';
import { Presentation } from '../../src/ui/presentation.svelte.ts';
import { mapOf, readText } from './helpers.ts';

const example = mapOf(readText('data/example.argmap.json'));
const trenin = mapOf(readText('data/trenin-2010.argmap.json'));

describe('presentation steps', () => {
  it('follow the tour when the map has one', () => {
    const steps = presentationSteps(trenin);
    expect(steps).toHaveLength(trenin.tour!.length);
    expect(steps[0]).toMatchObject({ focus: 'reset-begun', show: trenin.tour![0]!.show });
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
      'health-argument',
      'pollution-high',
      'cars-cause',
      'shops-fear',
      'footfall-rose',
    ]);
    steps.forEach((step, i) => expect(step.show).toEqual(order.slice(0, i + 1)));
  });

  it('skip tour steps that name no known box', () => {
    const steps = presentationSteps({ ...example, tour: [{ focus: 'ghost' }, { show: ['close-centre'] }] });
    expect(steps).toEqual([{ focus: 'close-centre', show: ['close-centre'] }]);
  });
});

describe('presenting a map', () => {
  const pages = stepPages(trenin);
  const tree = stepTree(indexMap(trenin));
  let laidOut: LaidOutMap | undefined;
  const show = new Presentation(
    {
      steps: () => pages,
      map: () => trenin,
      laidOut: () => laidOut,
      zoom: () => undefined,
      saveView: () => () => undefined,
      exploreAddress: () => '/',
      rendered: async () => undefined,
      tree: () => tree,
      captionBand: () => 0,
    },
    false,
  );

  it('lights what the page is about and marks the earlier steps past; nothing while exploring', () => {
    expect(show.lit()).toBeUndefined();
    expect(show.stepMarks()).toBeUndefined();
    for (const at of [0, 4, pages.length - 1]) {
      show.step = at;
      const page = pages[at]!;
      laidOut = page.scene;
      expect([...show.lit()!].sort()).toEqual([...page.current].sort());
      const marks = show.stepMarks()!;
      for (const id of page.revealed)
        expect(marks.get(id)).toBe(page.current.includes(id) ? 'current' : 'past');
    }
  });

  it('in the overview, marks each box shown so far on the drawn box it is folded under, and lights them all', () => {
    const at = pages.findIndex((page) => page.step === 9);
    show.step = at;
    show.overview = true;
    laidOut = overviewLayout(trenin, { width: 1896, height: 990 });
    const drawn = new Set(laidOut.nodes.map((n) => n.id));
    expect(drawn.size).toBeLessThan(trenin.nodes.length);
    const marks = show.stepMarks()!;
    expect([...marks.keys()].every((id) => drawn.has(id))).toBe(true);
    const current = [...marks].filter(([, mark]) => mark === 'current').map(([id]) => id);
    expect(current.length).toBeGreaterThan(0);
    // The current boxes stand under the marked ones.
    for (const id of pages[at]!.current) {
      let up: string | undefined = id;
      while (up !== undefined && !drawn.has(up)) up = tree.parent(up);
      expect(current).toContain(up);
    }
    expect(show.lit()).toEqual(new Set(marks.keys()));
    show.overview = false;
  });
});
