import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serialiseArgmap } from '../../src/core/formats/argmap-json/serialise.ts';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import { serialiseAif } from '../../src/core/formats/aif/serialise.ts';
import { lineIndex, locatePointers, positionAt } from '../../src/core/formats/json-text.ts';
import { maxNestingDepth } from '../../src/core/formats/limits.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { groupFrames } from '../../src/core/layout/routing/group-frames.ts';
import { placeTitles } from '../../src/core/layout/routing/title-places.ts';
import {
  assignTracks,
  maxOrderedRuns,
  plainTracks,
  type LaneRun,
} from '../../src/core/layout/routing/lanes.ts';
import type { LaidOutNode } from '../../src/core/layout/types.ts';
import { loadMapText, stepCheckBudget, stepCheckWork } from '../../src/core/load.ts';
import { errorCount } from '../../src/core/problems.ts';
import { GroupTree, createGroupTest, maxGroupDepth } from '../../src/core/model/groups.ts';
import { maxProblems } from '../../src/core/problems.ts';
import { fitted } from '../../src/core/text/fitted.ts';
import { createFontMeasurer } from '../../src/core/text/measure.ts';
import { mapOf, readText } from './helpers.ts';

/*
 * The reproducers of hostile input (issue 26 in the project's tracker), generated here. Each is sized so that
 * a quadratic path would run for minutes (and time the test out), while the linear one takes about a second.
 */

const header = '{"format": "argmap", "version": 1, "groups": [], ';
const oneNode = '"nodes": [{"type": "statement", "id": "a", "text": "A"}]';

describe('deep nesting is refused, with its place, in one pass', () => {
  it.each([
    ['100,000 arrays', '['.repeat(100_000) + ']'.repeat(100_000), 1, maxNestingDepth + 1],
    ['1,000,000 arrays', '['.repeat(1_000_000) + ']'.repeat(1_000_000), 1, maxNestingDepth + 1],
    ['100,000 objects', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), 1, 5 * maxNestingDepth + 1],
  ])('%s', async (_, text, line, column) => {
    const loaded = await loadMapText(text, undefined, { fileName: 'deep.json' });
    expect(loaded.valid).toBe(false);
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        code: 'limit',
        line,
        column,
        message: expect.stringContaining('nesting deeper'),
      }),
    ]);
  });

  it('a 100,000-deep unknown key inside a valid map with one error', async () => {
    const deep = '{"k":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const text = `${header}${oneNode},\n"relations": [{"id": "r", "type": "support", "from": "zz", "to": "a"}],\n"deep": ${deep}}`;
    const loaded = await loadMapText(text, undefined, { fileName: 'deep.json' });
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatchObject({ code: 'limit', line: 3 });
  });

  it('without a file name too (a JSON array nested too deep is not read as Argdown)', async () => {
    const loaded = await loadMapText('['.repeat(10_000) + ']'.repeat(10_000));
    expect(loaded.format).toBe('argmap');
    expect(loaded.problems[0]).toMatchObject({ code: 'limit', line: 1, column: maxNestingDepth + 1 });
  });

  it.each([
    ['AIF', 'deep.aif', '{"nodes": [], "edges": [], "x": ' + '['.repeat(50_000) + ']'.repeat(50_000) + '}'],
    ['Argdown data', 'deep.argdown', '[A]: a {k: ' + '{k: '.repeat(5000) + '1' + '}'.repeat(5001) + '\n'],
    [
      'Argdown JSON data',
      'deep.argdown',
      '[A]: a ' + '{"k": '.repeat(50_000) + '1' + '}'.repeat(50_000) + '\n',
    ],
    ['front matter', 'deep.argdown', '===\nk: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n===\n\n[A]: a\n'],
    [
      'front matter in blocks',
      'deep.argdown',
      '===\n' + Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + 'k:\n').join('') + '===\n\n[A]: a\n',
    ],
  ])('%s', async (_, fileName, text) => {
    const loaded = await loadMapText(text, undefined, { fileName });
    expect(loaded.valid).toBe(false);
    expect(loaded.problems[0]!.message).toContain(`nesting deeper than ${maxNestingDepth} levels`);
    expect(loaded.problems[0]!.line).toBeGreaterThan(0);
  });

  it('data just within the limit is written and read back by every writer', async () => {
    const depth = maxNestingDepth - 6;
    const deep = '{"k":'.repeat(depth) + '1' + '}'.repeat(depth);
    const text = `${header}${oneNode}, "relations": [], "deep": ${deep}}`;
    const loaded = await loadMapText(text, undefined, { fileName: 'deep.json' });
    expect(loaded.valid).toBe(true);
    const map = loaded.map!;
    const json = await loadMapText(serialiseArgmap(map), undefined, { fileName: 'x.json' });
    const argdown = await loadMapText(serialiseArgdown(map), undefined, { fileName: 'x.argdown' });
    const aif = await loadMapText(serialiseAif(map), undefined, { fileName: 'x.aif' });
    for (const back of [json, argdown, aif]) {
      expect(back.problems).toEqual([]);
      expect(back.map!.extra?.deep).toEqual(map.extra?.deep);
    }
  });
});

