import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { cli } from './run-cli.ts';

const messages = (text: string) =>
  parseArgdown(text).problems.map((p) => `${p.line}:${p.column}: ${p.severity}: ${p.message}`);

describe('Argdown data of the wrong type', () => {
  it('warns, at the box, about each known key with a value of the wrong type', () => {
    const text = '// a map\n[A]: a text {id: 5, title: [1,2], quote: {x: 1}, tags: "x", note: null}\n';
    expect(messages(text)).toEqual([
      '2:1: warning: [A]: "id" should be a string, not a number (5); it is left out',
      '2:1: warning: [A]: "title" should be a string, not a list; it is left out',
      '2:1: warning: [A]: "quote" should be a string, not a mapping; it is left out',
      '2:1: warning: [A]: "note" should be a string, not null; it is left out',
      '2:1: warning: [A]: "tags" should be a list of strings, like [a, b], not a string; it is left out',
    ]);
    const node = parseArgdown(text).map.nodes[0]!;
    expect(node).toMatchObject({ id: 'a', text: 'a text' });
    expect(node).not.toHaveProperty('quote');
  });

  it('counts the items of a list that are not strings', () => {
    expect(messages('[A]: a {tags: [x, 1, true]}\n')).toEqual([
      '1:1: warning: [A]: "tags" should be a list of strings; 2 items that are not strings are left out',
    ]);
    expect(parseArgdown('[A]: a {tags: [x, 1, true]}\n').map.nodes[0]!.tags).toEqual(['x']);
  });

  it('warns about an inference\u2019s data too', () => {
    expect(messages('<A>\n\n(1) p\n-- {note: 3} --\n(2) q\n')).toContain(
      '4:1: warning: inference: "note" should be a string, not a number (3); it is left out',
    );
  });

  it('warns about a heading\u2019s data too', () => {
    expect(messages('# Reset {id: 3, note: [x]}\n\n[A]: a\n')).toEqual([
      '1:1: warning: heading "Reset": "id" should be a string, not a number (3); it is left out',
      '1:1: warning: heading "Reset": "note" should be a string, not a list; it is left out',
    ]);
  });

  it('well-typed data gives no warning', () => {
    expect(messages('[A]: a {id: a1, title: T, quote: q, tags: [x, y], note: n}\n')).toEqual([]);
  });

  it('validate counts them as warnings: the map stays valid', async () => {
    const run = await cli(['validate', '-'], '[A]: a text {id: 5, note: null}\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('<stdin>:1:1: warning: [A]: "id" should be a string, not a number (5)');
    expect(run.stdout).toContain('2 warnings');
  });
});

describe('an unclosed data block', () => {
  it('is a located error, not words of the box', () => {
    expect(messages('[A]: a text {key: [1, 2\n')).toEqual([
      '1:13: error: data block "{" is not closed: "}" expected at the end of the line',
    ]);
    expect(parseArgdown('[A]: a text {key: [1, 2\n').map.nodes[0]!.text).toBe('a text');
    expect(messages('[A]: a text {"key": 1\n')[0]).toContain('data block "{" is not closed');
  });

  it('leaves a brace in prose alone', () => {
    expect(messages('[A]: the set {a, b\n')).toEqual([]);
    expect(parseArgdown('[A]: the set {a, b\n').map.nodes[0]!.text).toBe('the set {a, b');
  });
});

describe('an unterminated front matter', () => {
  it('is a located error', async () => {
    const run = await cli(['validate', '-'], '===\ntitle: T\n\n[A]: a text\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '<stdin>:1:1: front matter opened with "===" is not closed by another "===" line',
    );
  });
});
