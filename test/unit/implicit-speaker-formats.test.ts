import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import { readAifValue } from '../../src/core/formats/aif/parse.ts';
import { toAifJson } from '../../src/core/formats/aif/serialise.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { mapOf, readText, withoutOrigin } from './helpers.ts';

const interview = mapOf(readText('test/fixtures/speaker/interview.argmap.json'));
const fields = (map: ArgumentMap) =>
  map.nodes.map((node) => [node.id, node.implicit ?? null, node.speaker ?? null]);
const expected = [
  ['trust-first', null, null],
  ['membership', null, 'Interviewer'],
  ['no-agenda', null, null],
  ['no-agenda-no-answer', true, null],
  ['tools-not-partners', null, null],
];

describe('Argdown: implicit and speaker in the data block', () => {
  it('writes them as data of the statement and reads them back', () => {
    const text = serialiseArgdown(interview);
    expect(text).toContain('implicit: true}');
    expect(text).toContain('speaker: Interviewer');
    expect(text).toContain('interviewer: Valdai Club');
    const { map, problems } = parseArgdown(text);
    expect(problems).toEqual([]);
    expect(fields(map)).toEqual(expected);
    expect(map.nodes.every((node) => node.extra === undefined)).toBe(true);
    expect(map).toEqual(interview);
  });

  it("reads Argdown's own YAML form, and warns about values of the wrong type", () => {
    const { map, problems } = parseArgdown(
      '[A]: an unstated premise {implicit: true}\n[B]: a question {speaker: Interviewer}\n[C]: c {implicit: yes please, speaker: [x]}\n',
    );
    expect(fields(map)).toEqual([
      ['a', true, null],
      ['b', null, 'Interviewer'],
      ['c', null, null],
    ]);
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      '3:1: [C]: "implicit" should be true or false, not a string; it is left out',
      '3:1: [C]: "speaker" should be a string, not a list; it is left out',
    ]);
  });
});

describe('AIF: implicit premises as EN nodes, speakers as locutions of participants', () => {
  it('argmap → AIF → argmap keeps both fields', () => {
    const aif = toAifJson(interview);
    const again = readAifValue(JSON.parse(JSON.stringify(aif)));
    expect(again.problems).toEqual([]);
    expect(fields(again.map!)).toEqual(expected);
    expect(withoutOrigin(again.map!)).toEqual(interview);
    expect(toAifJson(again.map!)).toEqual(aif);
  });

  it('writes an implicit statement as an EN node', () => {
    const nodes = (toAifJson(interview).nodes as { nodeID: string; type: string }[]).filter(
      (node) => node.type === 'EN',
    );
    expect(nodes.map((node) => node.nodeID)).toEqual(['no-agenda-no-answer']);
  });
});

describe('AIF dialogue layer', () => {
  type Json = Record<string, unknown>;
  const ova3 = () => JSON.parse(readText('test/fixtures/aif/ova3.json')) as Json;
  const aifOf = (json: Json) =>
    (json.AIF ?? json) as { nodes: Json[]; edges: Json[]; locutions: Json[]; participants: Json[] };

  it('writes a speaker as a locution: L → YA → I, the locution naming a participant', () => {
    const aif = aifOf(toAifJson(interview));
    const l = aif.nodes.find((node) => node.type === 'L')!;
    const ya = aif.nodes.find((node) => node.type === 'YA')!;
    expect(l.text).toBe('Interviewer: NATO membership for Russia would answer the security deficit.');
    expect(ya.text).toBe('Asserting');
    const edges = aif.edges.map((edge) => [edge.fromID, edge.toID]);
    expect(edges).toContainEqual([l.nodeID, ya.nodeID]);
    expect(edges).toContainEqual([ya.nodeID, 'membership']);
    expect(aif.participants).toEqual([{ participantID: 1, firstname: 'Interviewer', surname: '' }]);
    expect(aif.locutions).toEqual([{ nodeID: l.nodeID, personID: 1 }]);
    // The dialogue layer says it all: the extension does not repeat it.
    expect(JSON.stringify(toAifJson(interview).argmap ?? {})).not.toContain('speaker');
  });

  it('reads the speaker from OVA3 locutions, and a new speaker of an OVA3 map reuses its participant', () => {
    const map = readAifValue(ova3()).map!;
    expect(map.nodes.find((node) => node.id === '2')?.speaker).toBe('Irina Volkova');
    const edited: ArgumentMap = {
      ...map,
      nodes: map.nodes.map((node) => (node.id === '5' ? { ...node, speaker: 'Irina Volkova' } : node)),
    };
    const again = toAifJson(edited);
    const aif = aifOf(again);
    expect(aif.participants).toHaveLength(1);
    expect(aif.locutions.map((locution) => locution.personID)).toEqual([1, 1]);
    expect(
      aif.nodes.filter((node) => node.type === 'L').every((node) => typeof node.nodeID === 'number'),
    ).toBe(true);
    const read = readAifValue(again).map!;
    expect(read.nodes.map((node) => node.speaker ?? null)).toEqual(
      edited.nodes.map((node) => node.speaker ?? null),
    );
  });

  it('a speaker changed or removed against the stored dialogue is said in the extension, and read back', () => {
    const map = readAifValue(ova3()).map!;
    const speakerOf2 = (speaker: string | undefined): ArgumentMap => ({
      ...map,
      nodes: map.nodes.map((node) => {
        if (node.id !== '2') return node;
        const { speaker: _old, ...rest } = node;
        return speaker === undefined ? rest : { ...rest, speaker };
      }),
    });
    for (const speaker of ['Fyodor Lukyanov', undefined]) {
      const json = toAifJson(speakerOf2(speaker));
      expect((json.argmap as { nodes: Json[] }).nodes).toEqual([{ id: '2', speaker: speaker ?? null }]);
      expect(readAifValue(json).map!.nodes[1]?.speaker).toBe(speaker);
    }
  });

  it('a statement marked not implicit stays so', () => {
    const map: ArgumentMap = {
      groups: [],
      nodes: [{ type: 'statement', id: 'a', text: 'A', implicit: false }],
      relations: [],
    };
    const json = toAifJson(map);
    expect(json.argmap).toEqual({ version: 1, nodes: [{ id: 'a', implicit: false }] });
    expect(withoutOrigin(readAifValue(json).map!)).toEqual(map);
  });
});
