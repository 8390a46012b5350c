import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportMap } from '../../src/cli/export.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import type { LineGeometry, Point } from '../../src/core/layout/types.ts';
import { themes } from '../../src/core/render/theme.ts';

/**
 * The PNG renderer (resvg) draws every arrowhead turned along its line, as browsers do: a head pointing the
 * wrong way, or not turned at all, leaves the pixels either side of the line just behind its tip unpainted.
 */

const SCALE = 2;
const map = parseArgmapJson(
  readFileSync(new URL('../../data/example.argmap.json', import.meta.url), 'utf8'),
).map!;

/** The unit direction from `from` to `to`. */
function direction(from: Point, to: Point): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  return { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
}

const point = (line: LineGeometry, index: number): Point => {
  const at = index < 0 ? line.coords.length + index * 2 : index * 2;
  return { x: line.coords[at]!, y: line.coords[at + 1]! };
};

/** Two points 6 px back from a head's tip, 1.5 px either side of the line: inside a head, outside the line. */
function besideTip(tip: Point, along: Point): Point[] {
  return [-1.5, 1.5].map((side) => ({
    x: tip.x - along.x * 6 - along.y * side,
    y: tip.y - along.y * 6 + along.x * side,
  }));
}

describe('arrowheads in the PNG', () => {
  it('cover both sides of the line just behind every tip, at both ends of a contradiction', async () => {
    const png = PNG.sync.read(
      Buffer.from(
        (await exportMap(map, {
          format: 'png',
          scale: SCALE,
          theme: 'light',
          direction: 'down',
        })) as Uint8Array,
      ),
    );
    const laidOut = layoutMap(map, { direction: 'down' });
    const origin = { x: laidOut.bounds.x - 24, y: laidOut.bounds.y - 24 };
    const colourAt = ({ x, y }: Point): string => {
      const at = (Math.round((y - origin.y) * SCALE) * png.width + Math.round((x - origin.x) * SCALE)) * 4;
      return [0, 1, 2].map((c) => png.data[at + c]!.toString(16).padStart(2, '0')).join('');
    };
    // Heads meeting at one box overlap: the one drawn last shows.
    const headColours = new Set(Object.values(themes.light.relations).map((c) => c.toLowerCase()));
    let heads = 0;
    for (const { line, type, relationId } of laidOut.connectors) {
      const tips = [{ tip: point(line, -1), along: direction(point(line, -2), point(line, -1)) }];
      if (type === 'contradiction')
        tips.push({ tip: point(line, 0), along: direction(point(line, 1), point(line, 0)) });
      for (const { tip, along } of tips) {
        heads++;
        for (const beside of besideTip(tip, along))
          expect(headColours, `${relationId} at ${JSON.stringify(beside)}`).toContain(`#${colourAt(beside)}`);
      }
    }
    expect(heads).toBeGreaterThan(8);
  });
});
