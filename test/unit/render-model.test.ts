import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import type { LaidOutMap, LineGeometry } from '../../src/core/layout/types.ts';
import { pathData, traceLine } from '../../src/core/render/path.ts';
import { renderModel, togglePill } from '../../src/core/render/render-model.ts';
import { renderSvg } from '../../src/core/render/svg.ts';
import { styleSheet } from '../../src/core/render/style-sheet.ts';
import { themes } from '../../src/core/render/theme.ts';
import { px } from '../../src/core/round.ts';
import { arbitraryMap } from './arbitraries.ts';
import { readText, root } from './helpers.ts';

const trenin = parseArgmapJson(readText('data/trenin-2010.argmap.json')).map!;

/** Every point a line's steps name, control points included, as the canvas receives them. */
function pointsOf(line: LineGeometry): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  const add = (...xy: number[]) => {
    for (let i = 0; i < xy.length; i += 2) points.push({ x: xy[i]!, y: xy[i + 1]! });
  };
  traceLine(line, { moveTo: add, lineTo: add, bezierCurveTo: add, quadraticCurveTo: add });
  return points;
}

const attributes = (element: Element | undefined, names: string[]) =>
  names.map((name) => element?.getAttribute(name) ?? null);

describe('path text from geometry', () => {
  it('prints each step with its numbers to 0.01 px', () => {
    const line = {
      steps: 'MLCMQ',
      coords: [0, 1.005, 2.5, -3, 1, 2, 3, 4, 5, 6, 10, 20, -0.004, 7.25, 8, 9],
    };
    expect(pathData(line)).toBe('M0,1L2.5,-3C1,2 3,4 5,6M10,20Q0,7.25 8,9');
    expect(pointsOf(line)).toHaveLength(8);
  });
});

