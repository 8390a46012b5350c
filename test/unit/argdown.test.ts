import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import type { ArgumentMap, Relation } from '../../src/core/model/types.ts';
import { validateMap } from '../../src/core/validate/validate-map.ts';
import { readText } from './helpers.ts';
import { arbitraryValidMap } from './valid-maps.ts';

const fixture = (name: string) => parseArgdown(readText(`test/fixtures/argdown/${name}`));
const edges = (relations: readonly Relation[]) => relations.map((r) => [r.id, r.type, r.from, r.to]);
const node = (map: ArgumentMap, id: string) => map.nodes.find((n) => n.id === id);
/** Group order follows first use in the text, not the map's list; everything else must come back as it was. */
const sameGroupsOrder = (map: ArgumentMap): ArgumentMap => ({
  ...map,
  groups: [...map.groups].sort((a, b) => a.id.localeCompare(b.id)),
});

describe('Argdown reader: each construct', () => {
  it('reads definitions, references, untitled statements, tags, data, escapes, comments', () => {
    const { map, problems } = fixture('statements.argdown');
    expect(map.nodes).toEqual([
      {
        type: 'statement',
        id: 'deficit',
        title: 'Deficit',
        text: 'Russia suffers from a security deficit in relations with NATO.',
        tags: ['thesis', 'key claim'],
      },
      {
        type: 'statement',
        id: 'trust',
        title: 'Trust',
        text: 'Trust is the cornerstone of any partnership.',
        note: 'Ask what trust means here.',
        extra: { reviewed: true },
      },
      {
        type: 'statement',
        id: 'joint-mediation-of-regional-conflicts-builds',
        text: 'Joint mediation of regional conflicts builds trust.',
        tags: ['proposal'],
      },
      {
        type: 'statement',
        id: 'escapes',
        title: 'Escapes',
        text: 'Brackets [like these], a #hash, braces {x} and a URL: https://valdaiclub.com',
      },
      { type: 'statement', id: 'only-named', title: 'Only named', text: 'Only named' },
    ]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'syntax',
        line: 16,
        column: 1,
        message: '[Only named] is never given a text; its title stands for it',
      },
    ]);
  });

  it('reads every relation symbol in both directions, nested, with arguments and undercuts', () => {
    const { map, problems } = fixture('relations.argdown');
    expect(problems).toEqual([]);
    expect(edges(map.relations)).toEqual([
      ['r1', 'support', ['missing'], 'foundation'],
      ['r2', 'attack', ['reset'], 'missing'],
      ['r3', 'support', ['fruits'], 'reset'],
      ['r4', 'support', ['cornerstone'], 'foundation'],
      ['r5', 'attack', ['rhetoric'], 'foundation'],
      ['r6', 'undercut', ['empty-words'], 'r5'],
      ['r7', 'attack', ['institutions'], 'foundation'],
      ['r8', 'support', ['foundation'], 'more-trust'],
      ['r9', 'attack', ['foundation'], 'bypass'],
      ['r10', 'contradiction', ['secure'], 'foundation'],
      ['r11', 'undercut', ['summit-rhetoric'], 'r5'],
      ['r12', 'undercut', ['rhetoric'], 'r13'],
      ['r13', 'support', ['membership'], 'rhetoric-answer'],
    ]);
    expect(node(map, 'rhetoric')).toMatchObject({
      type: 'argument',
      title: 'Rhetoric',
      text: 'Architecture talk is enough.',
    });
    expect(node(map, 'membership')).toMatchObject({
      type: 'argument',
      text: 'Russia should simply join NATO.',
    });
    expect(validateMap(map).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads premise–conclusion structures: linked premises, steps, rules, typed inferences, undercuts', () => {
    const { map, problems } = fixture('reconstruction.argdown');
    expect(problems).toEqual([]);
    expect(node(map, 'foundation-argument')).toEqual({
      type: 'argument',
      id: 'foundation-argument',
      title: 'Foundation argument',
      text: 'Without trust there is no foundation for European security.',
      premises: ['trust-foundation', 'trust-missing'],
      conclusion: 'more-trust',
    });
    // A bare reconstruction is its inference, not a box: no node for <Mediation>, <No membership>, <Frozen>.
    expect(map.nodes.filter((n) => n.type === 'argument').map((n) => n.id)).toEqual(['foundation-argument']);
    expect(map.relations).toEqual([
      {
        id: 'foundation-argument-inference',
        type: 'support',
        from: ['trust-foundation', 'trust-missing'],
        to: 'more-trust',
      },
      {
        id: 'foundation-argument-conclusion',
        type: 'support',
        from: ['foundation-argument'],
        to: 'more-trust',
      },
      {
        id: 'mediation-step-1',
        type: 'support',
        from: ['mediation-builds-trust', 'transnistria-is-a-promising-first-case'],
        to: 'start-with-transnistria',
        extra: { uses: [1, 2], rule: 'Modus ponens' },
      },
      {
        id: 'mediation',
        type: 'support',
        from: ['start-with-transnistria', 'afghanistan'],
        to: 'joint-projects',
        extra: { rule: 'Generalisation' },
      },
      {
        id: 'no-membership',
        type: 'attack',
        from: ['independence'],
        to: 'join',
        tags: ['membership'],
        note: 'Trenin’s main reason.'.replace('’', "'"),
      },
      { id: 'r5', type: 'undercut', from: ['interests'], to: 'mediation' },
      { id: 'frozen', type: 'undercut', from: ['hotspots'], to: 'mediation' },
    ]);
  });

  it('reads headings as nested groups, reopens a repeated heading, and reads the front matter', () => {
    const { map, problems } = fixture('groups.argdown');
    expect(problems).toEqual([]);
    expect(map.title).toBe('Russia and NATO');
    expect(map.source).toEqual({
      title: 'Russia Suffers From a Security Deficit in Relations With NATO',
      author: 'Dmitri Trenin',
      date: '2010-11-23',
    });
    expect(map.extra).toEqual({ color: { colorScheme: 'iwanthue' } });
    expect(map.groups).toEqual([
      { id: 'trust', title: 'Trust', note: 'The diagnosis.' },
      { id: 'the-neighbours', title: 'The neighbours', parent: 'trust' },
      { id: 'join', title: 'Membership' },
    ]);
    expect(map.nodes.map((n) => [n.id, n.group])).toEqual([
      ['thesis', undefined],
      ['deficit', 'trust'],
      ['wary', 'the-neighbours'],
      ['no', 'join'],
      ['fears', 'the-neighbours'],
      ['cornerstone', 'trust'],
    ]);
    expect(edges(map.relations)).toEqual([
      ['r1', 'support', ['deficit'], 'thesis'],
      ['r2', 'support', ['cornerstone'], 'thesis'],
      ['r3', 'attack', ['no'], 'deficit'],
    ]);
  });
});

