import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { loadMapText } from '../../src/core/load.ts';
import type { ArgumentMap, MapNode } from '../../src/core/model/types.ts';
import { referenceSummary } from './argdown-summary.ts';
import { readText } from './helpers.ts';
import { arbitraryValidMap } from './valid-maps.ts';

/** The Argdown argmap writes is for people to read: see docs/ARCHITECTURE.md, "Formats". */

const trenin = () => parseArgmapJson(readText('data/trenin-2010.argmap.json')).map!;
/** Group order follows first use in the text; everything else must come back as it was. */
const sameGroupsOrder = (map: ArgumentMap): ArgumentMap => ({
  ...map,
  groups: [...map.groups].sort((a, b) => a.id.localeCompare(b.id)),
});
const statement = (id: string, text: string, title?: string): MapNode => ({
  id,
  type: 'statement',
  text,
  ...(title !== undefined ? { title } : {}),
});
const mapOf = (nodes: MapNode[], rest: Partial<ArgumentMap> = {}): ArgumentMap => ({
  groups: [],
  nodes,
  relations: [],
  ...rest,
});

function roundTrip(map: ArgumentMap): string {
  const text = serialiseArgdown(map);
  const read = parseArgdown(text);
  expect(read.problems).toEqual([]);
  expect(sameGroupsOrder(read.map)).toEqual(sameGroupsOrder(map));
  expect(serialiseArgdown(read.map)).toBe(text);
  return text;
}

const withExtra = <T extends { extra?: object }>({ extra, ...known }: T) =>
  Object.defineProperties({ ...known }, Object.getOwnPropertyDescriptors(extra ?? {}));
const frontMatterOf = (text: string) => text.slice(0, text.indexOf('\n===\n', 3) + 5);

