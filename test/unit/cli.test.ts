import { spawnSync } from 'node:child_process';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportName } from '../../src/core/export/export-svg.ts';
import { parseArgdown } from '../../src/core/formats/argdown/parse.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { root } from './helpers.ts';
import { cli } from './run-cli.ts';

const cwd = fileURLToPath(root);

describe('argmap validate', () => {
  it('accepts the example map with every quote verified', async () => {
    const run = await cli(['validate', 'data/example.argmap.json']);
    expect(run).toMatchObject({
      code: 0,
      stdout: 'data/example.argmap.json: valid: 9 statements, 9 relations, 8/8 quotes verified\n',
      stderr: '',
    });
  });

  it('exits 1 and prints file:line:col: pointer: message for each problem', async () => {
    const run = await cli(['validate', 'test/fixtures/invalid/missing-premise.json']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      'test/fixtures/invalid/missing-premise.json:7:51: /relations/0/from/1: relation "r1": no node "ghost"',
    );
  });

  it('reads standard input for -', async () => {
    const run = await cli(['validate', '-'], '{"format": "argmap", "version": 1, "nodes": [}');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('<stdin>:1:46: expected a value');
  });

  it('exits 2 for a missing file, an unknown command or a bad option', async () => {
    expect(await cli(['validate', 'no/such.json'])).toMatchObject({
      code: 2,
      stderr: 'no/such.json: cannot read: no such file\n',
    });
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['stats', '--jsonn', 'x'])).code).toBe(2);
    expect((await cli(['validate'])).stderr).toContain('missing <file>');
    expect((await cli([])).code).toBe(2);
  });

  it('prints help for the tool and for each command', async () => {
    expect((await cli(['--help'])).stdout).toContain('argmap validate <file>');
    expect((await cli(['stats', '--help'])).stdout).toContain('--json');
  });
});