describe('Argdown reader: what Argdown files in the wild do', () => {
  const read = (text: string) => {
    const { map, problems } = parseArgdown(text);
    return { relations: edges(map.relations), nodes: map.nodes, problems };
  };

  it('relations under a numbered statement belong to it, and the reconstruction goes on', () => {
    expect(
      read('<A>\n\n(1) [P]: p\n    + [S]: s\n(2) [Q]: q\n----\n(3) [C]: c\n    -> [T]: t'),
    ).toMatchObject({
      problems: [],
      relations: [
        ['r1', 'support', ['s'], 'p'],
        ['a', 'support', ['p', 'q'], 'c'],
        ['r3', 'attack', ['c'], 't'],
      ],
    });
  });

  it('an undercut under an inference line attacks that inference', () => {
    expect(read('<A>\n\n(1) [P]: p\n----\n  <_ [U]: u\n(2) [C]: c')).toMatchObject({
      problems: [],
      relations: [
        ['r1', 'undercut', ['u'], 'a'],
        ['a', 'support', ['p'], 'c'],
      ],
    });
  });

  it('reads relation symbols written right before the element', () => {
    expect(read('[A]: a\n  +[B]: b\n  -<C>: c').relations).toEqual([
      ['r1', 'support', ['b'], 'a'],
      ['r2', 'attack', ['c'], 'a'],
    ]);
  });

  it('gives a reconstruction to the argument block before it, relations and all', () => {
    const { nodes, problems } = read('<A>: an argument\n  + [X]: x\n\n(1) [P]: p\n----\n(2) [C]: c');
    expect(problems).toEqual([]);
    expect(nodes.find((n) => n.id === 'a')).toMatchObject({ premises: ['p'], conclusion: 'c' });
  });

  it('reads each Markdown list item as a statement of its own, and a link at the start of a line as text', () => {
    const { nodes, problems } = read(
      'Intro text.\n\n  * first item\n  * second item\n    goes on\n\n1. one\n2. [Two]: two\n\n[here](https://example.org) is a link',
    );
    expect(problems).toEqual([]);
    expect(nodes.map((n) => [n.title ?? null, n.text])).toEqual([
      [null, 'Intro text.'],
      [null, 'first item'],
      [null, 'second item goes on'],
      [null, 'one'],
      ['Two', 'two'],
      [null, '[here](https://example.org) is a link'],
    ]);
  });

  it('a line of comments inside a relation tree does not end it (an empty line does)', () => {
    const text =
      '[A]: a\n  + [B]: b\n  // a note\n  - [C]: c\n/* a block\n   comment */\n    + [D]: d\n\n  + [E]: e';
    const { relations, problems } = read(text);
    expect(relations).toEqual([
      ['r1', 'support', ['b'], 'a'],
      ['r2', 'attack', ['c'], 'a'],
      ['r3', 'support', ['d'], 'c'],
    ]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [9, 'relation "+" has nothing to relate to: indent it under a statement or argument'],
    ]);
  });

  it('skips HTML comments, ends tags before punctuation, and takes longer === fences', () => {
    const { nodes, problems } = read(
      '====\ntitle: T\n====\n[A]: a <!-- note -->\n<!--\nblock\n-->\n[B]: b #key, more',
    );
    expect(problems).toEqual([]);
    expect(nodes).toEqual([
      { type: 'statement', id: 'a', title: 'A', text: 'a' },
      { type: 'statement', id: 'b', title: 'B', text: 'b , more', tags: ['key'] },
    ]);
    expect(parseArgdown('====\ntitle: T\n====\n').map.title).toBe('T');
  });

  it('reads ten thousand untitled statements with the same text in linear time (ids stay unique)', () => {
    const { map } = parseArgdown(
      ['[Root]: root', ...Array.from({ length: 10000 }, () => '  + I agree.')].join('\n'),
    );
    expect(new Set(map.nodes.map((n) => n.id)).size).toBe(10001);
    expect(map.nodes[10000]!.id).toBe('i-agree-10000');
  });

  it('writes text with a lone surrogate in data, so that the file stays valid text', () => {
    const map: ArgumentMap = {
      groups: [{ id: 'g', title: 'x\uD800' }],
      nodes: [
        { id: 'a', type: 'statement', text: 'x\uD800y', title: 't\uDC00', group: 'g', tags: ['k\uD800'] },
      ],
      relations: [],
    };
    const text = serialiseArgdown(map);
    expect(text).not.toMatch(/[\uD800-\uDFFF]/);
    expect(parseArgdown(text).map).toEqual(map);
  });
});

