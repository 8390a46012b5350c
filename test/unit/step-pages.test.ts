import { describe, expect, it } from 'vitest';
import type { LaidOutMap } from '../../src/core/layout/types.ts';
import { indexMap } from '../../src/core/model/map-index.ts';
import { rolesOf } from '../../src/core/model/roles.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { OVERVIEW_SCALE, overviewLayout } from '../../src/core/presentation/overview.ts';
import {
  about,
  pagedStepWarnings,
  pageNamed,
  PROJECTOR_ROOM,
  stepPages,
} from '../../src/core/presentation/step-pages.ts';
import { stepTree } from '../../src/core/presentation/step-scene.ts';
import { renderSvg } from '../../src/core/render/svg.ts';
import { presentationSteps } from '../../src/core/presentation/steps.ts';
import { mapOf, readText } from './helpers.ts';

const trenin = mapOf(readText('data/trenin-2010.argmap.json'));
const example = mapOf(readText('data/example.argmap.json'));
const { tour: _tour, ...exampleWithoutTour } = example;

/** A thesis with `n` reasons, each with a reason of its own; a tour that shows the thesis, then all reasons. */
function fan(n: number): ArgumentMap {
  const words = 'because the shared evidence of the case supports this particular conclusion well';
  const reasons = Array.from({ length: n }, (_, i) => `r${i}`);
  return {
    groups: [],
    nodes: [
      { id: 't', type: 'statement', text: `The thesis, ${words}.` },
      ...reasons.flatMap((id) => [
        { id, type: 'statement' as const, text: `Reason ${id}, ${words}.` },
        { id: `${id}-why`, type: 'statement' as const, text: `Why ${id} holds, ${words}.` },
      ]),
    ],
    relations: reasons.flatMap((id) => [
      { id: `s-${id}`, type: 'support' as const, from: [id], to: 't' },
      { id: `s-${id}-why`, type: 'support' as const, from: [`${id}-why`], to: id },
    ]),
    tour: [
      { focus: 't', show: ['t'], title: 'The thesis' },
      { focus: 'r0', show: ['t', ...reasons], title: 'All the reasons' },
      { focus: 'r0-why', show: ['t', ...reasons, 'r0-why'], title: 'Why the first' },
    ],
  };
}

const fits = (laidOut: LaidOutMap) =>
  laidOut.bounds.width <= PROJECTOR_ROOM.width && laidOut.bounds.height <= PROJECTOR_ROOM.height;