describe('connector geometry', () => {
  it('has the numbers its steps take, and bounds around every point, touched on each side', () => {
    fc.assert(
      fc.property(arbitraryMap, fc.constantFrom('down' as const, 'right' as const), (map, direction) => {
        for (const { key, line, bounds } of layoutMap(map, { direction }).connectors) {
          const sizes: Record<string, number> = { M: 2, L: 2, C: 6, Q: 4 };
          const wanted = [...line.steps].reduce((sum, step) => sum + sizes[step]!, 0);
          expect(line.coords.length, key).toBe(wanted);
          expect(line.steps[0], key).toBe('M');
          const points = pointsOf(line);
          // Right and bottom as sums may be off by a rounding error of the last bit.
          const right = bounds.x + bounds.width + 1e-9;
          const bottom = bounds.y + bounds.height + 1e-9;
          for (const p of points) {
            expect(p.x >= bounds.x && p.x <= right && p.y >= bounds.y && p.y <= bottom, key).toBe(true);
          }
          expect(Math.min(...points.map((p) => p.x)), key).toBe(bounds.x);
          expect(Math.min(...points.map((p) => p.y)), key).toBe(bounds.y);
          expect(Math.max(...points.map((p) => p.x)), key).toBeCloseTo(right, 6);
          expect(Math.max(...points.map((p) => p.y)), key).toBeCloseTo(bottom, 6);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the render model', () => {
  const cases: [string, LaidOutMap][] = [
    ['down', layoutMap(trenin)],
    ['right', layoutMap(trenin, { direction: 'right' })],
    ['collapsed', layoutMap(trenin, { collapsed: new Set(trenin.nodes.slice(1, 9).map((n) => n.id)) })],
  ];

  it.each(cases)('is what the SVG writer draws (%s)', (name, laid) => {
    const model = renderModel(laid, themes.dark);
    const svg = new JSDOM(renderSvg(laid, { theme: 'dark' }), { contentType: 'image/svg+xml' }).window
      .document;
    const markers = [...svg.querySelectorAll('defs marker')];
    expect(markers.map((m) => [m.id, m.querySelector('path')?.getAttribute('fill')])).toEqual(
      model.markers.map((m) => [m.id, m.fill]),
    );

    const paths = [...svg.querySelectorAll('path.connector')];
    expect(paths).toHaveLength(model.connectors.length);
    model.connectors.forEach((shape, i) => {
      expect(attributes(paths[i], ['class', 'd', 'marker-start', 'marker-end'])).toEqual([
        shape.className,
        pathData(shape.connector.line),
        shape.markerStart ?? null,
        shape.markerEnd ?? null,
      ]);
    });
    const labels = model.connectors.flatMap((c) => (c.label ? [c.label] : []));
    expect(labels.length).toBeGreaterThan(0);
    expect([...svg.querySelectorAll('text.connector-label')].map((t) => attributes(t, ['x', 'y']))).toEqual(
      labels.map((l) => [px(l.x), px(l.y)]),
    );

    const groups = [...svg.querySelectorAll('g.group')];
    expect(groups).toHaveLength(model.frames.length);
    expect(groups.map((g) => g.querySelector('path.frame')?.getAttribute('d'))).toEqual(
      model.frames.map((f) => f.path),
    );
    // Titles on first parts only; later parts share their colour.
    expect(
      groups.map((g) => (g.querySelector('text') ? attributes(g.querySelector('text')!, ['x', 'y']) : null)),
    ).toEqual(model.frames.map((f) => (f.title.text ? [px(f.title.x), px(f.title.y)] : null)));
    expect(groups.map((g) => g.getAttribute('class'))).toEqual(model.frames.map((f) => `group ${f.tone}`));

    const boxes = [...svg.querySelectorAll('g.node')];
    expect(boxes).toHaveLength(model.boxes.length);
    model.boxes.forEach((box, i) => {
      const drawn = boxes[i]!;
      expect(drawn.getAttribute('class')).toBe(box.className);
      expect(drawn.querySelector('rect.box')?.getAttribute('rx')).toBe(String(box.rx));
      expect(
        [...drawn.querySelectorAll(':scope > text')].map((t) => [t.getAttribute('class'), t.textContent]),
      ).toEqual(box.lines.map((l) => [l.className, l.text]));
      const badge = drawn.querySelector('g.badge');
      expect(badge === null).toBe(box.badge === undefined);
      if (box.badge) {
        expect(attributes(badge?.querySelector('rect') ?? undefined, ['x', 'width', 'height', 'rx'])).toEqual(
          [px(box.badge.x), px(box.badge.width), String(box.badge.height), String(box.badge.rx)],
        );
        expect(badge?.textContent).toBe(`+${box.node.hidden}`);
        // The app's toggle on a collapsed box is the same pill.
        expect(togglePill(box.node)).toEqual(box.badge);
      }
    });
    if (name === 'collapsed') expect(model.boxes.some((b) => b.badge)).toBe(true);
  });

  it('gives each relation type one arrowhead in its colour (contradictions one at each end), defined in the model alone', () => {
    for (const theme of Object.values(themes)) {
      // Strict Argdown's kinds get theirs only in maps that draw them (Trenin's has none).
      const { markers } = renderModel(layoutMap(trenin), theme);
      const drawn = Object.entries(theme.relations).filter(([t]) => t !== 'entails' && t !== 'contrary');
      const ends = markers.filter((m) => !m.id.endsWith('-start'));
      expect(ends.map((m) => m.id)).toEqual(drawn.map(([t]) => `arrow-${t}`));
      expect(ends.map((m) => m.fill)).toEqual(drawn.map(([, colour]) => colour));
      const starts = markers.filter((m) => m.id.endsWith('-start'));
      expect(starts.map((m) => [m.id, m.fill])).toEqual([
        ['arrow-contradiction-start', theme.relations.contradiction],
      ]);
      // resvg, which draws PNGs, does not turn `auto-start-reverse` markers along their line.
      expect(new Set(markers.map((m) => m.orient))).toEqual(new Set(['auto']));
    }
    // The arrowhead's shape is written once in the source: the renderers take it from the model.
    const arrowhead = 'M0,0L10,5L0,10z';
    const sources = (dir: string): string[] =>
      readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
      );
    const holders = sources('src').filter((file) => readText(file).includes(arrowhead));
    expect(holders).toEqual(['src/core/render/render-model.ts']);
  });
});

describe('the "+N" pill of a collapsed box', () => {
  it.each(['down', 'right'] as const)(
    'drawing %s, stands where its children would hang, inside the map’s bounds and clear of other boxes',
    (direction) => {
      const collapsed = new Set(
        layoutMap(trenin)
          .nodes.filter((n) => n.hasChildren && n.depth === 1)
          .map((n) => n.id),
      );
      const laidOut = layoutMap(trenin, { direction, collapsed });
      const { bounds } = laidOut;
      const inside = (r: { x: number; y: number; width: number; height: number }) =>
        r.x >= bounds.x - 0.01 &&
        r.y >= bounds.y - 12 &&
        r.x + r.width <= bounds.x + bounds.width + 0.01 &&
        r.y + r.height <= bounds.y + bounds.height + 12;
      const badges = renderModel(laidOut, themes.light).boxes.filter((b) => b.badge);
      expect(badges.length).toBe(collapsed.size);
      for (const { node, badge } of badges) {
        // Drawing down it may stand a few pixels below the bounds, into a picture's margin.
        expect(inside(badge!), node.id).toBe(true);
        for (const other of laidOut.nodes)
          if (other.id !== node.id)
            // A few pixels clear: a pill touching the next box reads as that box's.
            expect(
              badge!.x - 2 < other.x + other.width &&
                badge!.x + badge!.width + 2 > other.x &&
                badge!.y - 2 < other.y + other.height &&
                badge!.y + badge!.height + 2 > other.y,
              `${node.id} over ${other.id}`,
            ).toBe(false);
      }
    },
  );
});

describe('a premise routed to the bar of its linked partners', () => {
  it('joins the bar with no arrowhead of its own; the line from the bar carries the relation’s', () => {
    // A is placed under T by r1; with B it also supports C (r2, linked), so it is routed to r2's bar.
    const map = parseArgmapJson(
      JSON.stringify({
        format: 'argmap',
        version: 1,
        nodes: [
          { id: 't', type: 'statement', text: 'T' },
          { id: 'a', type: 'statement', text: 'A' },
          { id: 'c', type: 'statement', text: 'C' },
          { id: 'b', type: 'statement', text: 'B' },
        ],
        relations: [
          { id: 'r1', type: 'support', from: ['a'], to: 't' },
          { id: 'r3', type: 'support', from: ['c'], to: 't' },
          { id: 'r2', type: 'support', from: ['b', 'a'], to: 'c' },
        ],
      }),
    ).map!;
    const laidOut = layoutMap(map);
    const joining = laidOut.connectors.filter((c) => c.joinsBar);
    expect(joining.map((c) => c.key)).toEqual(['r2#a']);
    const { connectors } = renderModel(laidOut, themes.light);
    expect(connectors.find((c) => c.connector.key === 'r2#a')?.markerEnd).toBeUndefined();
    expect(connectors.find((c) => c.connector.key === 'r2')?.markerEnd).toBe('url(#arrow-support)');
    const svg = new JSDOM(renderSvg(laidOut)).window.document;
    const paths = [...svg.querySelectorAll('path.connector[data-relation-id="r2"]')];
    expect(paths.map((p) => p.hasAttribute('marker-end')).sort()).toEqual([false, true]);
  });
});

describe('the style sheet of exported pictures', () => {
  it('uses only selectors the PNG renderer (resvg) reads: classes and descendants, no pseudo-classes', () => {
    for (const theme of Object.values(themes)) {
      const selectors = styleSheet(theme)
        .split('}')
        .map((rule) => rule.split('{')[0]!)
        .filter(Boolean);
      expect(selectors.filter((selector) => /:/.test(selector))).toEqual([]);
    }
  });
});
