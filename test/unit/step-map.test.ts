import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { boundsOf } from '../../src/core/layout/rect.ts';
import { primaryRelation } from '../../src/core/model/graph.ts';
import { conclusionOf, indexMap } from '../../src/core/model/map-index.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { cutMap } from '../../src/core/presentation/step-map.ts';
import { PROJECTOR_ROOM, stepPages } from '../../src/core/presentation/step-pages.ts';
import { presentationSteps } from '../../src/core/presentation/steps.ts';
import { validateMap } from '../../src/core/validate/validate-map.ts';
import { mapOf, readText } from './helpers.ts';

const trenin = mapOf(readText('data/trenin-2010.argmap.json'));
const example = mapOf(readText('data/example.argmap.json'));

describe('the map of a presentation step', () => {
  it.each([
    ['the Trenin tour', trenin],
    ['the example map without its tour', { ...example, tour: undefined } as ArgumentMap],
  ])(
    'holds what %s has revealed and the box each hangs under, in file order, and is a valid map',
    (_, map) => {
      const index = indexMap(map);
      for (const step of presentationSteps(map)) {
        const shown = new Set(step.show);
        for (const id of step.show) {
          const relation = primaryRelation(index, id);
          const parent = relation && conclusionOf(index, relation);
          if (parent !== undefined) shown.add(parent);
        }
        const small = cutMap(map, shown);
        const ids = small.nodes.map((n) => n.id);
        const parents = step.show.flatMap((id) => {
          const relation = primaryRelation(index, id);
          const parent = relation && conclusionOf(index, relation);
          return parent === undefined ? [] : [parent];
        });
        expect(new Set(ids)).toEqual(new Set([...step.show, ...parents]));
        expect(ids).toEqual(map.nodes.map((n) => n.id).filter((id) => ids.includes(id)));
        expect(validateMap(small).filter((p) => p.severity === 'error')).toEqual([]);
        // Every shown box that hangs under another hangs under it here too: no box without its line.
        const smallIndex = indexMap(small);
        for (const id of step.show) {
          const relation = primaryRelation(index, id);
          if (relation === undefined) continue;
          const here = primaryRelation(smallIndex, id);
          expect(here && conclusionOf(smallIndex, here), id).toBe(conclusionOf(index, relation));
        }
      }
    },
  );

  it('keeps only the shown premises of linked relations, and undercuts (of undercuts too) with what they attack', () => {
    const map: ArgumentMap = {
      groups: [{ id: 'g', title: 'A group' }],
      nodes: ['t', 'a', 'b', 'u', 'v', 'x'].map((id) => ({ id, type: 'statement', text: id, group: 'g' })),
      relations: [
        { id: 'r1', type: 'support', from: ['a', 'b'], to: 't' },
        { id: 'u1', type: 'undercut', from: ['u'], to: 'r1' },
        { id: 'u2', type: 'undercut', from: ['v'], to: 'u1' },
        { id: 'c', type: 'contradiction', from: ['x'], to: 'a' },
      ],
    };
    const small = cutMap(map, new Set(['t', 'a', 'u', 'v']));
    expect(small.relations).toEqual([
      { id: 'r1', type: 'support', from: ['a'], to: 't' },
      { id: 'u1', type: 'undercut', from: ['u'], to: 'r1' },
      { id: 'u2', type: 'undercut', from: ['v'], to: 'u1' },
    ]);
    expect(small.groups).toEqual([]);
    expect(small.nodes.every((n) => n.group === undefined)).toBe(true);
    expect(cutMap(map, new Set(['t', 'a', 'x'])).relations.map((r) => r.id)).toEqual(['r1', 'c']);
  });

  it('lays a step out compact: what a page is about fits one screen, though the whole map spreads it wider', () => {
    const whole = layoutMap(trenin);
    const pages = stepPages(trenin);
    const onScreen = (r: { width: number; height: number }) =>
      r.width <= PROJECTOR_ROOM.width && r.height <= PROJECTOR_ROOM.height;
    let spread = 0;
    for (const page of pages) {
      const about = new Set(page.current);
      expect(onScreen(boundsOf(page.scene.nodes.filter((n) => about.has(n.id)))), page.label).toBe(true);
      if (!onScreen(boundsOf(whole.nodes.filter((n) => about.has(n.id))))) spread++;
    }
    // Early steps reveal a few boxes from all over the map.
    expect(spread).toBeGreaterThanOrEqual(3);
  });
});
