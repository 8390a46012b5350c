import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { textFileRefusal } from '../../src/core/related.ts';
import { root } from './helpers.ts';
import { cli } from './run-cli.ts';

const cwd = fileURLToPath(root);
const bin = fileURLToPath(new URL('src/cli/bin.mjs', root));

describe('argmap on a closed pipe', () => {
  it('ends quietly when the reader stops early (export … -o - | head -c 10)', () => {
    // The SVG (about 100 KB, its font embedded) is larger than a pipe's buffer: head has gone before the end.
    const pipeline = `set -o pipefail; "${process.execPath}" "${bin}" export data/example.argmap.json -o - | head -c 10`;
    const run = spawnSync('bash', ['-c', pipeline], { cwd, encoding: 'utf8', timeout: 30000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toHaveLength(10);
    expect(run.status).toBe(0);
  }, 30000);
});

describe('argmap export --scale', () => {
  it.each(['1e-9', '0x10', '2abc', '', '0', '17', 'Infinity', ' 2'])(
    'refuses "%s" with exit 2',
    async (scale) => {
      const run = await cli(['export', 'data/example.argmap.json', '-o', 'x.png', '--scale', scale]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--scale must be a decimal number above 0 and at most 16, not "${scale}"`);
      expect(run.written.size).toBe(0);
    },
  );

  it.each([
    ['0.5', true],
    ['.5', true],
  ])('accepts %s', async (scale) => {
    const run = await cli(['export', 'data/example.argmap.json', '-o', 'x.png', '--scale', scale]);
    expect(run.code).toBe(0);
    expect(run.written.has('x.png')).toBe(true);
  });

  it('refuses a scale that would draw under one pixel with the least scale that draws', async () => {
    const run = await cli(['export', 'data/example.argmap.json', '-o', 'x.png', '--scale', '0.00001']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/under one pixel at --scale 0\.00001; use --scale 0\.\d+ or more/);
    expect(run.stderr).not.toContain('unexpected failure');
  });
});

describe('argmap export -o with an extension that names no format', () => {
  it.each(['x.docx', 'notes.txt', 'dir/map.v2.jpeg'])(
    'refuses %s with exit 2 and writes nothing',
    async (out) => {
      const run = await cli(['export', 'data/example.argmap.json', '-o', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`cannot tell what to write by the extension of "${out}"`);
      expect(run.written.size).toBe(0);
    },
  );

  it.each([
    ['map', 'svg'],
    ['.map', 'svg'],
    ['x.docx', 'png'],
  ])('writes %s without an extension, a dot file, or as --format says', async (out, format) => {
    const extra = out === 'x.docx' ? ['--format', format] : [];
    const run = await cli(['export', 'data/example.argmap.json', '-o', out, ...extra]);
    expect(run.code).toBe(0);
    expect(run.written.has(out)).toBe(true);
  });
});

describe('empty input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'argmap-empty-'));
  for (const name of ['empty.json', 'empty.argdown', 'blank.ad'])
    writeFileSync(join(dir, name), name === 'blank.ad' ? ' \n\n' : '');

  it.each(['empty.json', 'empty.argdown', 'blank.ad'])('%s is an error', async (name) => {
    const file = join(dir, name);
    for (const command of ['validate', 'stats']) {
      const run = await cli([command, file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${file}:1:1: the file is empty`);
    }
  });

  it('empty standard input is the same error', async () => {
    const run = await cli(['validate', '-'], '');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('<stdin>:1:1: the file is empty\n<stdin>: invalid (1 error)\n');
    expect((await cli(['export', '-', '-o', 'x.svg'], '  \n')).stderr).toContain(
      '<stdin>:1:1: the file is empty',
    );
  });

  it('the built command says so for `validate - < /dev/null`', () => {
    const run = spawnSync(process.execPath, [bin, 'validate', '-'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('<stdin>:1:1: the file is empty');
  });
});

describe('the input limit', () => {
  it('counts bytes, not characters: 33 M "é" (66 MB of UTF-8, 33 M characters) is refused', async () => {
    const text = '"' + 'é'.repeat(32 * 1024 * 1024 + 1) + '"';
    const run = await cli(['validate', '-'], text);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('<stdin>: the file is larger than 64 MB\n');
  });
});

describe('source.textFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'argmap-textfile-'));
  const outside = mkdtempSync(join(tmpdir(), 'argmap-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'root:x:0:0');
  writeFileSync(join(dir, 'source.txt'), 'root:x:0:0 is quoted here');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'source.txt'), 'root:x:0:0 below');
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'link.txt'));
  writeFileSync(join(dir, 'huge.txt'), '');
  truncateSync(join(dir, 'huge.txt'), 16 * 1024 * 1024 + 1);
  const fifo = spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status === 0;

  const mapWith = (textFile: string) => {
    const file = join(dir, `map-${Math.random().toString(36).slice(2)}.argmap.json`);
    const map = {
      format: 'argmap',
      version: 1,
      source: { title: 't', textFile },
      nodes: [{ id: 'a', type: 'statement', text: 'A', quote: 'root:x:0:0' }],
      relations: [],
    };
    writeFileSync(join(file), JSON.stringify(map, null, 2));
    return file;
  };

  it.each([
    ['source.txt', '1/1'],
    ['sub/source.txt', '1/1'],
    ['./sub/../source.txt', '1/1'],
  ])('reads %s in the map\u2019s folder or below', async (textFile, verified) => {
    const run = await cli(['validate', mapWith(textFile)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${verified} quotes verified`);
  });

  it.each([
    [join(outside, 'secret.txt'), 'not an absolute path or a URL'],
    ['/etc/passwd', 'not an absolute path or a URL'],
    ['../' + join('..', outside, 'secret.txt'), 'not ".." above it'],
    ['sub/../../x.txt', 'not ".." above it'],
    ['file:///etc/passwd', 'not an absolute path or a URL'],
    ['link.txt', 'links to a file outside the map\u2019s folder'],
    ['huge.txt', 'larger than 16 MB'],
    ['sub', 'not a regular file'],
    ['missing.txt', 'no such file'],
    ...(fifo ? [['pipe.txt', 'not a regular file']] : []),
  ])('refuses %s with a located warning saying why, and verifies no quote', async (textFile, why) => {
    const file = mapWith(textFile);
    const run = await cli(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:17: /source/textFile: warning: cannot read the source text ".*": .*`,
        'm',
      ),
    );
    expect(run.stderr).toContain(why);
    expect(run.stdout).toContain('0/1 quotes verified');
  });

  it('refuses /dev/urandom as not a regular file (it is never read)', async () => {
    const run = await cli(['validate', mapWith('/dev/urandom')]);
    expect(run.stderr).toContain('not an absolute path');
  });

  it('the path rule is the same for the app: textFileRefusal', () => {
    expect(textFileRefusal('a/b.txt')).toBeUndefined();
    expect(textFileRefusal('a/../b.txt')).toBeUndefined();
    expect(textFileRefusal('..\\b.txt')).toContain('..');
    expect(textFileRefusal('C:\\x.txt')).toContain('absolute');
    expect(textFileRefusal('https://example.org/x.txt')).toContain('URL');
    expect(textFileRefusal('//host/x.txt')).toContain('absolute');
  });
});