describe('argmap stats', () => {
  it('prints exactly the contract keys with --json', async () => {
    const run = await cli(['stats', '--json', 'data/example.argmap.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      '{"statements":9,"arguments":1,"relations":{"support":3,"attack":4,"undercut":1,"contradiction":1},' +
        '"linked":1,"groups":4,"tags":4,"quotes":{"total":8,"verified":8}}\n',
    );
  });

  it('prints a table without --json', async () => {
    const run = await cli(['stats', 'data/example.argmap.json']);
    expect(run.stdout).toMatch(/^statements +9$/m);
    expect(run.stdout).toMatch(/^quotes +8\/8 verified$/m);
  });
});

describe('argmap export', () => {
  const trenin = JSON.parse(readFileSync(new URL('data/trenin-2010.argmap.json', root), 'utf8')) as {
    nodes: { id: string }[];
  };

  it('writes a standalone SVG with every box, no script, no event attribute, no external reference', async () => {
    const run = await cli(['export', 'data/trenin-2010.argmap.json', '-o', 'out.svg']);
    expect(run.code).toBe(0);
    const svg = run.written.get('out.svg') as string;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>Russia Suffers From a Security Deficit in Relations With NATO</title>');
    for (const node of trenin.nodes) expect(svg).toContain(`data-node-id="${node.id}"`);
    // Well-formed XML, and every box's words are in it (as wrapped lines of text).
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    const drawn = [...doc.querySelectorAll('g.node text')].map((t) => t.textContent).join(' ');
    for (const node of trenin.nodes as { id: string; text: string }[]) {
      for (const word of node.text.split(/\s+/).slice(0, 3)) expect(drawn, node.id).toContain(word);
    }
    expect(svg).not.toMatch(/<script|\son[a-z]+=|href="(?!#)|url\((?!#|data:font\/ttf;base64,)/i);
    // The font is embedded, subset: both weights, far smaller than the two font files (340 KB each).
    expect(
      svg.match(/@font-face\{font-family:Inter;font-weight:(400|600);src:url\(data:font\/ttf;base64,/g),
    ).toHaveLength(2);
    expect(svg.length).toBeLessThan(250_000);
  });

  it('writes a PNG whose size is the picture times the scale', async () => {
    const svg = (await cli(['export', 'data/example.argmap.json', '-o', 'a.svg'])).written.get(
      'a.svg',
    ) as string;
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
    const run = await cli([
      'export',
      'data/example.argmap.json',
      '-o',
      'a.png',
      '--scale',
      '2',
      '--theme',
      'print',
    ]);
    expect(run.code).toBe(0);
    const png = Buffer.from(run.written.get('a.png') as Uint8Array);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.round(w! * 2), Math.round(h! * 2)]);
  });

  it('writes argmap JSON to standard output with -o -', async () => {
    const run = await cli(['export', 'data/example.argmap.json', '-o', '-', '--format', 'json']);
    expect(JSON.parse(run.stdout)).toMatchObject({
      format: 'argmap',
      title: 'Should the city centre be closed to cars?',
    });
  });

  it('refuses a picture too large to draw, and bad options, with a message', async () => {
    const huge = await cli(['export', 'data/trenin-2010.argmap.json', '-o', 'x.png', '--scale', '16']);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/too large at --scale 16; try --scale [\d.]+ or less/);
    expect((await cli(['export', 'data/example.argmap.json', '-o', 'x.svg', '--theme', 'neon'])).code).toBe(
      2,
    );
    expect((await cli(['export', 'data/example.argmap.json'])).stderr).toContain('missing -o <out>');
  });
});

describe('Argdown and AIF files', () => {
  it('stats --json counts an Argdown file', async () => {
    const run = await cli(['stats', '--json', 'test/fixtures/argdown/relations.argdown']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      statements: 12,
      arguments: 2,
      relations: { support: 5, attack: 4, undercut: 3, contradiction: 1 },
      linked: 0,
      groups: 0,
      tags: 0,
      quotes: { total: 0, verified: 0 },
    });
  });

  it('validate prints each Argdown error as file:line:col: message', async () => {
    const run = await cli(['validate', 'test/fixtures/argdown/errors.argdown']);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      'test/fixtures/argdown/errors.argdown:1:1: statement title is not closed: "]" expected',
    );
    expect(lines).toContain(
      'test/fixtures/argdown/errors.argdown:14:3: only an argument can be undercut: [Statement] is a statement',
    );
    expect(lines[lines.length - 1]).toMatch(/errors\.argdown: invalid \(12 errors\)$/);
  });

  it('reads Argdown from standard input by its content', async () => {
    const run = await cli(['stats', '--json', '-'], '[A]: a\n  + [B]: b\n  - [C]: c\n');
    expect(JSON.parse(run.stdout)).toMatchObject({ statements: 3, relations: { support: 1, attack: 1 } });
  });

  it('places validation problems of an Argdown map at their line', async () => {
    const run = await cli(['validate', '-'], '[A]: a\n  + [A]\n\n[B]: b {group: nowhere}\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('<stdin>:2:3: warning: support "r1": node "a" is a premise of itself');
    expect(run.stderr).toContain('<stdin>:4:1: node "b" names unknown group "nowhere"');
  });

  it.each([
    [
      'nodeset.json',
      { statements: 8, relations: { support: 3, attack: 1, undercut: 2, contradiction: 0 }, linked: 1 },
    ],
    [
      'ova3.json',
      { statements: 6, relations: { support: 2, attack: 1, undercut: 0, contradiction: 0 }, linked: 1 },
    ],
  ])('stats --json counts the AIF file %s', async (file, counts) => {
    const run = await cli(['stats', '--json', `test/fixtures/aif/${file}`]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject(counts);
  });

  it('validate prints AIF problems with line:col and the JSON pointer', async () => {
    const run = await cli(['validate', 'test/fixtures/aif/broken.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('test/fixtures/aif/broken.json:4:29: /nodes/1/text: I node "2" has no text');
    expect(run.stderr).toContain(
      'test/fixtures/aif/broken.json:19:45: /edges/4/toID: edge "14": no node "99" (toID)',
    );
  });

  it('exports AIF that gives an AIF file back node for node and edge for edge', async () => {
    const original = JSON.parse(
      readFileSync(new URL('test/fixtures/aif/nodeset.json', root), 'utf8'),
    ) as unknown;
    const run = await cli(['export', 'test/fixtures/aif/nodeset.json', '-o', 'again.aif.json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.written.get('again.aif.json') as string)).toEqual(original);
    const fromArgmap = await cli(['export', 'data/example.argmap.json', '-o', '-', '--format', 'aif']);
    const back = await cli(['stats', '--json', '-'], fromArgmap.stdout);
    expect(back.stdout).toBe((await cli(['stats', '--json', 'data/example.argmap.json'])).stdout);
  });

  it.each([
    ['data/trenin-2010.argmap.json', 'trenin-2010'],
    ['debate.argdown', 'debate'],
    ['debate.ad', 'debate'],
    ['C:\\maps\\debate.aif.json', 'debate'],
    ['my map.json', 'my-map'],
  ])('names exports of %s after the map (%s)', (file, name) => {
    expect(exportName(file)).toBe(name);
  });

  it('exports Argdown that reads back as the same map, by extension or --format', async () => {
    const run = await cli(['export', 'data/example.argmap.json', '-o', 'out.argdown']);
    expect(run.code).toBe(0);
    const text = run.written.get('out.argdown') as string;
    expect(text).toContain('[Car-free centre]: The city centre should be closed to private cars.');
    // Read back, it is the same map (groups in the order the text first uses them).
    const original = parseArgmapJson(readFileSync(new URL('data/example.argmap.json', root), 'utf8')).map!;
    const back = parseArgdown(text);
    expect(back.problems).toEqual([]);
    const byId = (m: ArgumentMap) => ({
      ...m,
      groups: [...m.groups].sort((a, b) => a.id.localeCompare(b.id)),
    });
    expect(byId(back.map)).toEqual(byId(original));
    const piped = await cli(['export', 'data/example.argmap.json', '-o', '-', '--format', 'argdown']);
    expect(piped.stdout).toBe(text);
  });
});

describe('the installed command', () => {
  const bin = fileURLToPath(new URL('src/cli/bin.mjs', root));
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', timeout: 20000 });

  it('runs the built CLI with the contract exit codes and no stack trace', () => {
    expect(run(['validate', 'data/example.argmap.json']).status).toBe(0);
    const invalid = run(['validate', '-'], '{"format":"argmap","version":1,"nodes":[{"id":1}]}');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('<stdin>:1:41: /nodes/0/type: missing "type"');
    const missing = run(['stats', 'missing.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('argmap evaluate', () => {
  it('prints every statement’s status, with what the options assume', async () => {
    const base = await cli(['evaluate', 'data/trenin-2010.argmap.json', '--json']);
    expect(base.code).toBe(0);
    const before = JSON.parse(base.stdout) as { statements: Record<string, string> };
    expect(before.statements['black-sea-clash']).toBe('in');
    const run = await cli([
      'evaluate',
      'data/trenin-2010.argmap.json',
      '--reject',
      'black-sea-clash',
      '--json',
    ]);
    const after = JSON.parse(run.stdout) as { statements: Record<string, string> };
    expect(after.statements['black-sea-clash']).toBe('rejected');
    expect(after.statements['war-possible']).toBe('unsupported');
    const text = await cli(['evaluate', 'data/trenin-2010.argmap.json', '--reject', 'black-sea-clash']);
    expect(text.stdout).toMatch(/^black-sea-clash +rejected /m);
  });

  it('ranks the critical premises, and refuses ids the map lacks', async () => {
    const run = await cli(['evaluate', 'data/trenin-2010.argmap.json', '--critical']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^ {2}1\. \S+ +\d+ fall/);
    const bad = await cli(['evaluate', 'data/trenin-2010.argmap.json', '--reject', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no node "nope" in the map');
  });
});

describe('argmap export --evaluate', () => {
  const trenin = 'data/trenin-2010.argmap.json';
  const nodeClass = (svg: string, id: string) =>
    new RegExp(`<g class="([^"]*)" data-node-id="${id}"`).exec(svg)?.[1] ?? '';

  it('draws each box’s status and the legend of what the picture shows; without it, none', async () => {
    const run = await cli(['export', trenin, '--reject', 'black-sea-clash', '-o', '-']);
    expect(run.code).toBe(0);
    expect(nodeClass(run.stdout, 'black-sea-clash')).toContain('status-rejected');
    expect(nodeClass(run.stdout, 'war-possible')).toContain('status-unsupported');
    expect(nodeClass(run.stdout, 'peace-first')).toContain('status-out');
    const legend = /<g class="status-legend"[^>]*>.*?<\/g>(?=\n)/s.exec(run.stdout)?.[0] ?? '';
    for (const word of ['✗ rejected', '○ unsupported', '✗ defeated', '● supported', 'inactive relation'])
      expect(legend).toContain(word);
    expect(legend).not.toContain('undecided');
    const plain = await cli(['export', trenin, '-o', '-']);
    expect(plain.stdout).not.toContain('class="status-legend"');
    expect(nodeClass(plain.stdout, 'black-sea-clash')).not.toContain('status-');
  });

  it('draws the statuses on a step’s page too, and refuses them on a map file or with an unknown id', async () => {
    const step = await cli([
      'export',
      trenin,
      '--evaluate',
      '--slides',
      '--step',
      '9',
      '--format',
      'svg',
      '-o',
      '-',
    ]);
    expect(step.code).toBe(0);
    expect(step.stdout).toContain('class="status-legend"');
    expect(step.stdout).toMatch(/class="node [^"]*status-supported"/);
    const json = await cli(['export', trenin, '--evaluate', '-o', '-', '--format', 'json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('--evaluate draws statuses on pictures and pages');
    const bad = await cli(['export', trenin, '--accept', 'nope', '-o', '-']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no node "nope" in the map');
  });
});
