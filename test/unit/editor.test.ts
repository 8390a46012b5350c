import { EditorState, Text } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { highlightTree, tags, tagHighlighter } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { serialiseArgdown } from '../../src/core/formats/argdown/serialise.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { loadMapText } from '../../src/core/load.ts';
import { argdown } from '../../src/ui/editor/argdown-language.ts';
import { diagnostics } from '../../src/ui/editor/code-editor.ts';
import { nodeOnLine } from '../../src/ui/editor/node-on-line.ts';
import { readText } from './helpers.ts';

const text = `# Trust
[More trust]: There needs to be more trust. #key
  + [Deficit]: Russia suffers from a security deficit.
  - <Rhetoric>: Talk is cheap.

[Deficit]
  + Missile defence worries Moscow.
`;

describe('editor: from a line of text to its box', () => {
  it('finds the node defined on a line, then one named by title on it', async () => {
    const loaded = await loadMapText(text, undefined, { fileName: 'x.argdown' });
    expect(loaded.valid).toBe(true);
    const lines = text.split('\n');
    const on = (line: number) => nodeOnLine(loaded.map!, loaded.definitions, lines[line - 1]!, line);
    expect(on(2)).toBe('more-trust');
    expect(on(3)).toBe('deficit');
    expect(on(4)).toBe('rhetoric');
    // A reference on a line of its own, and an untitled statement's line.
    expect(on(6)).toBe('deficit');
    expect(loaded.map!.nodes.find((n) => n.id === on(7))?.text).toBe('Missile defence worries Moscow.');
    // An argument named after a relation symbol.
    expect(nodeOnLine(loaded.map!, loaded.definitions, '  <- <Rhetoric>', 999)).toBe('rhetoric');
    expect(on(1)).toBeUndefined();
    expect(on(5)).toBeUndefined();
  });

  it('finds nodes the Argdown writer names by id (nodes without a title)', async () => {
    const trenin = parseArgmapJson(readText('data/trenin-2010.argmap.json')).map!;
    const written = serialiseArgdown(trenin);
    const loaded = await loadMapText(written, undefined, { fileName: 'trenin.argdown' });
    const untitled = trenin.nodes.find((n) => n.title === undefined)!;
    expect(nodeOnLine(loaded.map!, loaded.definitions, `  + [${untitled.id}]`, 100_000)).toBe(untitled.id);
    // Every node's definition is on a line that leads back to it.
    const lines = written.split('\n');
    for (const node of trenin.nodes) {
      const at = loaded.definitions!.get(node.id)!;
      expect(nodeOnLine(loaded.map!, loaded.definitions, lines[at.line - 1]!, at.line)).toBe(node.id);
    }
  });
});

describe('editor: problems underlined in the text', () => {
  const doc = Text.of(['[Open title', '', '  + [B]: text', 'end']);
  it('underlines the word or title at line:column, and something on empty lines and line ends', () => {
    const found = diagnostics(doc, [
      { severity: 'error', code: 'syntax', message: 'unclosed', line: 1, column: 1 },
      { severity: 'warning', code: 'syntax', message: 'empty', line: 2, column: 1 },
      { severity: 'error', code: 'syntax', message: 'title', line: 3, column: 5 },
      { severity: 'error', code: 'syntax', message: 'at end', line: 4, column: 4 },
      { severity: 'error', code: 'syntax', message: 'beyond', line: 99, column: 99 },
      { severity: 'error', code: 'syntax', message: 'no place' },
    ]);
    const slice = (d: { from: number; to: number }) => doc.sliceString(d.from, d.to);
    expect(found.map(slice)).toEqual(['[Open title', '', '[B]', 'd', 'd']);
    expect(found.map((d) => d.severity)).toEqual(['error', 'warning', 'error', 'error', 'error']);
  });
});

describe('editor: Argdown highlighting', () => {
  it('marks headings, titles, relation symbols, tags, data, inference lines and comments', () => {
    const source = [
      '===',
      'title: Map',
      '===',
      '# Heading',
      '[A]: text #tag {note: "x"} // comment',
      '  + <B>: more',
      '(1) [P]',
      '----',
      '/* block',
      'comment */',
    ].join('\n');
    const state = EditorState.create({ doc: source, extensions: argdown });
    const tree = ensureSyntaxTree(state, state.doc.length, 5000)!;
    const marked: string[] = [];
    const names = tagHighlighter([
      { tag: tags.heading, class: 'heading' },
      { tag: tags.className, class: 'statement' },
      { tag: tags.labelName, class: 'argument' },
      { tag: tags.operator, class: 'relation' },
      { tag: tags.tagName, class: 'tag' },
      { tag: tags.meta, class: 'data' },
      { tag: tags.keyword, class: 'inference' },
      { tag: tags.number, class: 'step' },
      { tag: tags.comment, class: 'comment' },
    ]);
    highlightTree(tree, names, (from, to, kind) => marked.push(`${kind}:${source.slice(from, to)}`));
    expect(marked).toEqual([
      'data:===',
      'data:title: Map',
      'data:===',
      'heading:# Heading',
      'statement:[A]:',
      'tag:#tag',
      'data:{note: "x"}',
      'comment:// comment',
      'relation:+',
      'argument:<B>:',
      'step:(1)',
      'statement:[P]',
      'inference:----',
      'comment:/* block',
      'comment:comment */',
    ]);
  });
});
