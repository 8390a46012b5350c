import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxStyle } from '../../src/core/layout/box-style.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import type { LaidOutMap, LaidOutNode, Rect } from '../../src/core/layout/types.ts';
import type { ArgumentMap, Relation } from '../../src/core/model/types.ts';
import { createFontMeasurer } from '../../src/core/text/measure.ts';
import { arbitraryMap } from './arbitraries.ts';
import { mapOf, readText } from './helpers.ts';

const example = mapOf(readText('data/example.argmap.json'));
const measurer = createFontMeasurer();

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function firstOverlap(nodes: readonly LaidOutNode[]): [string, string] | undefined {
  const sorted = [...nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < sorted[i]!.x + sorted[i]!.width; j++) {
      if (overlaps(sorted[i]!, sorted[j]!)) return [sorted[i]!.id, sorted[j]!.id];
    }
  }
  return undefined;
}

const byId = (laid: LaidOutMap) => new Map(laid.nodes.map((n) => [n.id, n]));

describe('layout invariants on generated maps', () => {
  const collapsedAndDirection = fc.tuple(
    arbitraryMap,
    fc.constantFrom('down' as const, 'right' as const),
    fc.array(fc.nat(15), { maxLength: 3 }),
  );

  it('never overlaps boxes, shows every node once, and is deterministic', () => {
    fc.assert(
      fc.property(collapsedAndDirection, ([map, direction, picks]) => {
        const collapsed = new Set(picks.map((i) => map.nodes[i % map.nodes.length]!.id));
        const laid = layoutMap(map, { direction, collapsed });
        expect(firstOverlap(laid.nodes)).toBeUndefined();
        expect(new Set(laid.nodes.map((n) => n.id)).size).toBe(laid.nodes.length);
        if (collapsed.size === 0) expect(laid.nodes).toHaveLength(new Set(map.nodes.map((n) => n.id)).size);
        expect(layoutMap(map, { direction, collapsed })).toEqual(laid);
        for (const node of laid.nodes) {
          expect([node.x, node.y, node.width, node.height].every(Number.isFinite)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('wraps text so that no line is wider than the box allows, by the font metrics', () => {
    fc.assert(
      fc.property(arbitraryMap, (map) => {
        for (const node of layoutMap(map).nodes) {
          for (const line of node.textLines) {
            expect(measurer.width(line, 'regular', boxStyle.textSize)).toBeLessThanOrEqual(
              boxStyle.maxTextWidth,
            );
          }
          for (const line of node.titleLines) {
            expect(measurer.width(line, 'semibold', boxStyle.titleSize)).toBeLessThanOrEqual(
              boxStyle.maxTextWidth,
            );
          }
          expect(node.width).toBeLessThanOrEqual(boxStyle.maxTextWidth + 2 * boxStyle.paddingX + 1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('layout of the example map', () => {
  const laid = layoutMap(example);
  const nodes = byId(laid);
  const connector = (key: string) => laid.connectors.find((c) => c.key === key);

  it('puts the theses side by side at the top, in file order', () => {
    const [a, b] = [nodes.get('close-centre')!, nodes.get('cars-essential')!];
    expect(a.y).toBe(b.y);
    expect(a.x).toBeLessThan(b.x);
    expect(a.depth).toBe(0);
  });

  it('places children in file order, linked co-premises side by side under one connector', () => {
    // The health argument sits where its reconstruction's inference (r1) was written.
    const order = ['health-argument', 'shops-fear', 'vans-at-night', 'disabled-residents'];
    const xs = order.map((id) => nodes.get(id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(connector('r1')).toMatchObject({
      kind: 'tree',
      type: 'support',
      premises: ['pollution-high', 'cars-cause'],
      // As Argdown's map draws it: premises → argument → conclusion.
      target: 'health-argument',
    });
    expect(nodes.get('pollution-high')!.parent).toBe('health-argument');
    expect(nodes.get('health-argument')!.parent).toBe('close-centre');
    const [p, q] = [nodes.get('pollution-high')!, nodes.get('cars-cause')!];
    expect(q.x - (p.x + p.width)).toBe(12);
  });

  it('draws every relation kind', () => {
    expect(connector('r2')).toMatchObject({ kind: 'tree', type: 'attack', target: 'close-centre' });
    expect(connector('r3')).toMatchObject({ kind: 'tree', type: 'attack', target: 'shops-fear' });
    expect(connector('r7')).toMatchObject({
      kind: 'cross',
      type: 'contradiction',
      premises: ['footfall-rose'],
    });
    expect(connector('r9#footfall-rose')).toMatchObject({
      kind: 'cross',
      type: 'support',
      target: 'close-centre',
    });
    expect(laid.connectors).toHaveLength(9);
  });

  it('ends an undercut at the middle of the connector it attacks', () => {
    const attacked = connector('r2')!;
    const undercut = connector('r4')!;
    const thesis = nodes.get('close-centre')!;
    const shops = nodes.get('shops-fear')!;
    const junction = { x: shops.x + shops.width / 2, y: shops.y - 64 * 0.4 };
    expect(attacked.end).toEqual({ x: thesis.x + thesis.width / 2, y: thesis.y + thesis.height });
    expect(undercut.end.x).toBeCloseTo((junction.x + attacked.end.x) / 2, 5);
    expect(undercut.end.y).toBeCloseTo((junction.y + attacked.end.y) / 2, 5);
  });

  it('frames groups around their boxes', () => {
    const health = laid.groups.filter((g) => g.id === 'health');
    expect(health.map((g) => g.nodes)).toEqual([['health-argument', 'pollution-high', 'cars-cause']]);
    for (const frame of laid.groups) {
      for (const id of frame.nodes) {
        const n = nodes.get(id)!;
        expect(n.x >= frame.x && n.y >= frame.y && n.x + n.width <= frame.x + frame.width).toBe(true);
      }
    }
  });

  it('never lets a group frame take in boxes of other groups (on the Trenin map)', async () => {
    const trenin = mapOf(readText('data/trenin-2010.argmap.json'));
    const groupOf = new Map(trenin.nodes.map((n) => [n.id, n.group]));
    const laidTrenin = layoutMap(trenin);
    for (const frame of laidTrenin.groups) {
      // Every rectangle the frame is made of: boxes of other groups stay outside each.
      const intruders = laidTrenin.nodes.filter(
        (n) => groupOf.get(n.id) !== frame.id && frame.slabs.some((slab) => overlaps(n, slab)),
      );
      expect(
        intruders.map((n) => n.id),
        frame.key,
      ).toEqual([]);
    }
    expect(new Set(laidTrenin.groups.map((g) => g.id)).size).toBe(trenin.groups!.length);
  });

  it('lays out to the right as well, theses on the left', () => {
    const right = byId(layoutMap(example, { direction: 'right' }));
    expect(right.get('shops-fear')!.x).toBeGreaterThan(
      right.get('close-centre')!.x + right.get('close-centre')!.width,
    );
  });
});

describe('collapse', () => {
  it('hides the subtree, counts it, and moves every unrelated subtree rigidly', () => {
    const full = byId(layoutMap(example));
    const laid = layoutMap(example, { collapsed: new Set(['shops-fear']) });
    const folded = byId(laid);
    expect(folded.has('footfall-rose')).toBe(false);
    expect(folded.get('shops-fear')).toMatchObject({ collapsed: true, hidden: 1 });
    // Levels never move; boxes outside the collapsed subtree keep their places relative to their parents'.
    for (const node of laid.nodes) {
      expect(node.y).toBe(full.get(node.id)!.y);
      const parent = node.parent && node.parent !== 'close-centre' ? folded.get(node.parent) : undefined;
      if (parent) expect(node.x - parent.x).toBe(full.get(node.id)!.x - full.get(parent.id)!.x);
    }
    expect(folded.get('permits')!.x - folded.get('disabled-residents')!.x).toBe(
      full.get('permits')!.x - full.get('disabled-residents')!.x,
    );
  });
});

describe('hard shapes', () => {
  const chain = (n: number, type: Relation['type']): ArgumentMap => ({
    groups: [],
    nodes: Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      type: 'statement' as const,
      text: `claim ${i}`,
    })),
    relations: Array.from(
      { length: n - 1 },
      (_, i) => ({ id: `r${i}`, type, from: [`n${i + 1}`], to: `n${i}` }) as Relation,
    ),
  });

  it('lays out a 10,000-deep chain without overflowing the stack', () => {
    const laid = layoutMap(chain(10000, 'attack'));
    expect(laid.nodes).toHaveLength(10000);
    expect(laid.nodes[9999]!.depth).toBe(9999);
  });

  it('breaks a cycle deterministically at the first node in file order', () => {
    const map = chain(3, 'support');
    const cyclic: ArgumentMap = {
      ...map,
      relations: [...map.relations, { id: 'back', type: 'support', from: ['n0'], to: 'n2' }],
    };
    const laid = layoutMap(cyclic);
    expect(laid.nodes.map((n) => [n.id, n.depth])).toEqual([
      ['n0', 0],
      ['n1', 1],
      ['n2', 2],
    ]);
    expect(laid.connectors.find((c) => c.key === 'back#n0')).toMatchObject({ kind: 'cross' });
  });

  it('draws a line for every premise when two relations share an id', () => {
    const map: ArgumentMap = {
      groups: [],
      nodes: ['t', 'a', 'b'].map((id) => ({ id, type: 'statement' as const, text: id })),
      relations: [
        { id: 'r', type: 'support', from: ['a'], to: 't' },
        { id: 'r', type: 'support', from: ['b'], to: 't' },
      ],
    };
    const laid = layoutMap(map);
    const drawn = new Set(laid.connectors.flatMap((c) => c.premises));
    expect([...drawn].sort()).toEqual(['a', 'b']);
  });
});
