import { describe, expect, it } from 'vitest';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { serialiseArgmap } from '../../src/core/formats/argmap-json/serialise.ts';
import { argmapJsonSchema } from '../../src/core/formats/argmap-json/schema.ts';
import { shownSpeaker, speakerOf } from '../../src/core/model/speaker.ts';
import type { MapNode } from '../../src/core/model/types.ts';
import { searchNodes } from '../../src/core/search.ts';
import { mapStats } from '../../src/core/stats.ts';
import { validateMap } from '../../src/core/validate/validate-map.ts';
import { mapOf, readText } from './helpers.ts';
import { cli } from './run-cli.ts';

const fixture = 'test/fixtures/speaker/interview.argmap.json';
const withNode = (node: Record<string, unknown>, source: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'argmap',
    version: 1,
    source,
    nodes: [{ type: 'statement', id: 'a', text: 'A', ...node }],
  });

describe('argmap JSON: implicit statements, speakers and the interviewer', () => {
  it('reads and writes the three fields as model fields, not unknown keys', () => {
    const map = mapOf(readText(fixture));
    expect(map.source?.interviewer).toBe('Valdai Club');
    const byId = new Map(map.nodes.map((node) => [node.id, node]));
    expect(byId.get('membership')).toMatchObject({ speaker: 'Interviewer' });
    expect(byId.get('membership')?.extra).toBeUndefined();
    expect(byId.get('no-agenda-no-answer')).toMatchObject({ implicit: true });
    expect(byId.get('no-agenda-no-answer')?.extra).toBeUndefined();
    expect(byId.get('trust-first')?.implicit).toBeUndefined();
    const again = JSON.parse(serialiseArgmap(map)) as { nodes: Record<string, unknown>[]; source: object };
    expect(again.nodes[1]).toEqual({
      type: 'statement',
      id: 'membership',
      text: 'NATO membership for Russia would answer the security deficit.',
      quote: 'Is NATO membership for Russia the answer to the security deficit?',
      speaker: 'Interviewer',
    });
    expect(again.nodes[3]?.implicit).toBe(true);
    expect(again.source).toMatchObject({ author: 'Dmitri Trenin', interviewer: 'Valdai Club' });
    expect(parseArgmapJson(serialiseArgmap(map)).map).toEqual(map);
  });

  it.each<[string, string, string]>([
    ['implicit as a string', withNode({ implicit: 'yes' }), '/nodes/0/implicit'],
    ['a speaker that is a number', withNode({ speaker: 7 }), '/nodes/0/speaker'],
    ['an interviewer that is a list', withNode({}, { interviewer: ['x'] }), '/source/interviewer'],
  ])('refuses %s with its JSON pointer', (_name, text, pointer) => {
    const { problems } = parseArgmapJson(text);
    expect(problems.map((p) => [p.severity, p.pointer])).toEqual([['error', pointer]]);
    expect(problems[0]?.message).toMatch(/must be a (boolean|string)/);
  });

  it('the shipped JSON Schema names the fields', () => {
    const text = JSON.stringify(argmapJsonSchema());
    for (const key of ['"implicit"', '"speaker"', '"interviewer"']) expect(text).toContain(key);
    expect(readText('static/schema/argmap-1.schema.json')).toContain('"interviewer"');
  });
});

describe('validation and counts', () => {
  it('counts implicit statements apart from quotes', () => {
    const map = mapOf(readText(fixture));
    const stats = mapStats(map, map.source?.text);
    expect(stats.implicit).toBe(1);
    expect(stats.quotes).toEqual({ total: 4, verified: 4 });
    expect(Object.keys(stats).at(-1)).toBe('implicit');
    expect(validateMap(map, { sourceText: map.source?.text })).toEqual([]);
    expect(mapStats({ groups: [], nodes: [], relations: [] })).not.toHaveProperty('implicit');
  });

  it('warns about an implicit statement that has a quote, at the quote', () => {
    const map = mapOf(withNode({ implicit: true, quote: 'A' }, { text: 'A' }));
    expect(validateMap(map, { sourceText: 'A' })).toEqual([
      {
        severity: 'warning',
        code: 'implicit-quoted',
        pointer: '/nodes/0/quote',
        nodeId: 'a',
        message: 'node "a" is implicit (unstated in the text) but has a quote; drop one of the two',
      },
    ]);
    expect(validateMap(mapOf(withNode({ implicit: false, quote: 'A' })), { sourceText: 'A' })).toEqual([]);
  });

  it('argmap validate prints the implicit count; stats --json reports it', async () => {
    const run = await cli(['validate', fixture]);
    expect(run).toMatchObject({
      code: 0,
      stdout: `${fixture}: valid: 5 statements, 3 relations, 1 implicit, 4/4 quotes verified\n`,
    });
    const stats = await cli(['stats', '--json', fixture]);
    expect(stats.stdout.endsWith('"quotes":{"total":4,"verified":4},"implicit":1}\n')).toBe(true);
    expect((await cli(['stats', fixture])).stdout).toMatch(/^implicit +1$/m);
  });
});

describe('search', () => {
  it("finds the interviewer's claims by their speaker", () => {
    const hits = searchNodes(mapOf(readText(fixture)), 'interviewer');
    expect(hits.map((hit) => [hit.id, hit.field, hit.context.match])).toEqual([
      ['membership', 'speaker', 'Interviewer'],
    ]);
  });
});

describe('who speaks', () => {
  const node = (speaker?: string): MapNode => ({
    type: 'statement',
    id: 'a',
    text: 'A',
    ...(speaker !== undefined ? { speaker } : {}),
  });
  const source = { author: 'Dmitri Trenin' };

  it('the box names a speaker only when it is not the source’s author', () => {
    expect(shownSpeaker(node('Interviewer'), source)).toBe('Interviewer');
    expect(shownSpeaker(node(' Dmitri Trenin '), source)).toBeUndefined();
    expect(shownSpeaker(node(), source)).toBeUndefined();
    expect(shownSpeaker(node('  '), source)).toBeUndefined();
    expect(shownSpeaker(node('Interviewer'), undefined)).toBe('Interviewer');
  });

  it('Details name the speaker, else the author, else no one', () => {
    expect(speakerOf(node('Interviewer'), source)).toBe('Interviewer');
    expect(speakerOf(node(), source)).toBe('Dmitri Trenin');
    expect(speakerOf(node(), undefined)).toBeUndefined();
  });
});
