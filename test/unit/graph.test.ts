import { describe, expect, it } from 'vitest';
import {
  ancestors,
  children,
  descendants,
  findCycles,
  indexMap,
  parents,
  primaryRelation,
  roleOf,
  rolesOf,
  roots,
  type ArgumentMap,
  type Relation,
} from '../../src/core/model/index.ts';
import { mapOf, readText } from './helpers.ts';

const example = indexMap(mapOf(readText('data/example.argmap.json')));

function tiny(
  relations: [id: string, type: Relation['type'], from: string | string[], to: string][],
): ArgumentMap {
  const ids = new Set(relations.flatMap(([, , from, to]) => [...[from].flat(), to]));
  const relationIds = new Set(relations.map(([id]) => id));
  return {
    groups: [],
    nodes: [...ids].filter((id) => !relationIds.has(id)).map((id) => ({ id, type: 'statement', text: id })),
    relations: relations.map(([id, type, from, to]) => ({ id, type, from: [from].flat(), to }) as Relation),
  };
}

describe('graph queries on the example map', () => {
  it('finds the thesis and the orphan claim as roots, in file order', () => {
    expect(roots(example)).toEqual(['close-centre', 'cars-essential']);
  });

  it('lists children in relation order, undercutters of inferences into the node included', () => {
    expect(children(example, 'close-centre')).toEqual([
      'pollution-high',
      'cars-cause',
      'shops-fear',
      'vans-at-night',
      'disabled-residents',
      'health-argument',
      'footfall-rose',
    ]);
    expect(children(example, 'shops-fear')).toEqual(['footfall-rose']);
  });

  it('gives a shared node several parents; contradiction makes no parent', () => {
    expect(parents(example, 'footfall-rose')).toEqual(['shops-fear', 'close-centre']);
    expect(parents(example, 'cars-essential')).toEqual([]);
    expect(parents(example, 'vans-at-night')).toEqual(['close-centre']);
  });

  it('picks the first relation in file order as the primary one', () => {
    expect(primaryRelation(example, 'footfall-rose')?.id).toBe('r3');
    expect(primaryRelation(example, 'close-centre')).toBeUndefined();
  });

  it('walks ancestors and descendants', () => {
    expect(ancestors(example, 'permits').sort()).toEqual(['close-centre', 'disabled-residents']);
    expect(descendants(example, 'shops-fear')).toEqual(['footfall-rose']);
    expect(descendants(example, 'close-centre')).toHaveLength(8);
  });

  it.each([
    ['close-centre', 'thesis'],
    ['cars-essential', 'thesis'],
    ['pollution-high', 'reason'],
    ['health-argument', 'reason'],
    ['shops-fear', 'objection'],
    ['disabled-residents', 'objection'],
    ['footfall-rose', 'rebuttal'],
    ['permits', 'rebuttal'],
    ['vans-at-night', 'rebuttal'],
  ])('derives the role of %s: %s', (id, role) => {
    expect(roleOf(example, id)).toBe(role);
  });

  it('has no cycles', () => {
    expect(findCycles(example)).toEqual([]);
  });
});

describe('roles and cycles on small graphs', () => {
  it('makes an objection to a rebuttal a rebuttal, and an undercut of a support an objection', () => {
    const index = indexMap(
      tiny([
        ['r1', 'support', 'b', 'a'],
        ['r2', 'attack', 'c', 'b'],
        ['r3', 'attack', 'd', 'c'],
        ['r4', 'attack', 'e', 'd'],
        ['r5', 'undercut', 'f', 'r1'],
      ]),
    );
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => roleOf(index, id))).toEqual([
      'thesis',
      'reason',
      'objection',
      'rebuttal',
      'rebuttal',
      'objection',
    ]);
  });

  it('finds cycles and self-loops, and still derives roles inside them', () => {
    const index = indexMap(
      tiny([
        ['r1', 'attack', 'a', 'b'],
        ['r2', 'attack', 'b', 'c'],
        ['r3', 'attack', 'c', 'a'],
        ['r4', 'support', 'd', 'd'],
        ['r5', 'support', 'e', 'a'],
      ]),
    );
    expect(findCycles(index)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(roots(index)).toEqual([]);
    expect(
      ['a', 'b', 'c'].map((id) => roleOf(index, id)).every((r) => r === 'objection' || r === 'rebuttal'),
    ).toBe(true);
  });

  it('handles a 20,000-long chain without overflowing the stack', () => {
    const relations = Array.from(
      { length: 20000 },
      (_, i) => [`r${i}`, 'support', `n${i + 1}`, `n${i}`] as const,
    );
    const index = indexMap(tiny(relations.map((r) => [...r])));
    expect(findCycles(index)).toEqual([]);
    expect(ancestors(index, 'n20000')).toHaveLength(20000);
    expect(roleOf(index, 'n20000')).toBe('reason');
  });
});

describe('roles on long attack chains', () => {
  it('alternates objection and rebuttal down a 20,000-long attack chain without recursion', () => {
    const relations = Array.from(
      { length: 20000 },
      (_, i) => [`r${i}`, 'attack', `n${i + 1}`, `n${i}`] as const,
    );
    const index = indexMap(tiny(relations.map((r) => [...r])));
    expect(roleOf(index, 'n1')).toBe('objection');
    expect(roleOf(index, 'n2')).toBe('rebuttal');
    expect(roleOf(index, 'n20000')).toBe('rebuttal');
    const all = rolesOf(index);
    expect(all.get('n0')).toBe('thesis');
    expect([...all.values()].filter((role) => role === 'objection')).toHaveLength(1);
  });
});