describe('many problems', () => {
  const relations = (n: number) =>
    Array.from({ length: n }, (_, i) => `{"id": "r${i}", "type": "support", "from": "m${i}", "to": "a"}`);

  it('50,000 relations from missing nodes: the first 1,000 placed, then a count', async () => {
    const text = `${header}${oneNode},\n"relations": [\n${relations(50_000).join(',\n')}\n]}`;
    const loaded = await loadMapText(text, undefined, { fileName: 'many.json' });
    expect(loaded.valid).toBe(false);
    expect(loaded.problems).toHaveLength(maxProblems + 1);
    expect(loaded.problems[0]).toMatchObject({ code: 'missing-node', line: 3, pointer: '/relations/0/from' });
    expect(loaded.problems[maxProblems - 1]).toMatchObject({ line: 3 + maxProblems - 1 });
    expect(loaded.problems[maxProblems]).toMatchObject({
      severity: 'error',
      code: 'limit',
      message: '… and 49,000 more problems (only the first 1,000 are listed)',
      errorsLeftOut: 49_000,
    });
    expect(errorCount(loaded.problems)).toBe(50_000);
  });

  it('places 100,000 pointers in one pass, each at its value or its nearest ancestor', () => {
    const text = `${header}${oneNode},\n"relations": [\n${relations(100_000).join(',\n')}\n]}`;
    const pointers = Array.from({ length: 100_000 }, (_, i) => `/relations/${i}/from`);
    const located = locatePointers(text, [...pointers, '/relations/7/missing', '/nodes/0/a~1b', '/none']);
    expect(located.size).toBe(100_003);
    expect(located.get('/relations/99999/from')).toEqual(positionAt(text, text.indexOf('"m99999"')));
    expect(located.get('/relations/99999/from')!.line).toBe(100_002);
    expect(located.get('/relations/7/missing')).toEqual({ line: 10, column: 1 });
    expect(located.get('/nodes/0/a~1b')).toEqual(positionAt(text, text.indexOf('{"type"')));
    expect(located.get('/none')).toEqual({ line: 1, column: 1 });
  }, 30_000);

  it('finds line and column by binary search, for every kind of line end', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const at = lineIndex(text);
    const expected = [
      [0, 1, 1],
      [2, 1, 3],
      [3, 2, 1],
      [5, 2, 3],
      [7, 3, 1],
      [10, 4, 1],
      [12, 4, 3],
      [99, 4, 3],
    ];
    for (const [offset, line, column] of expected) expect(at(offset!)).toEqual({ line, column });
  });
});

/** Argdown text of `n` groups, each one inside the one before, with a statement each. */
const nestedGroups = (n: number) =>
  Array.from({ length: n }, (_, i) => `# G${i}${i > 0 ? ` {parent: g${i - 1}}` : ''}\n\n[S${i}]: s\n`).join(
    '\n',
  );

