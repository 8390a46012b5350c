import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate/evaluate.ts';
import { readAifValue } from '../../src/core/formats/aif/parse.ts';
import { toAifJson } from '../../src/core/formats/aif/serialise.ts';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { serialiseArgmap } from '../../src/core/formats/argmap-json/serialise.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import type { ArgumentMap, MapNode, Relation } from '../../src/core/model/types.ts';
import { renderSvg } from '../../src/core/render/svg.ts';
import { mapStats } from '../../src/core/stats.ts';
import { referenceSummary } from './argdown-summary.ts';
import { mapOf, withoutOrigin } from './helpers.ts';

/**
 * Argdown's strict mode (`model: {mode: strict}`) and its relation kinds, entails and contrary, through
 * every format and the drawing; and the front matter's `group: {regroup: […]}`.
 */

const edges = (map: ArgumentMap) => map.relations.map((r) => `${r.type} ${r.from.join('+')} → ${r.to}`);
const read = (text: string) => {
  const { map, problems } = parseArgdown(text);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return map;
};

const tree = `[A]: a holds.
  + [B]: b holds.
  - [C]: c holds.
  >< [D]: d holds.
  <- <Arg>: an argument.
  +> [E]: e holds.
<Arg>
  + [F]: f holds.
`;

describe('Argdown strict mode', () => {
  it('reads + and - between statements as entails and contrary, and leaves argument ends as they are', () => {
    expect(edges(read(`===\nmodel:\n  mode: strict\n===\n\n${tree}`))).toEqual([
      'entails b → a',
      'contrary c → a',
      'contradiction d → a',
      'attack arg → a',
      'entails a → e',
      'support f → arg',
    ]);
  });

  it('reads the same lines as support and attack in loose mode', () => {
    expect(edges(read(tree))).toEqual([
      'support b → a',
      'attack c → a',
      'contradiction d → a',
      'attack arg → a',
      'support a → e',
      'support f → arg',
    ]);
  });

  it("counts a reconstructed argument's outgoing relations as its conclusion's", () => {
    const text = `===\nmodel: {mode: strict}\n===\n\n<R>: r.\n\n(1) [P]: p.\n----\n(2) [Q]: q.\n\n<R>\n  -> [T]: t.\n`;
    const map = read(text);
    expect(edges(map)).toContain('contrary r → t');
    expect(referenceSummary(text).relations).toContain('contrary [Q] → [T]');
  });

  it('takes a type named in the relation data when it has the symbol’s polarity, and warns otherwise', () => {
    const text = `===\nmodel: {mode: strict}\n===\n\n[A]: a.\n  + [B]: b. {relation: {type: support}}\n  - [C]: c. {relation: {type: entails}}\n`;
    const { map, problems } = parseArgdown(text);
    expect(edges(map)).toEqual(['support b → a', 'contrary c → a']);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 7,
        message: 'relation type "entails" does not fit a attack line; read as contrary',
      }),
    ]);
  });

  it('leaves out an attack between statements that are contrary already, as the reference does', () => {
    const text = `===\nmodel: {mode: strict}\n===\n\n[A]: a.\n  - [B]: b.\n\n[B]\n  - [A]\n`;
    const { map, problems } = parseArgdown(text);
    expect(edges(map)).toEqual(['contrary b → a']);
    expect(referenceSummary(text).relations).toEqual(['contrary [B] → [A]']);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 9,
        message: expect.stringContaining('contrary already'),
      }),
    ]);
    // A map may hold both: the second is written with its type named, and so comes back.
    const both = {
      ...map,
      relations: [...map.relations, { id: 'r9', type: 'contrary', from: ['a'], to: 'b' }],
    };
    expect(read(serialiseArgdown(both as ArgumentMap))).toEqual(both);
    // In loose mode they are two attacks.
    expect(edges(read(text.replace('strict', 'loose')))).toEqual(['attack b → a', 'attack a → b']);
  });

  it('keeps no setting a strict map says by itself, and keeps the others', () => {
    const strict = read(`===\nmodel:\n  mode: strict\n  other: 1\n===\n\n[A]: a.\n  + [B]: b.\n`);
    expect(strict.extra).toEqual({ model: { other: 1 } });
    const noKinds = read(`===\nmodel:\n  mode: strict\n===\n\n[A]: a.\n  + <B>: b.\n`);
    expect(noKinds.extra).toEqual({ model: { mode: 'strict' } });
    expect(serialiseArgdown(noKinds)).toContain('model:\n  mode: strict');
  });
});

/** A map from JSON with every kind, and supports and attacks between statements beside the strict kinds. */
const mixed: ArgumentMap = mapOf(
  JSON.stringify({
    format: 'argmap',
    version: 1,
    nodes: ['t', 'a', 'b', 'c', 'd', 'e'].map((id) => ({ id, type: 'statement', text: `Claim ${id}.` })),
    relations: [
      { id: 'r1', type: 'entails', from: 'a', to: 't' },
      { id: 'r2', type: 'contrary', from: 'b', to: 't' },
      { id: 'r3', type: 'support', from: 'c', to: 't' },
      { id: 'r4', type: 'attack', from: 'd', to: 'a' },
      { id: 'r5', type: 'contradiction', from: 'e', to: 'b' },
      { id: 'r6', type: 'undercut', from: 'e', to: 'r3' },
    ],
  }),
);