describe('the front matter is block YAML, and the tour says per step what it adds', () => {
  it('writes the Trenin map with a short YAML front matter and no full show lists', () => {
    const map = trenin();
    const text = roundTrip(map);
    const head = frontMatterOf(text);
    expect(head).toMatch(
      /^===\ntitle: Russia Suffers From a Security Deficit in Relations With NATO\nsource:\n {2}title: /,
    );
    expect(head).not.toContain('"show"');
    expect(head).not.toMatch(/^\s*show:/m);
    expect(head).toContain('  - title: The thesis\n    focus: joint-mediation-foundation\n    add: [');
    // Each step lists only the boxes it adds: each id of the tour is written once.
    const added = [...head.matchAll(/^ {4}add: \[(.*)\]$/gm)].flatMap((m) =>
      m[1] === '' ? [] : m[1]!.split(', '),
    );
    expect(new Set(added).size).toBe(added.length);
    expect(added).toEqual([...new Set(map.tour!.flatMap((step) => step.show ?? []))]);
    // The first claim comes within the first hundred lines (the old JSON front matter took 130).
    const firstClaim = text.split('\n').findIndex((line) => /^\[.+\]: /.test(line));
    expect(firstClaim).toBeGreaterThan(0);
    // A few lines of title and source, then at most five lines a tour step: no cumulative lists.
    expect(firstClaim).toBeLessThan(20 + 5 * (map.tour?.length ?? 0));
  });

  it('reads the older form too: JSON front matter with every step showing all its boxes, and {"title": null}', () => {
    const map = trenin();
    const text = serialiseArgdown(map);
    const body = text.slice(frontMatterOf(text).length);
    const old = [
      '===',
      `title: ${JSON.stringify(map.title)}`,
      `source: ${JSON.stringify(map.source, null, 2).replace(/\n/g, '\n  ')}`,
      `tour: ${JSON.stringify(map.tour, null, 2).replace(/\n/g, '\n  ')}`,
      `"$schema": ${JSON.stringify(map.extra!.$schema)}`,
      '===',
    ].join('\n');
    const read = parseArgdown(`${old}\n${body}`);
    expect(read.problems).toEqual([]);
    expect(sameGroupsOrder(read.map)).toEqual(sameGroupsOrder(map));

    const untitled = parseArgdown(
      '[moscow-concerns]: Moscow is concerned. {"title":null}\n  + [Reason]: R.\n',
    );
    expect(untitled.problems).toEqual([]);
    expect(untitled.map.nodes[0]).toEqual(statement('moscow-concerns', 'Moscow is concerned.'));
  });

  it('reads generated maps the same from the new front matter and from the older JSON one', () => {
    fc.assert(
      fc.property(arbitraryValidMap, (map) => {
        const text = serialiseArgdown(map);
        if (!text.startsWith('===\n')) return;
        const entries: [string, unknown][] = [
          ['title', map.title],
          ['source', map.source && withExtra(map.source)],
          ['tour', map.tour?.map(withExtra)],
          ...Object.entries(map.extra ?? {}),
        ];
        const old = entries
          .filter(([, value]) => value !== undefined)
          .map(
            ([key, value]) =>
              `${JSON.stringify(key)}: ${JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}`,
          );
        const read = parseArgdown(['===', ...old, '===', text.slice(frontMatterOf(text).length)].join('\n'));
        const expected = parseArgdown(text);
        expect(read.problems).toEqual(expected.problems);
        expect(read.map.tour).toEqual(expected.map.tour);
        expect(read.map.extra).toEqual(expected.map.extra);
      }),
      { numRuns: 200 },
    );
  });

  it('takes boxes away with hide, keeps a full show list where a step reorders, and leaves steps without one alone', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => statement(id, `Text ${id}.`, id.toUpperCase()));
    const tour = [
      { title: 'One', show: ['a', 'b'] },
      { title: 'Two', show: ['a', 'b', 'c'], minutes: 2 },
      { note: 'no show list' },
      { title: 'Three', show: ['b', 'c', 'd'] },
      { title: 'Four', show: ['d', 'b'] },
      { title: 'Five', show: ['d', 'b'] },
    ];
    const text = roundTrip(mapOf(nodes, { tour }));
    expect(frontMatterOf(text)).toBe(
      [
        '===',
        'tour:',
        '  - title: One',
        '    add: [a, b]',
        '  - title: Two',
        '    add: [c]',
        '    minutes: 2',
        '  - note: no show list',
        '  - title: Three',
        '    add: [d]',
        '    hide: [a]',
        '  - title: Four',
        '    show: [d, b]',
        '  - title: Five',
        '    add: []',
        '===\n',
      ].join('\n'),
    );
  });

  it('keeps a full show list where one repeats a box, and writes hundreds of unknown keys as JSON lines', () => {
    const nodes = ['a', 'b'].map((id) => statement(id, `Text ${id}.`, id.toUpperCase()));
    const extra = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, { v: i }]));
    const tour = [{ show: ['a'] }, { show: ['a', 'b', 'b'] }, { show: ['a', 'b', 'b'] }];
    const text = roundTrip(mapOf(nodes, { tour, extra }));
    expect(text).toContain('tour:\n  - add: [a]\n  - show: [a, b, b]\n  - add: []\n');
    expect(text).toContain('\nk0: {\n    "v": 0\n  }\n');
  });

  it('says so when add or hide is no list of ids', () => {
    const read = parseArgdown('===\ntour:\n  - add: a\n===\n\n[A]: a\n');
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ severity: 'warning', line: 2 });
    expect(read.problems[0]!.message).toContain('"add" should be a list of box ids');
  });

  it('writes a value YAML would not give back (a line "===" in a text) as JSON, which reads back the same', () => {
    const text = roundTrip(
      mapOf([statement('a', 'A.', 'A')], { title: 'x\n===\ny', source: { text: 'yes' } }),
    );
    expect(text).toContain('title: "x\\n===\\ny"');
    expect(text).toContain('source:\n  text: "yes"');
  });
});

