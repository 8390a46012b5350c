import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGETS, budgetTable } from '../bench/budgets.ts';
import { cachedFigures, installedVersion, peerKey, storeFigures } from '../bench/peer-cache.ts';

describe("the bench's budget table", () => {
  const rowOf = (lines: string[], name: string) =>
    lines
      .find((line) => line.startsWith(name))
      ?.split('|')
      .map((cell) => cell.trim());

  it('lists every budget once, with its figure and met / NOT met, or not measured', () => {
    const lines = budgetTable({
      firstVisitBytes: 201 * 1024,
      treninFirstVisitMs: 400,
      cliPngMs: 1200,
      layout10000Ms: 150,
      dagreRatio1000: 99.4,
    });
    expect(lines).toHaveLength(2 + BUDGETS.length);
    expect(rowOf(lines, 'first visit: JS + CSS + fonts')).toEqual([
      'first visit: JS + CSS + fonts, gzip',
      '≤ 200 KB',
      '201.0 KB',
      'NOT met',
    ]);
    // A limit is inclusive: a figure at the limit meets it.
    expect(rowOf(lines, 'Trenin map interactive, first visit')?.slice(2)).toEqual(['400 ms', 'met']);
    expect(rowOf(lines, 'CLI PNG 2×')?.slice(2)).toEqual(['1200 ms', 'NOT met']);
    expect(rowOf(lines, 'layout of 10,000 boxes')?.slice(2)).toEqual(['150 ms', 'met']);
    expect(rowOf(lines, 'layout of 1,000 boxes vs dagre')?.slice(2)).toEqual(['99× faster', 'NOT met']);
    expect(rowOf(lines, 'CLI validate')?.slice(2)).toEqual(['—', 'not measured']);
    expect(rowOf(lines, 'PNG 2× export of Trenin, browser')?.slice(2)).toEqual(['—', 'not measured']);
  });

  it('never counts a figure that is not a number as met', () => {
    const lines = budgetTable({ treninNextVisitsMs: NaN });
    expect(rowOf(lines, 'Trenin map interactive, later visits')?.slice(2)).toEqual(['—', 'not measured']);
  });
});

describe("the bench's cache of peer figures", () => {
  const dir = mkdtempSync(join(tmpdir(), 'argmap-peer-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'cache', 'peers.json');

  it('finds figures again for the same peer version and input only', () => {
    const key = peerKey('dagre', '3.1.3', '{"edges":[["a","b"]]}');
    expect(cachedFigures(key, file)).toBeUndefined();
    storeFigures(key, { medianMs: 1234 }, file);
    const found = cachedFigures<{ medianMs: number }>(key, file);
    expect(found?.figures).toEqual({ medianMs: 1234 });
    expect(Number.isNaN(Date.parse(found!.date))).toBe(false);
    expect(cachedFigures(peerKey('dagre', '3.1.4', '{"edges":[["a","b"]]}'), file)).toBeUndefined();
    expect(cachedFigures(peerKey('dagre', '3.1.3', '{"edges":[["a","c"]]}'), file)).toBeUndefined();
    expect(cachedFigures(peerKey('graphviz', '3.1.3', '{"edges":[["a","b"]]}'), file)).toBeUndefined();
  });

  it("reads a peer's version from node_modules", () => {
    expect(installedVersion('@dagrejs/dagre')).toMatch(/^\d+\.\d+\.\d+/);
  });
});