describe('entails and contrary in every format', () => {
  it('are written in strict mode, which the reference reads as the same kinds, and read back the same', () => {
    const text = serialiseArgdown(mixed);
    expect(text).toMatch(/^===\nmodel:\n {2}mode: strict\n===/);
    const reference = referenceSummary(text);
    expect(reference.errors).toBe(0);
    expect(reference.relations).toEqual(
      expect.arrayContaining(['entails "Claim a." → "Claim t."', 'contrary "Claim b." → "Claim t."']),
    );
    expect(read(text)).toEqual(mixed);
  });

  it('round-trip through argmap JSON, and an unknown kind is an error at its pointer', () => {
    expect(parseArgmapJson(serialiseArgmap(mixed)).map).toEqual(mixed);
    const bad = JSON.stringify({
      format: 'argmap',
      version: 1,
      nodes: [
        { id: 'a', type: 'statement', text: 'A.' },
        { id: 'b', type: 'statement', text: 'B.' },
      ],
      relations: [{ id: 'r', type: 'entail', from: 'a', to: 'b' }],
    });
    expect(parseArgmapJson(bad).problems).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '/relations/0/type' }),
    ]);
  });

  it('are written to AIF as RA and CA nodes with the kind in the extension, and come back', () => {
    const aif = toAifJson(mixed) as {
      nodes: { nodeID: string; type: string }[];
      argmap: { relations: { id: string; kind?: string }[] };
    };
    const schemes = aif.nodes.filter((n) => n.type !== 'I').map((n) => n.type);
    expect(schemes.filter((t) => t === 'RA')).toHaveLength(2);
    expect(aif.argmap.relations).toEqual(
      expect.arrayContaining([
        { id: 'r1', kind: 'entails' },
        { id: 'r2', kind: 'contrary' },
      ]),
    );
    const { map, problems } = readAifValue(JSON.parse(JSON.stringify(aif)));
    expect(problems).toEqual([]);
    expect(withoutOrigin(map!).relations.map((r) => r.type)).toEqual(mixed.relations.map((r) => r.type));
  });

  it('are counted in the statistics only when the map has them', () => {
    expect(mapStats(mixed).relations).toEqual({
      support: 1,
      attack: 1,
      undercut: 1,
      contradiction: 1,
      entails: 1,
      contrary: 1,
    });
    const plain = { ...mixed, relations: mixed.relations.filter((r) => r.id === 'r4') };
    expect(Object.keys(mapStats(plain).relations)).toEqual([
      'support',
      'attack',
      'undercut',
      'contradiction',
    ]);
  });
});

describe('entails and contrary drawn and evaluated', () => {
  it('each has its own line class, colour and dashes, in the light, dark and print themes', () => {
    for (const theme of ['light', 'dark', 'print'] as const) {
      const svg = renderSvg(layoutMap(mixed), { theme });
      expect(svg).toMatch(/class="connector entails tree"/);
      expect(svg).toMatch(/class="connector contrary tree"/);
      const rule = (kind: string) => new RegExp(`\\.connector\\.${kind}\\{([^}]*)\\}`).exec(svg)?.[1];
      expect(rule('entails')).toMatch(/stroke-width:3(;|$)/);
      expect(rule('entails')).not.toMatch(/dasharray/);
      expect(rule('contrary')).toMatch(/stroke-dasharray:7 3 2 3 2 3/);
      expect(svg).toContain(`<marker id="arrow-entails"`);
      expect(svg).toContain(`<marker id="arrow-contrary"`);
      const dashes = ['support', 'attack', 'undercut', 'contradiction'].map(rule);
      expect(dashes).not.toContain(rule('entails'));
      expect(dashes).not.toContain(rule('contrary'));
    }
  });

  it('leave the pictures of maps without them as they were: no rules or arrowheads of theirs', () => {
    const plain = { ...mixed, relations: mixed.relations.filter((r) => r.type === 'support') };
    const svg = renderSvg(layoutMap(plain));
    expect(svg).not.toMatch(/entails|contrary/);
  });

  it('lays out entails as a reason and contrary as an objection, with their words', () => {
    const laidOut = layoutMap(mixed);
    const role = (id: string) => laidOut.nodes.find((n) => n.id === id)?.role;
    expect([role('a'), role('b')]).toEqual(['reason', 'objection']);
    const svg = renderSvg(laidOut);
    expect(svg).toContain('>entails<');
    expect(svg).toContain('>contrary to<');
  });

  it('evaluates entails as a support and contrary as a mutual attack', () => {
    // The same map with support and attack: entails gives what support gives.
    const node = (id: string): MapNode => ({ type: 'statement', id, text: id });
    const rel = (id: string, type: Relation['type'], from: string, to: string) =>
      ({ id, type, from: [from], to }) as Relation;
    const map: ArgumentMap = {
      groups: [],
      nodes: ['p', 'q', 'x', 'y'].map(node),
      relations: [rel('e', 'entails', 'p', 'q'), rel('c', 'contrary', 'x', 'y')],
    };
    const accepted = (...ids: string[]) => new Map(ids.map((id) => [id, 'accepted' as const]));
    const asSupport = { ...map, relations: [rel('e', 'support', 'p', 'q')] };
    expect(evaluate(map, accepted('p')).statements.get('q')).toBe('supported');
    expect(evaluate(asSupport, accepted('p')).statements.get('q')).toBe('supported');
    // Either side of a contrary, once accepted, defeats the other.
    expect(evaluate(map, accepted('x')).statements.get('y')).toBe('out');
    expect(evaluate(map, accepted('y')).statements.get('x')).toBe('out');
  });
});

