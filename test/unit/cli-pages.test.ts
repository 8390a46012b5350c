import { describe, expect, it } from 'vitest';
import { stepPages } from '../../src/core/presentation/step-pages.ts';
import { mapOf, readText } from './helpers.ts';
import { cli } from './run-cli.ts';

const TRENIN = 'data/trenin-2010.argmap.json';
const trenin = mapOf(readText(TRENIN));
/** The first step's boxes and the whole membership answer. */
const crowdedShow = [
  ...trenin.tour![0]!.show!,
  ...trenin.nodes.filter((n) => n.group === 'membership').map((n) => n.id),
];

/** A PNG's width and height, from its header. */
function pngSize(data: string | Uint8Array | undefined): [number, number] {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

describe('argmap export: pages', () => {
  it('writes a 1920×1080 PNG per page of the tour into a directory, a title page first', async () => {
    const { code, written, progress, stderr } = await cli(['export', TRENIN, '-o', 'out/', '--slides']);
    expect(code).toBe(0);
    const labels = stepPages(trenin).map((p) => p.label);
    // A terminal is told how far the drawing is, page by page, and the line is cleared at the end; the
    // standard error of a pipe or a log gets nothing.
    const pages = labels.length + 1;
    expect(progress).toEqual([
      ...Array.from({ length: pages }, (_, i) => `drawing page ${i + 1} of ${pages}…`),
      undefined,
    ]);
    expect(stderr).toBe('');
    const names = [...written.keys()];
    expect(names).toEqual([
      'out/title.png',
      ...labels.map((label) => `out/step-${label.replace(/^\d+/, (n) => n.padStart(2, '0'))}.png`),
    ]);
    for (const data of written.values()) expect(pngSize(data)).toEqual([1920, 1080]);
  }, 60_000);

  it('writes one step, and the pages of a step too large for one screen as numbered files', async () => {
    const one = await cli(['export', TRENIN, '-o', 'step.svg', '--step', '1']);
    expect(one.code).toBe(0);
    expect([...one.written.keys()]).toEqual(['step.svg']);
    expect(String(one.written.get('step.svg'))).toContain(trenin.tour![0]!.title!);
    // The map's own steps each fit one screen; a step that reveals a whole answer at once does not.
    const tour = [trenin.tour![0]!, { focus: 'no-membership', show: crowdedShow }];
    const paged = stepPages({ ...trenin, tour }).filter((p) => p.step === 1);
    expect(paged.length).toBeGreaterThan(1);
    const file = { ...(JSON.parse(readText(TRENIN)) as object), tour };
    const two = await cli(['export', '-', '-o', 'step.svg', '--step', '2'], JSON.stringify(file));
    expect(two.stderr).toBe('');
    expect([...two.written.keys()]).toEqual(paged.map((_, i) => `step-0${i + 1}.svg`));
    // One page of it, by the label the presentation and the app's address give it.
    const second = await cli(['export', '-', '-o', 'page.svg', '--step', '2b'], JSON.stringify(file));
    expect(second.stderr).toBe('');
    expect([...second.written.keys()]).toEqual(['page.svg']);
    // The same page (numbered alone, it has no "2 / 2").
    const boxes = (svg: unknown) => [...String(svg).matchAll(/data-node-id="([^"]+)"/g)].map((m) => m[1]);
    expect(boxes(second.written.get('page.svg'))).toEqual(boxes(two.written.get('step-02.svg')));
    expect(boxes(second.written.get('page.svg'))).not.toEqual(boxes(two.written.get('step-01.svg')));
    const past = await cli(
      ['export', '-', '-o', 'page.svg', '--step', `2${'abcdefghij'[paged.length]}`],
      JSON.stringify(file),
    );
    expect(past.code).toBe(1);
    expect(past.stderr).toContain('step 2 is not shown in that many parts');
    // Named as the files are (step-02b.svg): leading zeros are taken.
    const zeros = await cli(['export', '-', '-o', 'page.svg', '--step', '02b'], JSON.stringify(file));
    expect(String(zeros.written.get('page.svg'))).toBe(String(second.written.get('page.svg')));
  });

  it('draws a subtree as one picture with its caption, only that box and the boxes below it', async () => {
    const { code, written } = await cli(['export', TRENIN, '-o', 'sub.svg', '--node', 'trust-foundation']);
    expect(code).toBe(0);
    const svg = String(written.get('sub.svg'));
    const ids = [...svg.matchAll(/data-node-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain('trust-foundation');
    expect(ids).not.toContain('joint-mediation-foundation');
    expect(svg).toContain('Dmitri Trenin');
    const bare = await cli(['export', TRENIN, '-o', 'sub.svg', '--node', 'trust-foundation', '--no-caption']);
    expect(String(bare.written.get('sub.svg'))).not.toContain('Dmitri Trenin');
  });

  it('writes the deck as a PDF: a title page and the tour’s pages, 16:9, the font embedded', async () => {
    const { code, written } = await cli(['export', TRENIN, '-o', 'deck.pdf', '--slides']);
    expect(code).toBe(0);
    const pdf = written.get('deck.pdf') as Uint8Array;
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const text = new TextDecoder('latin1').decode(pdf);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(stepPages(trenin).length + 1);
    expect(text).toMatch(/\/MediaBox \[0 0 960 540\]/);
    expect(text).toMatch(/\/FontFile2/);
  }, 60_000);

  it('writes a PowerPoint deck whatever else is asked, and a single file rather than a directory', async () => {
    const { code, written } = await cli(['export', TRENIN, '-o', 'deck.pptx', '--step', '1']);
    expect(code).toBe(0);
    const pptx = written.get('deck.pptx') as Uint8Array;
    expect(String.fromCharCode(...pptx.subarray(0, 2))).toBe('PK');
    const bad = await cli(['export', TRENIN, '-o', 'out/', '--format', 'pdf', '--slides']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/a pdf file is one file: name it/);
  }, 60_000);

  it('gives page SVGs the font, subset', async () => {
    const { written } = await cli(['export', TRENIN, '-o', 'step.svg', '--step', '1']);
    expect(String(written.get('step.svg'))).toMatch(
      /@font-face\{font-family:Inter;font-weight:400;src:url\(data:font\/ttf;base64,/,
    );
  });

  it('refuses what it cannot do, saying why, without a stack trace', async () => {
    const cases: [string[], number, RegExp][] = [
      [['export', TRENIN, '-o', 'x.png', '--step', '99'], 1, /no step 99: the presentation has 30 steps/],
      [['export', TRENIN, '-o', 'x.png', '--node', 'ghost'], 1, /no node "ghost" in the map/],
      [['export', TRENIN, '-o', 'x.png', '--frob'], 2, /^argmap: unknown option "--frob"\n/],
      [['export', TRENIN, '-o', 'x.png', '--step', 'two'], 2, /--step must be a step number/],
      [['export', TRENIN, '-o', 'x.png', '--page', 'a5'], 2, /--page must be one of/],
      [['export', TRENIN, '-o', 'x.json', '--slides'], 2, /pages are written as svg, png, pdf or pptx/],
      [['export', TRENIN, '-o', 'out/'], 2, /-o DIR\/ writes pages/],
      [['export', TRENIN, '-o', '-', '--slides', '--format', 'png'], 1, /cannot go to standard output/],
    ];
    for (const [args, expected, message] of cases) {
      const { code, stderr } = await cli(args);
      expect(code, args.join(' ')).toBe(expected);
      expect(stderr, args.join(' ')).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});
