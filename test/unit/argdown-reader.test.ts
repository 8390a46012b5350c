import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../../src/core/formats/argdown/line-tokens.ts';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { readDocument } from '../../src/core/formats/argdown/read.ts';
import { sourceLines, type SourceProblem } from '../../src/core/formats/argdown/source-lines.ts';

/** The line reader's pieces: the tokens lines become, and how the modes carry what a line leaves open. */

const read = (text: string) => {
  const problems: SourceProblem[] = [];
  const doc = readDocument(sourceLines(text, problems), problems);
  return { doc, problems: problems.map((p) => `${p.line}:${p.column} ${p.message}`) };
};
const edges = (text: string) => parseArgdown(text).map.relations.map((r) => [r.id, r.type, r.from, r.to]);

describe('Argdown line tokens', () => {
  it('tells the kinds of line apart by how they start', () => {
    const kind = (raw: string) => tokenizeLine(raw, 1).kind;
    expect(kind('   ')).toBe('blank');
    expect(kind('## Title')).toBe('heading');
    expect(kind('  ## Title')).toBe('text');
    expect(kind('#tag only')).toBe('text');
    expect(kind('(12) [P]')).toBe('numbered');
    expect(kind('----')).toBe('inference');
    expect(kind('<+ [A]')).toBe('relation');
    expect(kind('+[A]')).toBe('relation');
    expect(kind('+x')).toBe('text');
    expect(kind('<A>: a')).toBe('text');
    expect(kind('- text')).toBe('relation');
  });

  it('places the element after a symbol or a number, and measures indents with tabs as four', () => {
    expect(tokenizeLine('\t<+  [A]: a', 7)).toEqual({
      kind: 'relation',
      line: 7,
      column: 2,
      indent: 4,
      content: '<+  [A]: a',
      symbol: '<+',
      element: '[A]: a',
      elementColumn: 6,
      bare: false,
    });
    expect(tokenizeLine('  (3)[C]', 2)).toMatchObject({
      kind: 'numbered',
      number: 3,
      element: '[C]',
      elementColumn: 6,
    });
    expect(tokenizeLine('_', 1)).toMatchObject({ kind: 'relation', symbol: '_', element: '', bare: true });
  });

  it('reads the forms of an inference line', () => {
    const form = (raw: string) => tokenizeLine(raw, 1);
    expect(form('-----')).toMatchObject({ form: 'dashes' });
    expect(form('--')).toMatchObject({ form: 'opens-lines' });
    expect(form('-- modus ponens {id: i} --')).toMatchObject({
      form: 'one-line',
      body: ' modus ponens {id: i} ',
    });
    // Argdown closes it with two dashes or more; the data block ends before them.
    expect(form('-- rule {uses: [1, 2], o: {a: {b: c}}} -----')).toMatchObject({
      form: 'one-line',
      body: ' rule {uses: [1, 2], o: {a: {b: c}}} ',
    });
    expect(form('-- modus ponens')).toMatchObject({ form: 'malformed' });
  });
});

