import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Assumption, type StatementStatus } from '../../src/core/evaluate/evaluate.ts';
import type { ArgumentMap, MapNode, Relation } from '../../src/core/model/types.ts';

const statement = (id: string): MapNode => ({ type: 'statement', id, text: id });
const map = (ids: string[], relations: Relation[]): ArgumentMap => ({
  groups: [],
  nodes: ids.map(statement),
  relations,
});
const support = (id: string, from: string[], to: string): Relation => ({ id, type: 'support', from, to });
const attack = (id: string, from: string[], to: string): Relation => ({ id, type: 'attack', from, to });
const assume = (entries: Record<string, Assumption>) => new Map(Object.entries(entries));

/**
 * Dung's grounded labelling by brute force: of all complete labellings (an argument is IN iff all its attackers
 * are OUT, OUT iff one is IN), the one with the fewest INs (it is unique, and its IN set is the least).
 */
function groundedByBruteForce(n: number, attacks: [number, number][]): ('in' | 'out' | 'undec')[] {
  const attackers = Array.from({ length: n }, (_, b) => attacks.filter(([, t]) => t === b).map(([a]) => a));
  let best: ('in' | 'out' | 'undec')[] | undefined;
  const labels = ['in', 'out', 'undec'] as const;
  for (let code = 0; code < 3 ** n; code++) {
    const labelling = Array.from({ length: n }, (_, i) => labels[Math.floor(code / 3 ** i) % 3]!);
    const complete = labelling.every((label, i) => {
      const allOut = attackers[i]!.every((a) => labelling[a] === 'out');
      const oneIn = attackers[i]!.some((a) => labelling[a] === 'in');
      return label === 'in' ? allOut : label === 'out' ? oneIn : !allOut && !oneIn;
    });
    if (!complete) continue;
    const ins = labelling.filter((l) => l === 'in').length;
    if (!best || ins < best.filter((l) => l === 'in').length) best = labelling;
  }
  return best!;
}

const attackGraphs = fc
  .integer({ min: 1, max: 7 })
  .chain((n) =>
    fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 12 })
      .map((attacks) => ({ n, attacks: attacks.filter(([a, b]) => a !== b) })),
  );

