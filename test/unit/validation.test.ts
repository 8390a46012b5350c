import { describe, expect, it } from 'vitest';
import { loadMapText } from '../../src/core/load.ts';
import type { ProblemCode } from '../../src/core/problems.ts';
import { readText } from './helpers.ts';

/** One fixture per kind of problem: the code, where it is, and a word the message must contain. */
const cases: [file: string, code: ProblemCode, pointer: string | undefined, line: number, word: string][] = [
  ['syntax-trailing-comma', 'syntax', undefined, 6, 'trailing comma'],
  ['syntax-unclosed', 'syntax', undefined, 5, "expected ',' or '}'"],
  ['schema-format', 'schema', '/format', 2, 'not an argmap file'],
  ['schema-version', 'schema', '/version', 2, 'version'],
  ['schema-wrong-type', 'schema', '/nodes/0/text', 4, 'must be a string, not a number'],
  ['schema-missing-text', 'schema', '/nodes/0/text', 4, 'missing required "text"'],
  ['unknown-node-type', 'unknown-type', '/nodes/0/type', 4, '"claim"'],
  ['unknown-relation-type', 'unknown-type', '/relations/0/type', 8, '"rebuts"'],
  ['duplicate-node-id', 'duplicate-id', '/nodes/1/id', 5, 'duplicate node id "a"'],
  ['duplicate-relation-id', 'duplicate-id', '/relations/0/id', 8, 'a node already has it'],
  ['missing-premise', 'missing-node', '/relations/0/from/1', 7, 'no node "ghost"'],
  ['missing-target', 'missing-node', '/relations/0/to', 7, 'no node "nowhere"'],
  ['undercut-to-node', 'undercut-target', '/relations/0/to', 8, 'attacks a relation'],
  ['undercut-missing-relation', 'missing-relation', '/relations/0/to', 8, 'no relation "r9"'],
  ['empty-text', 'empty-text', '/nodes/0/text', 4, 'has no text'],
  ['unknown-group', 'unknown-group', '/nodes/0/group', 5, 'unknown group "h"'],
  ['tour-missing-node', 'missing-node', '/tour/0/focus', 6, 'no node "zz"'],
];

describe('validation reports each kind of problem with its place', () => {
  it.each(cases)('%s → %s', async (file, code, pointer, line, word) => {
    const loaded = await loadMapText(readText(`test/fixtures/invalid/${file}.json`));
    expect(loaded.valid).toBe(false);
    const problem = loaded.problems.find((p) => p.code === code);
    expect(problem, JSON.stringify(loaded.problems)).toBeDefined();
    expect(problem?.severity).toBe('error');
    expect(problem?.pointer).toBe(pointer);
    expect(problem?.line).toBe(line);
    expect(problem?.column).toBeGreaterThan(0);
    expect(problem?.message).toContain(word);
  });

  it('reports a quote that is not in the source text as a warning naming the node', async () => {
    const loaded = await loadMapText(readText('test/fixtures/invalid/quote-not-found.json'));
    expect(loaded.valid).toBe(true);
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'quote-not-found',
        nodeId: 'a',
        pointer: '/nodes/0/quote',
      }),
    ]);
    expect(loaded.problems[0]?.message).toContain('"a"');
  });

  it('names a box the tour lacks once, with every step that shows it, at its first mention', async () => {
    const map = {
      format: 'argmap',
      version: 1,
      nodes: [{ id: 'a', type: 'statement', text: 'A.' }],
      tour: [
        { focus: 'a', show: ['a'] },
        { focus: 'gone', show: ['a', 'gone'] },
        { focus: 'a', show: ['a', 'gone'] },
        { focus: 'a', show: ['a', 'gone'] },
      ],
    };
    const loaded = await loadMapText(JSON.stringify(map, null, 2));
    const missing = loaded.problems.filter((p) => p.code === 'missing-node');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({
      pointer: '/tour/1/focus',
      message: 'tour steps 2, 3 and 4: no node "gone"',
    });
  });

  it('warns about a node that supports itself', async () => {
    const loaded = await loadMapText(readText('test/fixtures/invalid/self-support.json'));
    expect(loaded.valid).toBe(true);
    expect(loaded.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'self-relation']]);
  });

  it('reports every problem of a file at once', async () => {
    const text = JSON.stringify({
      format: 'argmap',
      version: 1,
      nodes: [
        { id: 'a', type: 'statement', text: '' },
        { id: 'b', type: 'opinion', text: 'B' },
        { id: 'c', type: 'statement', text: 'C', group: 'nope' },
      ],
      relations: [
        { id: 'r1', type: 'support', from: 'c', to: 'x' },
        { id: 'r2', type: 'undercut', from: 'c', to: 'a' },
      ],
    });
    const codes = (await loadMapText(text)).problems.map((p) => p.code).sort();
    expect(codes).toEqual(['empty-text', 'missing-node', 'undercut-target', 'unknown-group', 'unknown-type']);
  });

  it('reads an unreadable source text file as a warning, not a failure', async () => {
    const text = JSON.stringify({
      format: 'argmap',
      version: 1,
      source: { textFile: 'gone.txt' },
      nodes: [{ id: 'a', type: 'statement', text: 'A', quote: 'A' }],
    });
    const loaded = await loadMapText(text, async () => undefined);
    expect(loaded.valid).toBe(true);
    expect(loaded.problems).toEqual([
      expect.objectContaining({ code: 'no-source-text', pointer: '/source/textFile' }),
    ]);
  });

  it('keeps the valid elements of a file whose other elements are broken', async () => {
    const text = JSON.stringify({
      format: 'argmap',
      version: 1,
      nodes: [{ id: 'a', type: 'statement', text: 'A' }, { id: 7 }],
    });
    const loaded = await loadMapText(text);
    expect(loaded.valid).toBe(false);
    expect(loaded.map?.nodes.map((n) => n.id)).toEqual(['a']);
  });
});
