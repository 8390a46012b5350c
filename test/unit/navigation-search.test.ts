import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { stepForKey, stepFrom } from '../../src/core/layout/navigation.ts';
import { foldForSearch, searchContext, searchNodes } from '../../src/core/search.ts';
import { mapOf, readText } from './helpers.ts';

const example = mapOf(readText('data/example.argmap.json'));
const trenin = mapOf(readText('data/trenin-2010.argmap.json'));

describe('keyboard steps along the tree', () => {
  const laid = layoutMap(example);
  it.each([
    ['shops-fear', 'parent', 'close-centre'],
    ['close-centre', 'first-child', 'health-argument'],
    ['health-argument', 'first-child', 'pollution-high'],
    ['pollution-high', 'parent', 'health-argument'],
    ['pollution-high', 'next-sibling', 'cars-cause'],
    ['cars-cause', 'previous-sibling', 'pollution-high'],
    ['close-centre', 'next-sibling', 'cars-essential'],
    ['close-centre', 'parent', undefined],
    ['health-argument', 'next-sibling', 'shops-fear'],
    ['disabled-residents', 'next-sibling', undefined],
  ] as const)('from %s, %s → %s', (from, step, to) => {
    expect(stepFrom(laid, from, step)).toBe(to);
  });

  it('maps arrow keys to steps for both directions', () => {
    expect(stepForKey('ArrowUp', 'down')).toBe('parent');
    expect(stepForKey('ArrowLeft', 'right')).toBe('parent');
    expect(stepForKey('ArrowRight', 'right')).toBe('first-child');
    expect(stepForKey('Enter', 'down')).toBeUndefined();
  });

  it('does not step into a collapsed subtree', () => {
    const folded = layoutMap(example, { collapsed: new Set(['shops-fear']) });
    expect(stepFrom(folded, 'shops-fear', 'first-child')).toBeUndefined();
  });
});

describe('search', () => {
  it('folds case and accents', () => {
    expect(foldForSearch('Priština  ÉTÉ Россия')).toBe('pristina ete россия');
  });

  it('finds Transnistria in the Trenin map, title and text hits first', () => {
    const hits = searchNodes(trenin, 'transnistria');
    expect(hits[0]?.id).toBe('transnistria-first-step');
    expect(hits.length).toBeGreaterThanOrEqual(1);
  });

  it('needs every word, in any field, without regard to case or accents', () => {
    expect(searchNodes(example, 'FOOTFALL city').map((h) => h.id)).toEqual(['footfall-rose']);
    expect(searchNodes(example, 'cafe\u0301 footfall')).toEqual([]);
    expect(searchNodes(example, '   ')).toEqual([]);
    expect(searchNodes(example, 'thesis').map((h) => h.id)).toEqual(['close-centre']);
  });

  it('gives each hit a line of context, the word found apart as written, accents and case kept', () => {
    expect(searchContext('The centre of Priština is closed to cars on Sundays.', ['pristina'])).toEqual({
      before: 'The centre of ',
      match: 'Priština',
      after: ' is closed to cars on Sundays.',
    });
    const long = `${'word '.repeat(30)}target ${'more '.repeat(30)}`;
    const context = searchContext(long, ['target'], 20);
    expect(context.match).toBe('target');
    expect(context.before.startsWith('…')).toBe(true);
    expect(context.after.endsWith('…')).toBe(true);
    expect(context.before.length + context.after.length).toBeLessThan(50);
    const [hit] = searchNodes(example, 'footfall');
    expect(hit?.field).toBe('text');
    expect(hit?.context.match.toLowerCase()).toBe('footfall');
  });
});