describe('untitled boxes and ids', () => {
  it('writes an untitled box nothing refers to as a plain line, and ids made from titles or texts not at all', () => {
    const map = mapOf([
      statement('trust-is-missing', 'Trust is missing.', 'Trust is missing'),
      statement('partners-need-trust-first', 'Partners need trust first.'),
      statement('own-id', 'Another untitled box.'),
    ]);
    const text = roundTrip(map);
    expect(text).toBe(
      '[Trust is missing]: Trust is missing.\n\nPartners need trust first.\n\nAnother untitled box. {id: own-id}\n',
    );
    expect(text).not.toContain('"title"');
  });

  it('names a box a relation refers to by the start of its text and "…", a number telling equal starts apart', () => {
    const map = mapOf(
      [
        statement('thesis', 'The thesis.', 'Thesis'),
        statement('x1', 'Moscow is still concerned about the long-term plans of the United States.'),
        statement('x2', 'Moscow is still concerned about the long-term plans of the United States.'),
        statement('x3', 'Short.'),
      ],
      {
        relations: [
          { id: 'r1', type: 'support', from: ['x1'], to: 'thesis' },
          { id: 'r2', type: 'attack', from: ['x2'], to: 'x1' },
          { id: 'r3', type: 'support', from: ['x3'], to: 'thesis' },
        ],
      },
    );
    const text = roundTrip(map);
    expect(text).toContain(
      '[Moscow is still concerned about…]: Moscow is still concerned about the long-term',
    );
    expect(text).toContain('[Moscow is still concerned about the…]: Moscow is still concerned');
    expect(text).toContain('[Short.…]: Short. {id: x3}');
    expect(text).toContain('[Thesis]\n  + [Moscow is still concerned about…]');
    expect(text).not.toContain('null');
  });

  it('keeps a real title that looks like a stand-in in data, and reads both back', () => {
    const map = mapOf([statement('t', 'Trust first, then architecture.', 'Trust first…')], {
      relations: [],
    });
    const text = roundTrip(map);
    expect(text).toBe('[Trust first…]: Trust first, then architecture. {id: t, title: "Trust first…"}\n');
    // Without the data, the same line is an untitled box whose id comes from its text.
    const read = parseArgdown('[Trust first…]: Trust first, then architecture.\n');
    expect(read.map.nodes).toEqual([
      statement('trust-first-then-architecture', 'Trust first, then architecture.'),
    ]);
  });

  it('writes no null data and the titles of untitled boxes nowhere for the Trenin map', () => {
    const map = trenin();
    const text = serialiseArgdown(map);
    expect(text).not.toContain('"title":null');
    // The body, after the front matter (whose tour lists ids in brackets).
    const body = text.slice(text.indexOf('\n===\n', 4) + 5);
    for (const node of map.nodes.filter((n) => n.title === undefined)) {
      expect(body).not.toContain(`[${node.id}]`);
    }
  });
});

describe('untitled statements of a reconstruction', () => {
  const structure =
    '(1) Russia feels insecure\n(2) Insecurity breeds distrust\n----\n(3) Russia distrusts NATO\n';

  it('are written inside the structure that alone uses them, as Argdown authors write them', () => {
    const map = parseArgdown(structure).map;
    expect(roundTrip(map)).toBe(`<argument>\n\n${structure}`);
  });

  it('are declared under a stand-in title when anything else names them or boxes follow them', () => {
    const named = roundTrip(parseArgdown(`${structure}\n[Objection]: no\n  - Russia feels insecure\n`).map);
    expect(named).toContain('(1) [Russia feels insecure…]');
    const elsewhere = parseArgdown(`${structure}\n[Objection]: no\n  -> [Russia feels insecure…]\n`);
    expect(elsewhere.map.relations.some((r) => r.from[0] === 'objection')).toBe(true);
    expect(roundTrip(elsewhere.map)).toContain('[Russia feels insecure…]: Russia feels insecure');
    const after = roundTrip(parseArgdown(`[A]: a\n\n${structure}\n[B]: b\n`).map);
    expect(after).toContain('[Insecurity breeds distrust…]: Insecurity breeds distrust');
  });

  it('are declared, their text in data, when the text holds half a surrogate pair', () => {
    const map = parseArgdown(structure).map;
    const odd = {
      ...map,
      nodes: map.nodes.map((n, i) => (i === 0 ? { ...n, text: 'Russia\uD800 feels' } : n)),
    };
    const written = serialiseArgdown(odd);
    expect(written).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(parseArgdown(written).map.nodes[0]!.text).toBe('Russia\uD800 feels');
  });

  it('stay in the group of the heading above the structure', () => {
    const text = `# Part\n\n[A]: a\n\n${structure}`;
    const map = parseArgdown(text).map;
    expect(map.nodes.map((n) => n.group)).toEqual(['part', 'part', 'part', 'part']);
    expect(roundTrip(map)).toBe(`# Part\n\n[A]: a\n\n<argument>\n\n${structure}`);
  });

  it('keep an inference line that is not YAML where it was, so the reference reads the copy as the original', () => {
    const text = '(1) First\n(2) Second\n-- Rule {uses: [1,2]; x: y} --\n(3) Third\n';
    const read = parseArgdown(text);
    expect(read.map.nodes).toHaveLength(3);
    const written = serialiseArgdown(read.map);
    expect(written).toBe(`<argument>\n\n${text}`);
    expect(referenceSummary(written)).toEqual(referenceSummary(text));
  });
});

