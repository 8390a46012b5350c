import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectInert, root } from './helpers.ts';
import { cli } from './run-cli.ts';

/**
 * The hostile corpus (test/fixtures/hostile, plus a few inputs too large to keep in the repository, made
 * here): every file goes through the CLI as a user would run it. Invalid input exits 1 with each problem at
 * its place and no stack trace; valid but odd input exits 0 and exports an SVG in which nothing can run.
 */

const dir = 'test/fixtures/hostile/';

/** Inputs that are valid, if odd: they open, and export as pictures. All others must be refused. */
const validButOdd = new Set([
  'argdown-comments-only.argdown',
  'argdown-crlf-bom.argdown',
  'argdown-cycle.argdown',
  'argdown-html.argdown',
  'argdown-mixed-scripts.argdown',
  'argdown-nul.argdown',
  'argdown-proto.argdown',
  'argdown-self-support.argdown',
  'argdown-yaml-alias.argdown',
  'aif-html.aif.json',
  'aif-proto.aif.json',
  'aif-ra-loop.aif.json',
  'control-characters.json',
  'cycle.json',
  'empty-map.json',
  'html-payloads.json',
  'json-bom.json',
  'json-crlf.json',
  'lone-surrogate.json',
  'mixed-scripts.json',
  'proto-ids.json',
  'proto-keys.json',
  'self-loop.json',
  'undercut-chain.json',
]);

const files = readdirSync(new URL(dir, root)).sort();

describe('hostile corpus', () => {
  it('has at least 50 inputs across the three formats', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(files.some((f) => f.endsWith('.argdown'))).toBe(true);
    expect(files.some((f) => f.endsWith('.aif.json'))).toBe(true);
  });

  it.each(files)('%s: the CLI answers with a placed message or a clean export', async (file) => {
    const path = dir + file;
    const run = await cli(['validate', path]);
    expect(run.stderr).not.toMatch(/\n\s+at |unexpected failure/);
    expect(run.code).toBe(validButOdd.has(file) ? 0 : 1);
    if (run.code === 1) {
      const lines = run.stderr.trim().split('\n');
      const problems = lines.slice(0, -1);
      expect(problems.length).toBeGreaterThan(0);
      // Each problem names its place: line:col (and the JSON pointer for JSON files).
      for (const line of problems)
        expect(line.startsWith(`${path}:`) && /^[^:]+:\d+:\d+: /.test(line)).toBe(true);
      expect(lines[lines.length - 1]).toMatch(/: invalid \(\d+ errors?\)$/);
      return;
    }
    const exported = await cli(['export', path, '-o', 'out.svg']);
    expect(exported.stderr).toBe('');
    expectInert(exported.written.get('out.svg') as string);
    const stats = await cli(['stats', '--json', path]);
    expect(stats.code).toBe(0);
  });

  it('leaves Object.prototype alone', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('inputs too large to keep in the repository', () => {
  const statement = (i: number, text: string) => ({ id: `n${i}`, type: 'statement', text });
  const json = (nodes: unknown[], relations: unknown[] = []) =>
    JSON.stringify({ format: 'argmap', version: 1, nodes, relations });

  it('a 10 MB map is read and counted', async () => {
    const nodes = Array.from({ length: 40000 }, (_, i) => statement(i, `Claim ${i} `.repeat(20)));
    const relations = nodes
      .slice(1)
      .map((_, i) => ({ id: `r${i + 1}`, type: 'support', from: `n${i + 1}`, to: `n${i >> 1}` }));
    const text = json(nodes, relations);
    expect(text.length).toBeGreaterThan(10_000_000);
    const run = await cli(['stats', '--json', '-'], text);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ statements: 40000, relations: { support: 39999 } });
  });

  it('a 100,000-character label is wrapped and cut, not drawn as one line', async () => {
    const label = 'security '.repeat(11112).slice(0, 100_000);
    const run = await cli(
      ['export', '-', '-o', 'big.svg'],
      json([statement(0, label), statement(1, 'x'.repeat(100_000))]),
    );
    expect(run.code).toBe(0);
    const svg = run.written.get('big.svg') as string;
    expect(svg.length).toBeLessThan(200_000);
    expectInert(svg);
  });

  it('a 10,000-long chain of reasons is laid out (no recursion on depth)', async () => {
    const nodes = Array.from({ length: 10001 }, (_, i) => statement(i, `step ${i}`));
    const relations = nodes
      .slice(1)
      .map((_, i) => ({ id: `r${i}`, type: 'support', from: `n${i + 1}`, to: `n${i}` }));
    const run = await cli(['export', '-', '-o', 'chain.svg'], json(nodes, relations));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('Argdown nested 2,000 levels deep, and 3 MB of Argdown statements, are read', async () => {
    const deep = [
      '[N0]: root',
      ...Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}+ [N${i + 1}]: n`),
    ];
    const piped = await cli(['stats', '--json', '-'], deep.join('\n'));
    expect(JSON.parse(piped.stdout)).toMatchObject({ statements: 2001, relations: { support: 2000 } });
    const big = Array.from(
      { length: 60000 },
      (_, i) => `[S${i}]: Statement number ${i} of a very long file.`,
    );
    const text = big.join('\n\n');
    expect(text.length).toBeGreaterThan(3_000_000);
    const read = await cli(['stats', '--json', '-'], text);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({ statements: 60000 });
  });

  it('a file above the size limit is refused with a message', async () => {
    const text = readFileSync(new URL(dir + 'empty-map.json', root), 'utf8') + ' '.repeat(64 * 1024 * 1024);
    const run = await cli(['validate', '-'], text);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('larger than 64 MB');
  });
});