describe('evaluate', () => {
  it('on maps with attacks only, gives Dung’s grounded labelling', () => {
    fc.assert(
      fc.property(attackGraphs, ({ n, attacks }) => {
        const ids = Array.from({ length: n }, (_, i) => `s${i}`);
        const relations = attacks.map(([a, b], k) => attack(`r${k}`, [`s${a}`], `s${b}`));
        const { statements } = evaluate(map(ids, relations), new Map());
        const expected = groundedByBruteForce(n, attacks);
        const ours = ids.map((id) => statements.get(id));
        const asDung = (s: StatementStatus | undefined) =>
          s === 'in' ? 'in' : s === 'out' ? 'out' : 'undec';
        expect(ours.map(asDung)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('a contradiction is a mutual attack: undecided, until one side is accepted', () => {
    const m = map(['a', 'b'], [{ id: 'c', type: 'contradiction', from: ['a'], to: 'b' }]);
    expect([...evaluate(m, new Map()).statements]).toEqual([
      ['a', 'undecided'],
      ['b', 'undecided'],
    ]);
    const chosen = evaluate(m, assume({ a: 'accepted' }));
    expect([...chosen.statements]).toEqual([
      ['a', 'accepted'],
      ['b', 'out'],
    ]);
    expect(chosen.relations.get('c')).toBe('active');
  });

  it('rejecting one premise of a linked support leaves its conclusion unsupported, not defeated', () => {
    const m = map(['p', 'q', 'c', 'd'], [support('r1', ['p', 'q'], 'c'), support('r2', ['c'], 'd')]);
    const before = evaluate(m, new Map());
    expect(before.statements.get('c')).toBe('supported');
    expect(before.statements.get('d')).toBe('supported');
    const after = evaluate(m, assume({ q: 'rejected' }));
    expect(after.relations.get('r1')).toBe('inactive');
    expect([...after.statements]).toEqual([
      ['p', 'in'],
      ['q', 'rejected'],
      ['c', 'unsupported'],
      ['d', 'unsupported'],
    ]);
  });

  it('an undercut whose premise holds deactivates the relation it attacks; rejecting that premise restores it', () => {
    const m = map(
      ['p', 'c', 'u'],
      [support('r1', ['p'], 'c'), { id: 'x', type: 'undercut', from: ['u'], to: 'r1' }],
    );
    const undercut = evaluate(m, new Map());
    expect(undercut.relations.get('r1')).toBe('inactive');
    expect(undercut.statements.get('c')).toBe('unsupported');
    const restored = evaluate(m, assume({ u: 'rejected' }));
    expect(restored.relations.get('r1')).toBe('active');
    expect(restored.statements.get('c')).toBe('supported');
  });

  it('keeps the user’s assumptions and names accepted statements an active attack bears on', () => {
    const m = map(['a', 'b'], [attack('r', ['a'], 'b')]);
    const result = evaluate(m, assume({ b: 'accepted' }));
    expect(result.statements.get('b')).toBe('accepted');
    expect(result.conflicts).toEqual(['b']);
    expect(evaluate(m, assume({ a: 'rejected' })).statements.get('b')).toBe('in');
  });

  it('with presumption off, statements without reasons are undecided', () => {
    const m = map(['p', 'c'], [support('r', ['p'], 'c')]);
    expect([...evaluate(m, new Map(), { presumption: false }).statements]).toEqual([
      ['p', 'undecided'],
      ['c', 'undecided'],
    ]);
    expect(evaluate(m, assume({ p: 'accepted' }), { presumption: false }).statements.get('c')).toBe(
      'supported',
    );
  });

  it('is deterministic and does not depend on the order of the file', () => {
    const maps = fc.integer({ min: 2, max: 9 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        relations: fc.array(
          fc.record({
            type: fc.constantFrom('support', 'attack', 'contradiction', 'undercut'),
            from: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 2 }),
            to: fc.nat(n - 1),
            on: fc.nat(20),
          }),
          { maxLength: 14 },
        ),
        assumed: fc.array(fc.tuple(fc.nat(n - 1), fc.constantFrom<Assumption>('accepted', 'rejected')), {
          maxLength: 3,
        }),
        seed: fc.integer(),
      }),
    );
    fc.assert(
      fc.property(maps, ({ n, relations: raw, assumed, seed }) => {
        const ids = Array.from({ length: n }, (_, i) => `s${i}`);
        const relations: Relation[] = raw.map((r, k) =>
          r.type === 'undercut'
            ? {
                id: `r${k}`,
                type: 'undercut',
                from: r.from.map((i) => ids[i]!),
                to: `r${r.on % Math.max(1, k)}`,
              }
            : ({ id: `r${k}`, type: r.type, from: r.from.map((i) => ids[i]!), to: ids[r.to]! } as Relation),
        );
        const assumptions = new Map(assumed.map(([i, a]) => [ids[i]!, a]));
        const first = evaluate(map(ids, relations), assumptions);
        const shuffle = <T>(list: T[]) => {
          let x = seed;
          return list
            .map((item) => ({ item, key: (x = (x * 1103515245 + 12345) & 0x7fffffff) }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        };
        const shuffled = {
          groups: [],
          nodes: shuffle(ids.map(statement)),
          relations: shuffle([...relations]),
        };
        const second = evaluate(shuffled, assumptions);
        for (const id of ids) expect(second.statements.get(id), id).toBe(first.statements.get(id));
        for (const r of relations) expect(second.relations.get(r.id), r.id).toBe(first.relations.get(r.id));
        expect(evaluate(map(ids, relations), assumptions)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('evaluates a chain of 30,000 attacks without recursion, alternating in and out', () => {
    const n = 30_000;
    const ids = Array.from({ length: n }, (_, i) => `s${i}`);
    const relations = ids.slice(1).map((id, i) => attack(`r${i}`, [ids[i]!], id));
    const { statements } = evaluate(map(ids, relations), new Map());
    expect(statements.get('s0')).toBe('in');
    expect(statements.get('s29999')).toBe('out');
    expect(statements.get('s29998')).toBe('in');
  }, 60_000);

  it('places a chain of 20,000 undercuts of undercuts written last to first, each active in turn', () => {
    const n = 20_000;
    const ids = ['a', 't', ...Array.from({ length: n }, (_, i) => `p${i + 1}`)];
    // u1 undercuts the support r0, u2 undercuts u1 … un undercuts u(n-1); written un first.
    const undercuts: Relation[] = Array.from({ length: n }, (_, i) => ({
      id: `u${i + 1}`,
      type: 'undercut' as const,
      from: [`p${i + 1}`],
      to: i === 0 ? 'r0' : `u${i}`,
    })).reverse();
    const { relations } = evaluate(map(ids, [...undercuts, support('r0', ['a'], 't')]), new Map());
    // The last undercut stands unopposed; each one below alternates with it.
    expect(relations.get(`u${n}`)).toBe('active');
    expect(relations.get(`u${n - 1}`)).toBe('inactive');
    expect(relations.get('u1')).toBe(n % 2 === 1 ? 'active' : 'inactive');
    expect(relations.get('r0')).toBe(n % 2 === 1 ? 'inactive' : 'active');
  }, 60_000);
});

describe('sensitivity', () => {
  it('ranks statements by how much of the map falls when each alone is rejected', async () => {
    const { sensitivity } = await import('../../src/core/evaluate/sensitivity.ts');
    // p supports c, which supports the thesis t; q supports t on its own; o attacks q.
    const m = map(
      ['t', 'c', 'p', 'q', 'o'],
      [
        support('r1', ['c'], 't'),
        support('r2', ['p'], 'c'),
        support('r3', ['q'], 't'),
        attack('r4', ['o'], 'q'),
      ],
    );
    const ranking = sensitivity(m, new Map());
    // o defeats q, so t stands on c alone, and c on p: rejecting p takes down c and t.
    expect(ranking[0]).toEqual({ id: 'p', falls: ['t', 'c'], rises: [] });
    expect(ranking.find((s) => s.id === 'o')).toEqual({ id: 'o', falls: [], rises: ['q'] });
    expect(ranking.map((s) => s.id)).toEqual(['p', 'c', 'o', 't']);
  });
});

describe('assumptions kept in the map', () => {
  it('are read from the top-level key, each bad entry named with its pointer, and written back', async () => {
    const { assumptionsOf, withAssumptions } = await import('../../src/core/evaluate/assumptions.ts');
    const m: ArgumentMap = {
      ...map(['a', 'b'], [attack('r', ['a'], 'b')]),
      extra: { assumptions: { a: 'rejected', b: 'maybe', 'x/y': 'accepted' } },
    };
    const { assumptions, warnings } = assumptionsOf(m);
    expect([...assumptions]).toEqual([['a', 'rejected']]);
    expect(warnings).toEqual([
      '/assumptions/b: expected "accepted" or "rejected", not "maybe"',
      '/assumptions/x~1y: no node "x/y" in the map',
    ]);
    const kept = withAssumptions(m, new Map([['b', 'accepted']]));
    expect(kept.extra).toEqual({ assumptions: { b: 'accepted' } });
    expect(withAssumptions(kept, new Map()).extra).toBeUndefined();
  });
});
