import { describe, expect, it } from 'vitest';
import { loadMapText } from '../../src/core/load.ts';
import { findCycles, indexMap, isInferential, roots } from '../../src/core/model/index.ts';
import { mapStats } from '../../src/core/stats.ts';
import { readText } from './helpers.ts';

/** The showcase map, what every user sees first: every kind of element, each box quoting its passage. */
const loaded = await loadMapText(readText('data/trenin-2010.argmap.json'), async (path) =>
  readText(`data/${path}`),
);
const map = loaded.map!;
const stats = mapStats(map, loaded.sourceText);

describe('the Trenin map', () => {
  it('is valid, with no warnings, and every statement quotes the interview verbatim', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.valid).toBe(true);
    const statements = map.nodes.filter((n) => n.type === 'statement');
    expect(statements.every((n) => n.quote !== undefined)).toBe(true);
    expect(stats.quotes.verified).toBe(stats.quotes.total);
  });

  it('is a full analysis: ≥ 50 statements, linked premises, attacks, an undercut, a contradiction, ≥ 6 groups', () => {
    expect(stats.statements).toBeGreaterThanOrEqual(50);
    expect(stats.linked).toBeGreaterThanOrEqual(1);
    expect(stats.relations.attack).toBeGreaterThanOrEqual(1);
    expect(stats.relations.undercut + stats.relations.contradiction).toBeGreaterThanOrEqual(1);
    expect(stats.groups).toBeGreaterThanOrEqual(6);
  });

  it('connects every node, gives every node a group, and has no cycles', () => {
    const index = indexMap(map);
    for (const node of map.nodes) {
      expect(index.premiseOf(node.id).length + index.incoming(node.id).length, node.id).toBeGreaterThan(0);
      expect(node.group, node.id).toBeDefined();
    }
    expect(findCycles(index)).toEqual([]);
    expect(roots(index).length).toBeLessThanOrEqual(3);
    expect(map.relations.filter(isInferential).length).toBeGreaterThanOrEqual(
      map.nodes.length - roots(index).length,
    );
  });

  it('has a tour that grows step by step and ends on the whole map', () => {
    const tour = map.tour ?? [];
    expect(tour.length).toBeGreaterThanOrEqual(10);
    tour.forEach((step, i) => {
      const previous = new Set(i > 0 ? tour[i - 1]!.show : []);
      expect(
        [...previous].every((id) => step.show?.includes(id)),
        `step ${i + 1}`,
      ).toBe(true);
      expect(step.show).toContain(step.focus);
      expect(step.note, `step ${i + 1}`).toBeTruthy();
    });
    expect(new Set(tour.at(-1)!.show)).toEqual(new Set(map.nodes.map((n) => n.id)));
  });

  it('carries the attribution of its source', () => {
    expect(map.source).toMatchObject({
      author: 'Dmitri Trenin',
      publisher: 'The Valdai Discussion Club',
      date: '2010-11-23',
    });
    expect(map.source?.attribution).toBeTruthy();
  });
});
