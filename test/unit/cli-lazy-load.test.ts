import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './helpers.ts';

/**
 * The built CLI (dist/cli/argmap.js, split into chunks) loads only what a command needs
 * (docs/ARCHITECTURE.md, "Performance"): each command runs as a process under a recorder
 * (load-log/preload.mjs) that lists the modules it loaded and the font files it read. A chunk is traced back
 * to the source files in it by its source map, so a static import of an exporter, wherever the bundler puts
 * its code, shows here as that exporter's source loaded.
 */

const cwd = fileURLToPath(root);
const cli = join(cwd, 'dist/cli/argmap.js');
const preload = new URL('load-log/preload.mjs', import.meta.url).href;
const scratch = mkdtempSync(join(tmpdir(), 'argmap-loads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Packages that draw or write pictures and pages; no command but an export may load them. */
const WRITERS = ['@resvg/resvg-js', '@resvg/resvg-wasm', 'pdfkit', 'svg-to-pdfkit', 'pptxgenjs', 'fontkit'];
/** Source files of the exporters (but the table of page names and sizes, which the options are checked by). */
const isExporter = (source: string) =>
  /^src\/cli\/export(-pages)?\.ts$/.test(source) ||
  (source.startsWith('src/core/export/') && source !== 'src/core/export/pages/page.ts');

interface Loads {
  readonly status: number | null;
  /** Repository-relative source files of the CLI's chunks that were loaded. */
  readonly sources: Set<string>;
  /** Packages loaded (by name), from node_modules. */
  readonly packages: Set<string>;
  readonly fontsRead: string[];
}

let runs = 0;
function loadsOf(args: string[]): Loads {
  const log = join(scratch, `run-${++runs}.log`);
  const run = spawnSync(process.execPath, ['--import', preload, cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, ARGMAP_LOAD_LOG: log },
  });
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  const modules = lines.flatMap((line) => (line.startsWith('module ') ? [pathOf(line.slice(7))] : []));
  const sources = new Set(modules.filter((path) => path.startsWith(dirname(cli))).flatMap(chunkSources));
  const packages = new Set(modules.flatMap((path) => packageOf(path) ?? []));
  const fontsRead = lines.filter((line) => line.startsWith('read ')).map((line) => line.slice(5));
  return { status: run.status, sources, packages, fontsRead };
}

const pathOf = (urlOrPath: string) => (urlOrPath.startsWith('file:') ? fileURLToPath(urlOrPath) : urlOrPath);

/** The package a file in node_modules belongs to (`@scope/name` or `name`), if it is in one. */
function packageOf(path: string): string | undefined {
  return /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path)?.[1]?.replace('\\', '/');
}

/**
 * The repository's source files bundled into a chunk of the CLI, read from the chunk's source map. A chunk
 * without one only re-exports other chunks (which are listed themselves).
 */
function chunkSources(chunk: string): string[] {
  if (!existsSync(`${chunk}.map`)) return [];
  const map = JSON.parse(readFileSync(`${chunk}.map`, 'utf8')) as { sources: string[] };
  return map.sources.map((source) => relative(cwd, resolve(dirname(chunk), source)).replaceAll('\\', '/'));
}

describe('the CLI loads only what a command needs', { timeout: 60000 }, () => {
  it('finds the built CLI with its source maps', () => {
    expect(existsSync(cli), 'run npm run build:cli first').toBe(true);
    expect(existsSync(`${cli}.map`)).toBe(true);
  });

  it('shows help without the reader, a writer or a font', () => {
    const loads = loadsOf(['--help']);
    expect(loads.status).toBe(0);
    expect(loads.sources).toContain('src/cli/main.ts');
    expect([...loads.sources].filter(isExporter)).toEqual([]);
    expect(loads.sources).not.toContain('src/cli/load-file.ts');
    expect([...loads.packages]).toEqual([]);
    expect(loads.fontsRead).toEqual([]);
  });

  it.each([
    ['validate', ['validate', 'data/trenin-2010.argmap.json']],
    ['stats', ['stats', 'data/trenin-2010.argmap.json', '--json']],
  ])('%s reads and checks the map without a writer or a font', (_, args) => {
    const loads = loadsOf(args);
    expect(loads.status).toBe(0);
    // The reader and its schema library (bundled into the CLI's chunks) are loaded: the recorder sees what a
    // command does load.
    expect(loads.sources).toContain('src/core/load.ts');
    expect([...loads.sources].some((source) => source.startsWith('node_modules/zod/'))).toBe(true);
    expect([...loads.sources].filter(isExporter)).toEqual([]);
    expect([...loads.packages].filter((name) => WRITERS.includes(name))).toEqual([]);
    expect(loads.fontsRead).toEqual([]);
  });

  it('draws an SVG with the fonts but without the PNG renderer or the page writers', () => {
    const loads = loadsOf(['export', 'data/example.argmap.json', '-o', join(scratch, 'map.svg')]);
    expect(loads.status).toBe(0);
    expect(loads.sources).toContain('src/cli/export.ts');
    expect(loads.fontsRead.some((path) => path.endsWith('Inter-Regular.ttf'))).toBe(true);
    expect([...loads.packages].filter((name) => WRITERS.includes(name))).toEqual([]);
    // Nor the writers of map files, and the YAML library they need.
    expect(loads.sources).not.toContain('src/core/formats/argdown/serialise.ts');
    expect(loads.packages).not.toContain('yaml');
  });

  it('loads the PNG renderer for a PNG, and the PDF writer for a PDF', () => {
    const png = loadsOf(['export', 'data/example.argmap.json', '-o', join(scratch, 'map.png')]);
    expect(png.status).toBe(0);
    expect(png.packages).toContain('@resvg/resvg-js');
    expect(png.packages).not.toContain('pdfkit');
    const pdf = loadsOf(['export', 'data/example.argmap.json', '-o', join(scratch, 'map.pdf')]);
    expect(pdf.status).toBe(0);
    expect(pdf.packages).toContain('pdfkit');
    expect(pdf.packages).not.toContain('pptxgenjs');
  });
});