describe('Argdown line reader modes', () => {
  it('a reconstruction after a blank line reconstructs the argument of the block above, not after a heading', () => {
    expect(read('<A>: a\n\n(1) [P]: p\n----\n(2) [C]: c').doc.entries[0]!.steps).toHaveLength(1);
    const afterHeading = read('<A>: a\n# H\n(1) [P]: p\n----\n(2) [C]: c').doc;
    expect(afterHeading.entries[0]!.steps).toHaveLength(0);
    expect(
      afterHeading.entries.find((e) => e.kind === 'argument' && e.title === undefined)?.steps,
    ).toHaveLength(1);
  });

  it('a relation with nothing to relate to keeps the argument above for a reconstruction below it', () => {
    const { doc, problems } = read('<A>: a\n\n+ [X]: x\n(1) [P]: p\n----\n(2) [C]: c');
    expect(problems).toEqual([
      '3:1 relation "+" has nothing to relate to: indent it under a statement or argument',
    ]);
    expect(doc.entries.find((e) => e.title === 'A')!.steps).toHaveLength(1);
  });

  it('undercuts belong to an inference line when indented past its first column', () => {
    expect(edges('<A>\n\n(1) [P]: p\n----\n _ [U]: u\n(2) [C]: c')[0]).toEqual([
      'r1',
      'undercut',
      ['u'],
      'a',
    ]);
    const sameColumn = parseArgdown('<A>\n\n(1) [P]: p\n  ----\n  _ [U]: u\n(2) [C]: c');
    expect(sameColumn.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toContain(
      '5:3 relation "_" has nothing to relate to: indent it under a statement or argument',
    );
  });

  it('an inference over several lines takes every line up to "--", and goes back to its reconstruction', () => {
    const { doc, problems } = read('<A>\n\n(1) [P]: p\n--\nmodus\n\nponens {id: i}\n--\n(2) [C]: c');
    expect(problems).toEqual([]);
    expect(doc.entries[0]!.steps[0]).toMatchObject({ rule: 'modus ponens', data: { id: 'i' } });
    expect(read('(1) [P]: p\n--\n{bad: [}\n--\n(2) [C]: c').problems[0]).toMatch(/^2:1 /);
    expect(read('(1) [P]: p\n--\nrule').problems).toEqual([
      '2:1 inference opened with "--" is not closed by another "--" line',
      '1:1 numbered statements need an inference line ("----") and a numbered conclusion after it',
    ]);
  });

  it('a numbered line that cannot be read leaves the text above open to go on', () => {
    const { doc } = read('<A>: an argument\n(1) [P\nthat goes on');
    expect(doc.entries[0]!.texts[0]!.text).toBe('an argument that goes on');
  });

  it('a heading wrapped over several lines takes them all; an element or an empty line ends it', () => {
    const read = parseArgdown('# Costs of the\nreform {note: n}\n[A]: a\n\n# B\n\nText.\n');
    expect(read.problems).toEqual([]);
    expect(read.map.groups.map((g) => [g.title, g.note])).toEqual([
      ['Costs of the reform', 'n'],
      ['B', undefined],
    ]);
    expect(read.map.nodes.map((n) => n.text)).toEqual(['a', 'Text.']);
  });

  it('a heading with {isGroup: false} is no group: what is under it is in the group around it', () => {
    const read = parseArgdown('# Costs\n\n## Aside {isGroup: false}\n\n[A]: a\n\n### Detail\n\n[B]: b\n');
    expect(read.problems).toEqual([]);
    expect(read.map.groups.map((g) => [g.id, g.parent])).toEqual([
      ['costs', undefined],
      ['detail', 'costs'],
    ]);
    expect(read.map.nodes.map((n) => n.group)).toEqual(['costs', 'detail']);
  });

  it('a definition whose colon ends the line takes its text from the lines below', () => {
    const read = parseArgdown('<Arg>:\nIts text\non two lines.\n  + [A]:\n    a text\n\n[A]: a text\n');
    expect(read.problems).toEqual([]);
    expect(read.map.nodes.map((n) => [n.type, n.title, n.text])).toEqual([
      ['argument', 'Arg', 'Its text on two lines.'],
      ['statement', 'A', 'a text'],
    ]);
    expect(read.map.relations.map((r) => [r.from, r.to])).toEqual([[['a'], 'arg']]);
  });

  it('an element line ends a reconstruction; text and relations go on with it', () => {
    const { doc, problems } = read('(1) [P]: p\nmore\n  + [S]: s\n----\n(2) [C]: c\n[D]: d');
    expect(problems).toEqual([]);
    expect(doc.entries.find((e) => e.title === 'P')!.texts[0]!.text).toBe('p more');
    expect(doc.relations.map((r) => r.kind)).toEqual(['tree', 'inference']);
  });
});
