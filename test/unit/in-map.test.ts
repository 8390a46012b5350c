import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import {
  boxOfKey,
  reconstructionFold,
  toggledBox,
  toggledReconstruction,
} from '../../src/core/layout/folds.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { drawnPart } from '../../src/core/model/in-map.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { presentationSteps } from '../../src/core/presentation/steps.ts';
import { foldedOnOpen } from '../../src/ui/folded-on-open.ts';

const argdown = [
  '# A section',
  '',
  'Some prose that introduces the debate.',
  '',
  '[Claim]: The claim.',
  '  + [Reason]: A reason.',
  '',
  '[Aside]: A titled statement tied to nothing.',
  '',
  'Untitled, tied to nothing, but asked for. {isInMap: true}',
  '',
].join('\n');

describe('isInMap: boxes kept but not drawn', () => {
  it('marks the prose Argdown’s map leaves out: untitled statements tied to nothing, unless asked for', () => {
    const { map, problems } = parseArgdown(argdown);
    expect(problems).toEqual([]);
    const leftOut = map.nodes.filter((n) => n.extra?.isInMap === false).map((n) => n.text);
    expect(leftOut).toEqual(['Some prose that introduces the debate.']);
    expect(map.nodes.find((n) => n.text.startsWith('Untitled'))?.extra).toBeUndefined();
    const drawn = layoutMap(map).nodes.map((n) => n.id);
    expect(drawn.sort()).toEqual(['aside', 'claim', 'reason', 'untitled-tied-to-nothing-but-asked-for']);
  });

  it('draws a document without relations whole: a list of claims being written', () => {
    const { map } = parseArgdown('[A]: one\n\n[B]: two\n');
    expect(layoutMap(map).nodes).toHaveLength(2);
  });

  it('writes Argdown that reads back to the same marks, and says isInMap: true for a drawn loose box', () => {
    const { map } = parseArgdown(argdown);
    const written = serialiseArgdown(map);
    expect(written).not.toContain('isInMap: false');
    expect(parseArgdown(written).map).toEqual(map);
    const fromJson: ArgumentMap = {
      groups: [],
      nodes: [
        { type: 'statement', id: 'a', text: 'a' },
        { type: 'statement', id: 'b', text: 'b' },
        { type: 'statement', id: 'c', text: 'c' },
      ],
      relations: [{ id: 'r', type: 'support', from: ['b'], to: 'a' }],
    };
    const text = serialiseArgdown(fromJson);
    expect(text).toContain('c {isInMap: true}');
    expect(parseArgdown(text).map.nodes.map((n) => n.extra)).toEqual([undefined, undefined, undefined]);
  });

  it('leaves out the relations of a box not drawn, and the undercuts of those', () => {
    const map: ArgumentMap = {
      groups: [],
      nodes: [
        { type: 'statement', id: 'a', text: 'a' },
        { type: 'statement', id: 'b', text: 'b', extra: { isInMap: false } },
        { type: 'statement', id: 'c', text: 'c' },
        { type: 'statement', id: 'd', text: 'd' },
      ],
      relations: [
        { id: 'r1', type: 'support', from: ['b'], to: 'a' },
        { id: 'r2', type: 'undercut', from: ['c'], to: 'r1' },
        { id: 'r3', type: 'undercut', from: ['d'], to: 'r2' },
        { id: 'r4', type: 'attack', from: ['c'], to: 'a' },
      ],
    };
    const drawn = drawnPart(map);
    expect(drawn.nodes.map((n) => n.id)).toEqual(['a', 'c', 'd']);
    expect(drawn.relations.map((r) => r.id)).toEqual(['r4']);
    expect(presentationSteps(map).map((s) => s.focus)).toEqual(['a', 'c', 'd']);
  });

  it('keeps a linked premise drawn when its partner is left out, and the argument’s hold on it', () => {
    const map: ArgumentMap = {
      groups: [],
      nodes: [
        { type: 'statement', id: 'c', text: 'c' },
        { type: 'argument', id: 'arg', text: 'arg', premises: ['p', 'q'], conclusion: 'c' },
        { type: 'statement', id: 'p', text: 'p', extra: { isInMap: false } },
        { type: 'statement', id: 'q', text: 'q' },
      ],
      relations: [
        { id: 'inference', type: 'support', from: ['p', 'q'], to: 'c' },
        { id: 'gist', type: 'support', from: ['arg'], to: 'c' },
      ],
    };
    const drawn = drawnPart(map);
    expect(drawn.relations[0]).toMatchObject({ id: 'inference', from: ['q'] });
    expect(drawn.nodes[1]).toMatchObject({ premises: ['q'] });
    const laid = layoutMap(map);
    expect(laid.nodes.find((n) => n.id === 'q')?.parent).toBe('arg');
  });
});