describe('nested groups', () => {
  it('600 nested groups in Argdown are laid out, each framed', () => {
    const { map, problems } = parseArgdown(nestedGroups(600));
    expect(problems).toEqual([]);
    const laid = layoutMap(map);
    expect(new Set(laid.groups.map((g) => g.id)).size).toBe(600);
    // The outermost frame holds every box.
    expect(laid.groups.find((g) => g.id === map.groups[0]!.id)!.nodes).toHaveLength(600);
  });

  it('10,000 headings nested six deep are laid out', () => {
    const text = Array.from(
      { length: 10_000 },
      (_, i) => `${'#'.repeat(Math.min(i + 1, 6))} H${i}\n\n[T${i}]: t\n`,
    );
    const { map, problems } = parseArgdown(text.join('\n'));
    expect(problems).toEqual([]);
    const laid = layoutMap(map);
    expect(new Set(laid.groups.map((g) => g.id)).size).toBe(10_000);
  });

  it('10,000 nested groups in JSON: a located error at the first group too deep', async () => {
    const groups = Array.from({ length: 10_000 }, (_, i) => ({
      id: `g${i}`,
      title: `G${i}`,
      ...(i > 0 ? { parent: `g${i - 1}` } : {}),
    }));
    const nodes = groups.map((g, i) => ({ type: 'statement', id: `s${i}`, text: 's', group: g.id }));
    const text = JSON.stringify({ format: 'argmap', version: 1, groups, nodes, relations: [] }, null, 1);
    const loaded = await loadMapText(text, undefined, { fileName: 'groups.json' });
    expect(loaded.valid).toBe(false);
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        code: 'limit',
        pointer: `/groups/${maxGroupDepth}/parent`,
        message: `group "g${maxGroupDepth}" is nested 1,001 levels deep; at most 1,000 levels of groups are allowed`,
      }),
    ]);
    expect(loaded.problems[0]!.line).toBeGreaterThan(1);
  });

  it('the group test answers as walking up the parents would, cycles and unknown parents included', () => {
    const groups = [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B', parent: 'a' },
      { id: 'c', title: 'C', parent: 'b' },
      { id: 'd', title: 'D', parent: 'nowhere' },
      { id: 'x', title: 'X', parent: 'y' },
      { id: 'y', title: 'Y', parent: 'x' },
    ];
    const isIn = createGroupTest(groups);
    expect(isIn('c', 'a')).toBe(true);
    expect(isIn('c', 'b')).toBe(true);
    expect(isIn('a', 'c')).toBe(false);
    expect(isIn('b', 'b')).toBe(true);
    expect(isIn('d', 'nowhere')).toBe(true);
    expect(isIn('d', 'a')).toBe(false);
    expect(isIn(undefined, 'a')).toBe(false);
    expect(isIn('unknown', 'unknown')).toBe(true);
    expect(isIn('x', 'y')).toBe(true);
    const tree = new GroupTree(groups);
    expect(tree.nesting()).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
        ['y', 1],
      ]),
    );
    expect(tree.depths().get('c')).toBe(3);
  });
});

describe('many cross-links along one gap', () => {
  const runs = (n: number): LaneRun[] =>
    Array.from({ length: n }, (_, i) => {
      const a = (i * 7919) % 10_007;
      return { a, b: a + ((i * 31) % 500) + 1, aDown: i % 2 === 0, bDown: i % 3 === 0 };
    });

  it('more runs than the ordering allows get plain tracks, where runs that meet never share one', () => {
    const many = runs(50_000);
    const { track, tracks } = assignTracks(many);
    const lo = Float64Array.from(many, (r) => Math.min(r.a, r.b));
    const hi = Float64Array.from(many, (r) => Math.max(r.a, r.b));
    expect(plainTracks(lo, hi).track).toEqual(track);
    const byTrack = new Map<number, number[]>();
    many.forEach((_, i) => {
      const list = byTrack.get(track[i]!);
      if (list) list.push(i);
      else byTrack.set(track[i]!, [i]);
    });
    expect(byTrack.size).toBe(tracks);
    for (const list of byTrack.values()) {
      list.sort((r, s) => lo[r]! - lo[s]!);
      for (let k = 1; k < list.length; k++) expect(hi[list[k - 1]!]!).toBeLessThan(lo[list[k]!]!);
    }
  });

  it('up to the limit, runs are still ordered against crossings', () => {
    const few = runs(maxOrderedRuns);
    const lo = Float64Array.from(few, (r) => Math.min(r.a, r.b));
    const hi = Float64Array.from(few, (r) => Math.max(r.a, r.b));
    expect(assignTracks(few).track).not.toEqual(plainTracks(lo, hi).track);
  });
});