describe('Argdown regroup', () => {
  const text = `===
group:
  groupDepth: 2
  regroup:
    - title: Costs
      statements: [Fees]
      children:
        - {title: Hidden, isClosed: true, statements: [Time]}
    - {title: Gains, arguments: [Safer]}
===

# Heading

[Reform]: The reform should pass.
  - [Fees]: Fees rise.
  + <Safer>: Streets get safer.
  - [Time]: Hours are lost.
[Loose]: Nobody placed this.
`;

  it('takes the groups from the sections it lists, not from the headings', () => {
    const map = read(text);
    expect(map.groups).toEqual([
      { id: 'costs', title: 'Costs' },
      { id: 'hidden', title: 'Hidden', parent: 'costs', extra: { isClosed: true } },
      { id: 'gains', title: 'Gains' },
    ]);
    expect(Object.fromEntries(map.nodes.map((n) => [n.id, n.group]))).toEqual({
      reform: undefined,
      fees: 'costs',
      safer: 'gains',
      time: 'hidden',
      loose: undefined,
    });
    // The other group settings are kept; regroup is what the groups now say.
    expect(map.extra).toEqual({ group: { groupDepth: 2 } });
  });

  it('is written back, where headings cannot say the groups, so that the reference reads the same sections', () => {
    const map = read(text);
    const written = serialiseArgdown(map);
    // [Loose], in no group, comes after a heading: for Argdown it would be in that heading's section.
    expect(written).toContain('  regroup:\n    - title: Costs\n      statements: [Fees]\n');
    // Group order follows first use in the text, as headings are written.
    const byId = (m: ArgumentMap) => ({
      ...m,
      groups: [...m.groups].sort((a, b) => a.id.localeCompare(b.id)),
    });
    expect(byId(read(written))).toEqual(byId(map));
    const sections = referenceSections(written);
    expect(sections).toEqual(referenceSections(text));
    expect(sections).toMatchObject({ Fees: 'Costs', Time: 'Hidden', Reform: undefined });
  });

  it('lists no title two boxes share: each says its group in its data', () => {
    const map: ArgumentMap = {
      groups: [{ id: 'g', title: 'G' }],
      nodes: [
        { id: 'a', type: 'statement', text: 'One.', title: 'Same', group: 'g' },
        { id: 'b', type: 'statement', text: 'Two.' },
        { id: 'c', type: 'statement', text: 'Three.', title: 'Same' },
      ],
      relations: [],
    };
    const written = serialiseArgdown(map);
    expect(written).toContain('regroup');
    expect(written).not.toContain('statements: [Same]');
    expect(read(written)).toEqual(map);
  });

  it('is not written where headings say the groups', () => {
    const map = read(text);
    const ordered = { ...map, nodes: [...map.nodes].sort((a, b) => (a.group ? 1 : 0) - (b.group ? 1 : 0)) };
    const written = serialiseArgdown(ordered);
    expect(written).not.toContain('regroup');
    expect(referenceSections(written)).toEqual(referenceSections(text));
  });

  it('reports a regroup that is not a list, and ignores it', () => {
    const { map, problems } = parseArgdown(`===\ngroup: {regroup: yes}\n===\n\n# H\n\n[A]: a.\n`);
    expect(map.groups.map((g) => g.title)).toEqual(['H']);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 2,
        message: 'front matter group.regroup must be a list of sections; it is ignored',
      }),
    ]);
  });
});

/** The section title of each statement as the reference's model gives it. */
function referenceSections(text: string): Record<string, string | undefined> {
  const { argdown } = createRequire(import.meta.url)('@argdown/core') as {
    argdown: {
      run(request: Record<string, unknown>): {
        statements: Record<string, { section?: { title?: string } | null }>;
      };
    };
  };
  const r = argdown.run({ process: ['parse-input', 'build-model'], input: text, logLevel: 'none' });
  return Object.fromEntries(Object.entries(r.statements).map(([t, s]) => [t, s.section?.title ?? undefined]));
}