describe('an argument holds its reconstruction', () => {
  it('hangs every step of a reconstruction under the argument, the argument under its conclusion', () => {
    const { map } = parseArgdown(
      [
        '<Gist>: The gist.',
        '',
        '(1) [P1]: first',
        '(2) [P2]: second',
        '----',
        '(3) [Step]: a step',
        '(4) [P3]: third',
        '----',
        '(5) [C]: the conclusion',
        '',
        '[C]',
        '  - [O]: an objection',
        '',
      ].join('\n'),
    );
    const parent = new Map(layoutMap(map).nodes.map((n) => [n.id, n.parent]));
    expect(Object.fromEntries(parent)).toEqual({
      c: undefined,
      gist: 'c',
      o: 'c',
      step: 'gist',
      p3: 'gist',
      p1: 'step',
      p2: 'step',
    });
  });
});

describe('an argument\u2019s reconstruction folded into its box', () => {
  const text = [
    '<Gist>: The gist.',
    '',
    '(1) first premise',
    '(2) second premise',
    '----',
    '(3) the conclusion',
    '',
    '<Gist>',
    '  - [O]: an objection to the argument',
    '',
    '<Titled>: Another.',
    '',
    '(1) [T]: a titled premise',
    '----',
    '(2) another conclusion',
    '',
  ].join('\n');
  const { map } = parseArgdown(text);

  it('hides the premises and what hangs under them, and keeps the argument\u2019s objections', () => {
    const open = layoutMap(map).nodes.map((n) => n.id);
    expect(open).toEqual(expect.arrayContaining(['first-premise', 'second-premise', 'o', 't']));
    const folded = layoutMap(map, { collapsed: new Set([reconstructionFold('gist')]) });
    const ids = folded.nodes.map((n) => n.id);
    expect(ids).not.toContain('first-premise');
    expect(ids).not.toContain('second-premise');
    expect(ids).toEqual(expect.arrayContaining(['gist', 'o', 'the-conclusion', 't']));
    expect(folded.nodes.find((n) => n.id === 'gist')).toMatchObject({ collapsed: true, hidden: 2 });
    // No line is left hanging from the hidden premises.
    const drawn = new Set(ids);
    for (const c of folded.connectors) for (const p of c.premises) expect(drawn.has(p)).toBe(true);
    expect(boxOfKey(reconstructionFold('gist'))).toBe('gist');
  });

  it('opens whole from its pill, and an open box collapses, other folds kept', () => {
    const fold = reconstructionFold('gist');
    expect([...toggledBox(new Set([fold, 'o']), 'gist')]).toEqual(['o']);
    expect([...toggledBox(new Set(['gist']), 'gist')]).toEqual([]);
    expect([...toggledBox(new Set(['o']), 'gist')]).toEqual(['o', 'gist']);
    // The premises alone: folded, then shown again; a collapsed box opens to its objections.
    expect([...toggledReconstruction(new Set(['o']), 'gist')]).toEqual(['o', fold]);
    expect([...toggledReconstruction(new Set([fold, 'o']), 'gist')]).toEqual(['o']);
    expect([...toggledReconstruction(new Set(['gist']), 'gist')]).toEqual([fold]);
  });

  it('is how a map read from Argdown opens, where Argdown\u2019s map would hide every premise', () => {
    expect(foldedOnOpen({ map, format: 'argdown' })).toEqual(['gist']);
    expect(foldedOnOpen({ map, format: 'argmap' })).toEqual([]);
  });
});

describe('a box named and nothing more', () => {
  it('says its name once', () => {
    const { map } = parseArgdown('<Named>\n  - [O]: o\n\n(1) [P]: p\n----\n(2) [C]: c\n');
    const named = layoutMap(map).nodes.find((n) => n.id === 'named');
    expect(map.nodes.find((n) => n.id === 'named')).toMatchObject({ title: 'Named', text: 'Named' });
    expect(named).toMatchObject({ titleLines: [], textLines: ['Named'] });
  });
});