describe('front matter of many keys', () => {
  it('40,000 keys are read in linear time, and a repeated key is still found, with its place', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `key${i}: v${i}`);
    const { map, problems } = parseArgdown(`===\n${keys.join('\n')}\n===\n\n[A]: a\n`);
    expect(problems).toEqual([]);
    expect(Object.keys(map.extra ?? {})).toHaveLength(40_000);
    const repeated = parseArgdown(`===\n${keys.join('\n')}\nkey7: again\n===\n\n[A]: a\n`);
    expect(repeated.problems).toEqual([
      expect.objectContaining({
        line: 40_002,
        column: 1,
        message: expect.stringContaining('"key7" is repeated'),
      }),
    ]);
  }, 30_000);

  it('keys of different types are different keys; repeats inside nested mappings are found', () => {
    expect(parseArgdown('===\n1: a\n"1": b\n===\n\n[A]: a\n').problems).toEqual([]);
    const nested = parseArgdown('===\nsource:\n  title: a\n  title: b\n===\n\n[A]: a\n');
    expect(nested.problems[0]).toMatchObject({ line: 4, column: 3 });
  });
});

describe('long labels', () => {
  it('a title of a million characters is cut to fit by bisection, as long as fits', () => {
    const measure = createFontMeasurer();
    const title = 'word '.repeat(200_000);
    const cut = fitted(title, 300, 16, 'semibold', measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(title.startsWith(cut.slice(0, -1))).toBe(true);
    expect(measure.width(cut, 'semibold', 16)).toBeLessThanOrEqual(300);
    const longer = `${title.slice(0, cut.length + 4).trimEnd()}…`;
    expect(measure.width(longer, 'semibold', 16)).toBeGreaterThan(300);
    expect(fitted('x'.repeat(1_000_000), 0, 16, 'regular', measure)).toBe('…');
  });
});

describe('checking tour steps', () => {
  it('a chain of 5,000 arguments, each attacking the next, validates without laying out a step per box', async () => {
    const chain = Array.from({ length: 5000 }, (_, i) => `<R${i}>: r\n  - <R${i + 1}>\n`).join('\n');
    const text = `[A]: a\n\n${chain}`;
    const { map } = parseArgdown(text);
    expect(stepCheckWork(map)).toBeGreaterThan(stepCheckBudget);
    const loaded = await loadMapText(text, undefined, { fileName: 'chain.argdown', checkSteps: true });
    expect(loaded.valid).toBe(true);
  });

  it('maps of the usual size are still checked', () => {
    for (const file of readdirSync(new URL('../../data/', import.meta.url)).filter((f) =>
      f.endsWith('.json'),
    )) {
      const map = mapOf(readText(`data/${file}`));
      expect(stepCheckWork(map)).toBeLessThanOrEqual(stepCheckBudget);
    }
  });
});

describe('group frames in linear time', () => {
  const box = (i: number, x: number, y: number, depth: number, parent?: string) =>
    ({ id: `n${i}`, x, y, width: 200, height: 60, depth, parent }) as unknown as LaidOutNode;
  const groups = [
    { id: 'a', title: 'A' },
    { id: 'b', title: 'B' },
  ];

  it('a row of 20,000 boxes of two groups in turn: one frame per box, each title placed', () => {
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => box(i, i * 220, 100, 1, 'root'));
    const frames = groupFrames(groups, nodes, (id) => (Number(id.slice(1)) % 2 ? 'b' : 'a'), 'down');
    expect(frames).toHaveLength(n);
    const placed = placeTitles(frames, nodes, 'down', 64, createFontMeasurer());
    expect(placed).toHaveLength(n);
  });

  it('a comb of 10,000 teeth in one group, every other tooth of another group: one frame', () => {
    const n = 10_000;
    const nodes = [box(0, n * 110, 0, 0)];
    for (let i = 1; i <= n; i++) nodes.push(box(i, i * 220, 200, 1, 'n0'));
    const frames = groupFrames(
      groups,
      nodes,
      (id) => (id !== 'n0' && Number(id.slice(1)) % 2 ? 'b' : 'a'),
      'down',
    );
    expect(frames.filter((f) => f.id === 'a')).toHaveLength(1);
    expect(frames.filter((f) => f.id === 'b')).toHaveLength(n / 2);
  });
});