describe('Argdown reader: errors', () => {
  it('reports every error of a file at once, each at its line and column', () => {
    const { problems, map } = fixture('errors.argdown');
    expect(problems.map((p) => [p.line, p.column, p.severity, p.message])).toEqual([
      [1, 1, 'error', 'statement title is not closed: "]" expected'],
      [3, 1, 'error', 'empty title "[]"'],
      [5, 1, 'warning', '[Colon] is never given a text; its title stands for it'],
      [5, 8, 'error', '":" expected after [Colon] before its text'],
      [7, 20, 'error', 'tag "#(" is not closed: ")" expected'],
      [9, 27, 'warning', expect.stringMatching(/^data block is not valid YAML: .*; kept as written/)],
      [11, 3, 'error', 'relation "+" has nothing to relate to: indent it under a statement or argument'],
      [14, 3, 'error', 'only an argument can be undercut: [Statement] is a statement'],
      [16, 1, 'error', 'an inference line needs numbered premises above it'],
      [
        18,
        1,
        'error',
        'numbered statements need an inference line ("----") and a numbered conclusion after it',
      ],
      [22, 1, 'error', 'two inference lines in a row: a conclusion is missing'],
      [26, 1, 'error', 'the inference line must be followed by a numbered conclusion'],
      [
        29,
        3,
        'error',
        '<Bare> draws no inference to undercut: give it a premise–conclusion structure or a relation',
      ],
      [31, 1, 'error', 'comment "/*" is not closed by "*/"'],
    ]);
    // What could be read is kept: the good statements are there.
    expect(map.nodes.map((n) => n.id)).toContain('statement');
    expect(map.nodes.map((n) => n.id)).toContain('orphan');
  });

  it.each([
    [
      '===\ntitle: no end\n\n[A]: text\n',
      1,
      1,
      'front matter opened with "===" is not closed by another "===" line',
    ],
    [
      '===\ntitle: [unclosed\n===\n[A]: text\n',
      2,
      17,
      expect.stringMatching(/^front matter is not valid YAML/),
    ],
    ['===\n- a list\n===\n', 2, 1, 'front matter must be a YAML mapping'],
    ['===\nsource: 42\n===\n', 2, 1, expect.stringMatching(/^front matter \/source: /)],
    ['<A>\n\n(1) [P]: p\n--\nrule\n', 4, 1, 'inference opened with "--" is not closed by another "--" line'],
    ['[A]: a\n  + [B]: b {x: [1}\n', 2, 18, expect.stringMatching(/^data block is not valid YAML/)],
    [
      '<A>: a\n(1) [P]: p\n-- {type: rebut} --\n(2) [C]: c\n',
      3,
      1,
      'inference type must be support, attack, undercut, contradiction, entails or contrary, not "rebut"',
    ],
    [
      '(1) [P]: p\n-- {type: undercut} --\n(2) [C]: c\n',
      3,
      1,
      'an undercut concludes an argument (<Title>), whose inference it attacks',
    ],
    ['[A]: one\n\n[A]: two\n', 3, 1, '[A] is defined again with another text; the first is kept'],
    ['(2) [P]: p\n----\n(3) [C]: c\n', 1, 1, '(1) expected here, not (2)'],
    ['[A]: a {x: *nope}\n', 1, 8, expect.stringMatching(/^data block is not valid YAML: Unresolved alias/)],
    [
      '===\na: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n===\n',
      2,
      1,
      expect.stringMatching(/^front matter is not valid YAML: Excessive alias count/),
    ],
  ])('places %j', (text, line, column, message) => {
    const { problems } = parseArgdown(text);
    expect(problems).toContainEqual(expect.objectContaining({ line, column, message }));
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '[A]: a',
              '  + [B]',
              '<C>',
              '(1) x',
              '----',
              '--',
              '===',
              '# H',
              '/*',
              '*/',
              '  _ <C>',
              '{a: 1}',
            ),
          ),
          { maxLength: 12 },
        ),
        (lines) => {
          const result = parseArgdown(lines.join('\n'));
          expect(Array.isArray(result.problems)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('reads deep relation trees and long files without recursion', () => {
    const deep = [
      '[N0]: root',
      ...Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}+ [N${i + 1}]: n${i + 1}`),
    ];
    const { map, problems } = parseArgdown(deep.join('\n'));
    expect(problems).toEqual([]);
    expect(map.relations).toHaveLength(5000);
    expect(map.relations[4999]).toMatchObject({ from: ['n5000'], to: 'n4999' });
  });

  it('keeps a data key named __proto__ as plain data', () => {
    const { map } = parseArgdown('[A]: a {"__proto__": {"polluted": 1}}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(map.nodes[0]!.extra ?? {})).toEqual(['__proto__']);
  });
});

describe('Argdown round trips', () => {
  it('untitled boxes whose text starts like Argdown or Markdown syntax come back as they were', () => {
    const texts = [
      '1. first',
      '12. twelve',
      '* star',
      '[x](y) link',
      '+ plus',
      '- minus',
      '(1) numbered',
      '-- dashes --',
      '## hash',
      '<- arrow',
    ];
    const original: ArgumentMap = {
      groups: [],
      relations: [],
      nodes: texts.map((text, i) => ({ type: 'statement', id: `n${i}`, text })),
    };
    const back = parseArgdown(serialiseArgdown(original));
    expect(back.problems).toEqual([]);
    expect(back.map.nodes.map((n) => [n.title, n.text])).toEqual(texts.map((t) => [undefined, t]));
  });

  it('argmap → Argdown → argmap gives the map back (statements, relations with linked premises and undercuts, groups, tags)', () => {
    fc.assert(
      fc.property(arbitraryValidMap, (map) => {
        const text = serialiseArgdown(map);
        const read = parseArgdown(text);
        expect(read.problems).toEqual([]);
        expect(sameGroupsOrder(read.map)).toEqual(sameGroupsOrder(map));
        expect(serialiseArgdown(read.map)).toBe(text);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a group with no box of its own, under a group listed before another, is written back in its place', () => {
    // A regroup list names the groups depth first (g0, g2, g1), which is the order the map is read back in.
    const map: ArgumentMap = {
      groups: [
        { id: 'g0', title: 'trust' },
        { id: 'g1', title: 'trust' },
        { id: 'g2', title: '!', parent: 'g0' },
      ],
      nodes: [
        { id: 'n0', type: 'statement', text: 'trust', group: 'g0' },
        { id: 'n1', type: 'statement', text: '!' },
      ],
      relations: [],
    };
    const text = serialiseArgdown(map);
    const read = parseArgdown(text);
    expect(read.map.groups.map((g) => [g.id, g.parent])).toEqual([
      ['g0', undefined],
      ['g2', 'g0'],
      ['g1', undefined],
    ]);
    expect(serialiseArgdown(read.map)).toBe(text);
  });

  it('keeps line and paragraph separators in data (U+2028, U+2029) escaped: a reopened group keeps its title', () => {
    const map: ArgumentMap = {
      groups: [
        { id: 'g0', title: 'trust' },
        { id: 'g1', title: '\u2028x\u2029', parent: 'g0' },
      ],
      nodes: [
        { id: 'n0', type: 'statement', text: 'a', group: 'g1' },
        { id: 'n1', type: 'statement', text: 'b', group: 'g0' },
        { id: 'n2', type: 'statement', text: 'c', group: 'g1' },
      ],
      relations: [],
    };
    const text = serialiseArgdown(map);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    const read = parseArgdown(text);
    expect(read.problems).toEqual([]);
    expect(sameGroupsOrder(read.map)).toEqual(sameGroupsOrder(map));
  });

  it.each(['data/trenin-2010.argmap.json', 'data/example.argmap.json'])('gives %s back exactly', (path) => {
    const map = parseArgmapJson(readText(path)).map!;
    const read = parseArgdown(serialiseArgdown(map));
    expect(read.problems).toEqual([]);
    expect(sameGroupsOrder(read.map)).toEqual(sameGroupsOrder(map));
  });

  it('writes a relation\u2019s own id, tags and note as {relation: …} on its line of a tree, and reads them back', () => {
    const map: ArgumentMap = {
      groups: [],
      nodes: [
        { id: 'a', type: 'statement', title: 'A', text: 'a' },
        { id: 'b', type: 'statement', title: 'B', text: 'b' },
      ],
      relations: [
        { id: 'x7', type: 'attack', from: ['b'], to: 'a', tags: ['key'], note: 'n', extra: { w: 1 } },
      ],
    };
    const text = serialiseArgdown(map);
    expect(text).toContain('[A]\n  - [B] {relation: {"id":"x7","tags":["key"],"note":"n","w":1}}');
    const read = parseArgdown(text);
    expect(read.problems).toEqual([]);
    expect(read.map).toEqual(map);
  });

  it('writes plain relations as trees and an argument\u2019s linked premises as its premise–conclusion structure', () => {
    const text = serialiseArgdown(parseArgmapJson(readText('data/example.argmap.json')).map!);
    expect(text).toContain('[Car-free centre]: The city centre should be closed to private cars. #thesis');
    // Untitled boxes are named by the start of their text (docs/ARCHITECTURE.md, "Formats"). The linked
    // premises are the health argument's premises: its reconstruction, under its title.
    expect(text).toContain(
      '<The health argument>\n\n(1) [Air pollution in the centre…]\n(2) [Cars are the main source of the…]\n-- {id: r1} --\n(3) [Car-free centre]',
    );
    expect(text).not.toContain('premises:');
    expect(text).toContain('[Shops would lose the customers…]\n  - [Footfall rose in every city that…]');
    expect(text).toMatch(/^# Health$/m);
    expect(text).toMatch(/^## Retail \{"id":"retail","parent":"economy"\}$|^## Retail$/m);
  });
});