describe('undercuts that cannot be drawn', () => {
  const statement = (id: string) => ({ id, type: 'statement', text: id.toUpperCase() });
  const map = (relations: unknown[]) =>
    JSON.stringify({ format: 'argmap', version: 1, nodes: ['a', 'b', 'c', 'd'].map(statement), relations });

  it('mutual undercuts are located errors naming the relations, not dropped from the picture', async () => {
    const text = map([
      { id: 'r0', from: 'c', to: 'a', type: 'support' },
      { id: 'r1', from: 'a', to: 'r2', type: 'undercut' },
      { id: 'r2', from: 'b', to: 'r1', type: 'undercut' },
    ]);
    const run = await cli(['validate', '-'], text);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^<stdin>:1:\d+: \/relations\/1\/to: undercut "r1" attacks "r2".*\(r1 → r2 → r1\)/m,
    );
    expect(run.stderr).toMatch(
      /^<stdin>:1:\d+: \/relations\/2\/to: undercut "r2" attacks "r1".*\(r2 → r1 → r2\)/m,
    );
    expect((await cli(['export', '-', '-o', 'x.svg'], text)).code).toBe(1);
  });

  it('an undercut whose premise is the conclusion of the inference it attacks is an error', async () => {
    const run = await cli(
      ['validate', '-'],
      map([
        { id: 'r3', from: 'd', to: 'r4', type: 'undercut' },
        { id: 'r4', from: 'b', to: 'd', type: 'support' },
      ]),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '/relations/0/from: undercut "r3": its premise "d" is the conclusion of the inference it attacks ("r4")',
    );
  });

  it('a drawable undercut of an undercut stays valid', async () => {
    const run = await cli(
      ['validate', '-'],
      map([
        { id: 'r0', from: 'b', to: 'a', type: 'support' },
        { id: 'r1', from: 'c', to: 'r0', type: 'undercut' },
        { id: 'r2', from: 'd', to: 'r1', type: 'undercut' },
      ]),
    );
    expect(run.code).toBe(0);
  });

  it('follows each chain of undercuts once: 100,000 undercuts in a row are checked in linear time (a quadratic walk would take minutes)', async () => {
    const { validateMap } = await import('../../src/core/validate/validate-map.ts');
    const n = 100_000;
    const relations = [{ id: 'u0', from: ['b'], to: 'a', type: 'support' as const }];
    for (let i = 1; i <= n; i++)
      relations.push({ id: `u${i}`, from: ['c'], to: `u${i - 1}`, type: 'undercut' as never });
    const nodes = ['a', 'b', 'c'].map((id) => ({ id, type: 'statement' as const, text: id }));
    expect(validateMap({ nodes, relations, groups: [] } as never)).toEqual([]);
    // The same chain closed into a loop: every undercut on it is reported, each message short.
    relations[0] = { id: 'u0', from: ['c'], to: `u${n}`, type: 'undercut' as never };
    const problems = validateMap({ nodes, relations, groups: [] } as never);
    expect(problems.length).toBe(n + 1);
    expect(problems.every((p) => p.message.length < 300)).toBe(true);
  }, 60000);
});