describe('a line broken in the editor', () => {
  it('gives its own error and one problem for the box the tour then lacks, not one per tour step', async () => {
    const text = serialiseArgdown(trenin());
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.startsWith("[Russia's security deficit]: "));
    lines[at] = lines[at]!.replace("[Russia's security deficit]: ", "[Russia's security deficit: ");
    const loaded = await loadMapText(lines.join('\n'), undefined, { fileName: 'trenin.argdown' });
    const syntax = loaded.problems.filter((p) => p.code === 'syntax' && p.severity === 'error');
    expect(syntax.map((p) => p.line)).toEqual([at + 1]);
    const missing = loaded.problems.filter((p) => p.message.includes('"security-deficit"'));
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toMatch(/^tour steps (\d+, )+\d+ and \d+: no node "security-deficit"$/);
  });
});

describe('data blocks', () => {
  it('are written with bare keys and words, JSON for the rest, and read as YAML would read them', () => {
    const map = mapOf([
      {
        ...statement('own-id', 'A box.'),
        note: 'a // b, {c}: d',
        extra: { 'x-list': ['p', 'q'], 'two words': 'yes', n: 5, true: 'null' },
      },
    ]);
    const text = roundTrip(map);
    expect(text).toBe(
      'A box. {id: own-id, note: "a \\/\\/ b, {c}: d", x-list: ["p","q"], "two words": "yes", "n": 5, "true": "null"}\n',
    );
    const read = (data: string) => parseArgdown(`[A]: a ${data}`);
    expect(read('{id: foo, tags: [p, q], note: "n, {x}: y"}').map.nodes[0]).toMatchObject({
      id: 'foo',
      tags: ['p', 'q'],
      note: 'n, {x}: y',
    });
    expect(read('{id: x, id: y}').problems[0]!.message).toBe(
      'data block is not valid YAML: the key "id" is repeated; kept as written in the field "unparsed"',
    );
    expect(read('{"id":"z","note":"\\/\\/ c"}').map.nodes[0]).toMatchObject({ id: 'z', note: '// c' });
  });

  it('that are not YAML are said, kept as written and written back as they were', () => {
    const text = '(1) [P]: p\n-- {uses: [1]; x: y} --\n(2) [C]: c\n';
    const read = parseArgdown(text);
    expect(read.problems).toEqual([expect.objectContaining({ line: 2, column: 14, severity: 'warning' })]);
    expect(read.map.relations[0]!.extra).toEqual({ unparsed: '{uses: [1]; x: y}' });
    const written = serialiseArgdown(read.map);
    expect(written).toContain('-- {uses: [1]; x: y} --');
    expect(parseArgdown(written).map).toEqual(read.map);
  });

  it('keep an "unparsed" field that would read as other data as a field', () => {
    const map = parseArgdown('[A]: a {unparsed: "{x: 1}"}\n').map;
    expect(map.nodes[0]!.extra).toEqual({ unparsed: '{x: 1}' });
    expect(serialiseArgdown(map)).toContain('{unparsed: "{x: 1}"}');
  });
});