describe('the pages of a presentation', () => {
  it.each([
    ['the Trenin tour', trenin],
    ['the example map without its tour', exampleWithoutTour as ArgumentMap],
    ['a step of nine reasons', fan(9)],
  ])(
    'in %s: every page fits the room, draws what it is about with its parents, and folds the rest',
    (_, map) => {
      const steps = presentationSteps(map);
      const pages = stepPages(map, steps);
      const tree = stepTree(indexMap(map));
      const roles = rolesOf(indexMap(map));
      for (const page of pages) {
        const drawn = new Map(page.scene.nodes.map((n) => [n.id, n]));
        expect(fits(page.scene), page.label).toBe(true);
        for (const id of page.current) {
          expect(drawn.has(id), `${page.label}: ${id}`).toBe(true);
          const parent = tree.parent(id);
          if (parent !== undefined) expect(drawn.has(parent), `${page.label}: parent of ${id}`).toBe(true);
        }
        // A box keeps its role in the whole map, even with its conclusion left out.
        for (const node of page.scene.nodes) expect(node.role).toBe(roles.get(node.id));
        // Every box shown so far is drawn, or counted once in a "+n".
        const folded = page.scene.nodes.reduce(
          (sum, n) => sum + (n.folded ? n.folded.below + n.folded.above : 0),
          0,
        );
        const drawnRevealed = page.revealed.filter((id) => drawn.has(id)).length;
        expect(drawnRevealed + folded, page.label).toBe(page.revealed.length);
      }
      // The pages of each step cover what it is about, once.
      steps.forEach((step, i) => {
        const own = pages.filter((page) => page.step === i);
        expect(own.flatMap((page) => page.current).sort()).toEqual(about(step, steps[i - 1]).sort());
        expect(own.map((page) => page.page)).toEqual(own.map((_, k) => k));
      });
    },
  );

  it('splits a step too large for one screen into pages 2a, 2b, … in the tree order, never shrinking it', () => {
    const pages = stepPages(fan(9));
    expect(pages.map((page) => page.label)).toEqual(['1', '2a', '2b', '2c', '3']);
    expect(pages.filter((page) => page.step === 1).flatMap((page) => page.current)).toEqual(
      Array.from({ length: 9 }, (_, i) => `r${i}`),
    );
    // What a later page reveals is not shown, not even folded, on an earlier one.
    const first = pages[1]!;
    expect(first.revealed).not.toContain('r8');
    // The thesis stands above every page of the step.
    for (const page of pages.slice(1, 4)) expect(page.scene.nodes.some((n) => n.id === 't')).toBe(true);
  });

  it('keeps the places of boxes that stay: the same input gives the same pages', () => {
    expect(stepPages(trenin)).toEqual(stepPages(trenin));
  });

  it('finds a page by the label in the address', () => {
    const pages = stepPages(fan(9));
    expect(pageNamed(pages, '1')).toBe(0);
    expect(pageNamed(pages, '2')).toBe(1);
    expect(pageNamed(pages, '2b')).toBe(2);
    expect(pageNamed(pages, '3')).toBe(4);
    expect(pageNamed(pages, '4')).toBe(-1);
    expect(pageNamed(pages, '2z')).toBe(-1);
  });

  it('warns about each tour step too large for one screen, naming the step and pointing at it', () => {
    expect(pagedStepWarnings(fan(2))).toEqual([]);
    expect(pagedStepWarnings(fan(9))).toEqual([
      {
        severity: 'warning',
        code: 'step-paged',
        pointer: '/tour/1',
        message:
          'tour step 2 ("All the reasons") does not fit one projector screen: it is shown in 3 parts, 2a to 2c',
      },
    ]);
  });
});

describe('the overview for the room', () => {
  const screens = [
    { width: 1896, height: 990 },
    { width: 1256, height: 640 },
    { width: 5000, height: 3000 },
  ];
  it.each(screens)(
    'is readable on a $width×$height screen, collapsed no deeper than it must be',
    (screen) => {
      const laidOut = overviewLayout(trenin, screen);
      const scale = Math.min(screen.width / laidOut.bounds.width, screen.height / laidOut.bounds.height);
      expect(scale).toBeGreaterThanOrEqual(OVERVIEW_SCALE);
      expect(laidOut.nodes.length).toBeGreaterThan(1);
      expect(laidOut.groups).toEqual([]);
    },
  );

  it('shows more of the map on a larger screen', () => {
    const sizes = screens.map((screen) => overviewLayout(trenin, screen).nodes.length);
    expect(sizes[2]).toBeGreaterThan(sizes[0]!);
    expect(sizes[0]).toBeGreaterThanOrEqual(sizes[1]!);
  });
});

describe('the picture of a page', () => {
  it('fades the context and keeps what the page is about plain; no fading rule without it', () => {
    const page = stepPages(trenin).find(
      (p) => p.scene.nodes.length > p.current.length && p.scene.nodes.some((n) => n.folded),
    )!;
    const svg = renderSvg(page.scene, { lit: new Set(page.current) });
    const faded = [...svg.matchAll(/<g class="[^"]*faded" data-node-id="([^"]+)"/g)].map((m) => m[1]);
    const drawn = page.scene.nodes.map((n) => n.id);
    expect(faded.sort()).toEqual(drawn.filter((id) => !page.current.includes(id)).sort());
    expect(svg).toContain('.faded{opacity:0.5}');
    expect(renderSvg(page.scene)).not.toContain('faded');
    // The "+n" pills of what is folded away are in the picture too.
    expect(svg).toContain('<g class="badge">');
  });
});
