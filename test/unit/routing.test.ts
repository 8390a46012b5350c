import dagre from '@dagrejs/dagre';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTracks } from '../../src/core/layout/routing/lanes.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { effortFor } from '../../src/core/layout/routing/search-effort.ts';
import type { LineGeometry } from '../../src/core/layout/types.ts';
import { edgesOf, ourDrawnEdges } from '../bench/layout-bench.ts';
import { drawnCrossings } from '../bench/metrics.ts';
import { syntheticMap } from '../bench/synthetic.ts';
import { arbitraryMap } from './arbitraries.ts';

type Point = { x: number; y: number };

/** A route's corners: its line's points, with each rounded corner (Q) taken at its control point. */
function routeCorners({ coords }: LineGeometry): Point[] {
  const points: Point[] = [];
  for (let i = 0; i + 1 < coords.length; i += 2) points.push({ x: coords[i]!, y: coords[i + 1]! });
  return points;
}

/** Whether the straight segment p–q passes through the inside of the rectangle (shrunk by 1 px). */
function crossesBox(
  p: Point,
  q: Point,
  box: { x: number; y: number; width: number; height: number },
): boolean {
  const left = box.x + 1;
  const right = box.x + box.width - 1;
  const top = box.y + 1;
  const bottom = box.y + box.height - 1;
  if (p.x === q.x)
    return p.x > left && p.x < right && Math.max(p.y, q.y) > top && Math.min(p.y, q.y) < bottom;
  if (p.y === q.y)
    return p.y > top && p.y < bottom && Math.max(p.x, q.x) > left && Math.min(p.x, q.x) < right;
  return false; // the short curves at corners stay within their corner's square
}

describe('tracks of runs along a gap', () => {
  it('put a run turning up above one that turns down across it', () => {
    // A turns down at 50, inside B's span; B turns up at 20, inside A's: B above A crosses nothing.
    const a = { a: 0, b: 50, aDown: false, bDown: true };
    const b = { a: 20, b: 100, aDown: false, bDown: false };
    for (const runs of [
      [a, b],
      [b, a],
    ]) {
      const { track, tracks } = assignTracks(runs);
      expect(tracks).toBe(2);
      expect(track[runs.indexOf(b)]).toBeLessThan(track[runs.indexOf(a)]!);
    }
  });

  it('give runs that meet different tracks and runs side by side the same one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.integer({ min: 0, max: 50 }),
            b: fc.integer({ min: 0, max: 50 }),
            aDown: fc.boolean(),
            bDown: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        (runs) => {
          const { track, tracks } = assignTracks(runs);
          const span = (r: (typeof runs)[number]) => [Math.min(r.a, r.b), Math.max(r.a, r.b)] as const;
          runs.forEach((r, i) => {
            expect(track[i]).toBeGreaterThanOrEqual(0);
            expect(track[i]).toBeLessThan(tracks);
            runs.forEach((s, j) => {
              const [rl, rh] = span(r);
              const [sl, sh] = span(s);
              if (i !== j && rl <= sh && sl <= rh) expect(track[i]).not.toBe(track[j]);
            });
          });
          if (runs.length > 0 && runs.every((r) => r.a === r.b)) {
            // Points side by side share track 0 unless they coincide.
            const distinct = new Set(runs.map((r) => r.a)).size === runs.length;
            if (distinct) expect(tracks).toBe(1);
          }
        },
      ),
    );
  });
});

describe('route search effort', () => {
  it('searches thoroughly up to 5,000 boxes, quickly up to 20,000 (the 10,000-box benchmark map), plainly beyond', () => {
    expect(effortFor(5000)).toEqual({ places: 6, rise: 6 });
    expect(effortFor(10000)).toEqual({ places: 2, rise: 0 });
    expect(effortFor(20001)).toEqual({ places: 1, rise: 0 });
  });
});

describe('routes of cross-links and contradictions', () => {
  it('run straight along rows and gaps, never through a box, within the bounds of the map', () => {
    fc.assert(
      fc.property(arbitraryMap, fc.constantFrom('down' as const, 'right' as const), (map, direction) => {
        const laid = layoutMap(map, { direction });
        const { x, y, width, height } = laid.bounds;
        for (const connector of laid.connectors) {
          if (connector.kind !== 'cross') continue;
          const corners = routeCorners(connector.line);
          for (let i = 1; i < corners.length; i++) {
            const [p, q] = [corners[i - 1]!, corners[i]!];
            if (p.x !== q.x && p.y !== q.y)
              throw new Error(
                `${connector.key}: a slanted step from ${JSON.stringify(p)} to ${JSON.stringify(q)}`,
              );
            for (const node of laid.nodes) {
              if (crossesBox(p, q, node)) throw new Error(`${connector.key} passes through ${node.id}`);
            }
          }
          for (const p of corners) {
            expect(p.x).toBeGreaterThanOrEqual(x - 0.01);
            expect(p.x).toBeLessThanOrEqual(x + width + 0.01);
            expect(p.y).toBeGreaterThanOrEqual(y - 0.01);
            expect(p.y).toBeLessThanOrEqual(y + height + 0.01);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    [5200, 'quick search'],
    [20400, 'plain routes'],
  ])(
    'stay straight and clear of boxes on a map of %i boxes (%s)',
    (size) => {
      const laid = layoutMap(syntheticMap(size));
      const routes = laid.connectors.filter((c) => c.kind === 'cross');
      expect(routes.length).toBeGreaterThan(size * 0.04);
      const byRow = new Map<number, typeof laid.nodes>();
      for (const node of laid.nodes) byRow.set(node.y, [...(byRow.get(node.y) ?? []), node]);
      const rows = [...byRow.values()].map((row) => ({
        top: Math.min(...row.map((n) => n.y)),
        bottom: Math.max(...row.map((n) => n.y + n.height)),
        row,
      }));
      for (const connector of routes) {
        const corners = routeCorners(connector.line);
        for (let i = 1; i < corners.length; i++) {
          const [p, q] = [corners[i - 1]!, corners[i]!];
          expect(p.x === q.x || p.y === q.y, connector.key).toBe(true);
          // Vertical steps pass rows: no box of the rows they pass may be crossed.
          if (p.x !== q.x) continue;
          for (const { top, bottom, row } of rows) {
            if (bottom < Math.min(p.y, q.y) || top > Math.max(p.y, q.y)) continue;
            for (const node of row)
              if (crossesBox(p, q, node)) throw new Error(`${connector.key} passes through ${node.id}`);
          }
        }
      }
    },
    30_000,
  );

  it('cross no more connectors than dagre draws on the benchmark maps of 100 and 1,000 nodes', () => {
    for (const size of [100, 1000]) {
      const map = syntheticMap(size);
      const laid = layoutMap(map);
      const edges = edgesOf(map);
      const g = new dagre.graphlib.Graph();
      g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 64 });
      g.setDefaultEdgeLabel(() => ({}));
      for (const node of laid.nodes) g.setNode(node.id, { width: node.width, height: node.height });
      for (const [premise, target] of edges) g.setEdge(target, premise);
      dagre.layout(g);
      const theirs = drawnCrossings(
        edges.map(([premise, target]) => ({
          from: premise,
          to: target,
          points: g.edge(target, premise).points ?? [],
        })),
      );
      const ours = drawnCrossings(ourDrawnEdges(laid));
      // Some crossings there must be: none would mean the paths were not read.
      expect(ours, `${size} nodes`).toBeGreaterThan(0);
      expect(ours, `${size} nodes`).toBeLessThanOrEqual(theirs);
    }
  }, 30_000);
});