describe('AIF scheme nodes that cannot be read', () => {
  it('warns, at the node, about a missing premise or conclusion and about an edge to itself', async () => {
    const aif = {
      nodes: [
        { nodeID: '1', type: 'I', text: 'A claim' },
        { nodeID: '2', type: 'I', text: 'Another claim' },
        { nodeID: '3', type: 'RA', text: 'x' },
        { nodeID: '4', type: 'CA', text: 'y' },
        { nodeID: '5', type: 'RA', text: 'z' },
      ],
      edges: [
        { edgeID: 'e1', fromID: '1', toID: '3' },
        { edgeID: 'e2', fromID: '4', toID: '2' },
        { edgeID: 'e3', fromID: '5', toID: '5' },
      ],
    };
    const run = await cli(['validate', '-'], JSON.stringify(aif));
    expect(run.code).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^<stdin>:1:\d+: \/nodes\/2: warning: RA node "3" has no conclusion/),
      expect.stringMatching(/^<stdin>:1:\d+: \/nodes\/3: warning: CA node "4" has no premise/),
      expect.stringMatching(
        /^<stdin>:1:\d+: \/nodes\/4: warning: RA node "5" has an edge to itself \(edges\[2\]\), which is ignored$/,
      ),
      expect.stringMatching(
        /^<stdin>:1:\d+: \/nodes\/4: warning: RA node "5" has no premise and no conclusion/,
      ),
    ]);
  });
});

describe('a map file over the limit', () => {
  it('is refused by its size, before it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argmap-large-'));
    const file = join(dir, 'large.argmap.json');
    writeFileSync(file, '');
    // A sparse file: 65 MB by its size, no disk used; reading it whole would take 65 MB of memory.
    truncateSync(file, 65 * 1024 * 1024);
    const run = await cli(['validate', file]);
    expect(run).toMatchObject({ code: 2, stderr: `${file}: the file is larger than 64 MB\n` });
  });
});
