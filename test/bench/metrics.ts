import type { LineGeometry } from '../../src/core/layout/types.ts';
import { traceLine } from '../../src/core/render/path.ts';
import { px } from '../../src/core/round.ts';

/** Drawing quality figures computed the same way for every engine: straight centre-to-centre edges. */

export interface Placed {
  readonly centres: ReadonlyMap<string, { x: number; y: number }>;
  readonly width: number;
  readonly height: number;
}

export type Edge = readonly [from: string, to: string];

/** Number of pairs of edges whose straight segments cross (edges sharing an end do not count). */
export function crossings(placed: Placed, edges: readonly Edge[]): number {
  const segments = edges.flatMap(([a, b]) => {
    const p = placed.centres.get(a);
    const q = placed.centres.get(b);
    return p && q ? [{ a, b, x1: p.x, y1: p.y, x2: q.x, y2: q.y }] : [];
  });
  // Sweep along x: only segments whose x-ranges overlap can cross.
  const sorted = segments
    .map((s) => ({ ...s, lo: Math.min(s.x1, s.x2), hi: Math.max(s.x1, s.x2) }))
    .sort((s, t) => s.lo - t.lo);
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.lo <= s.hi; j++) {
      const t = sorted[j]!;
      if (s.a === t.a || s.a === t.b || s.b === t.a || s.b === t.b) continue;
      if (intersects(s, t)) count++;
    }
  }
  return count;
}

type Segment = { x1: number; y1: number; x2: number; y2: number };

/**
 * Whether two segments cross. A point exactly on the other segment's line counts as on its positive side
 * (half-open), so that a line passing through the joint of two segments of a polyline crosses one of them,
 * not neither: flattened curves have joints at round depths where routes may run.
 */
function intersects(s: Segment, t: Segment): boolean {
  const d1 = cross(t, s.x1, s.y1) < 0;
  const d2 = cross(t, s.x2, s.y2) < 0;
  const d3 = cross(s, t.x1, t.y1) < 0;
  const d4 = cross(s, t.x2, t.y2) < 0;
  return d1 !== d2 && d3 !== d4;
}

function cross(s: Segment, x: number, y: number): number {
  return (s.x2 - s.x1) * (y - s.y1) - (s.y2 - s.y1) * (x - s.x1);
}

type Point = { x: number; y: number };

/** An edge as drawn: the premise, the conclusion, and the line between them as a polyline. */
export interface DrawnEdge {
  readonly from: string;
  readonly to: string;
  readonly points: readonly Point[];
}

/**
 * Crossings of the lines as each engine draws them (our connectors, dagre's edge points, Graphviz's splines),
 * curves flattened into short segments: the crossings a reader sees. Each crossing point between two edges that
 * share no end counts once per pair of edges (a line shared by linked premises is crossed once per premise).
 */
export function drawnCrossings(edges: readonly DrawnEdge[]): number {
  const segments: { e: number; x1: number; y1: number; x2: number; y2: number; lo: number; hi: number }[] =
    [];
  edges.forEach((edge, e) => {
    for (let i = 1; i < edge.points.length; i++) {
      const p = edge.points[i - 1]!;
      const q = edge.points[i]!;
      segments.push({
        e,
        x1: p.x,
        y1: p.y,
        x2: q.x,
        y2: q.y,
        lo: Math.min(p.x, q.x),
        hi: Math.max(p.x, q.x),
      });
    }
  });
  segments.sort((s, t) => s.lo - t.lo);
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    for (let j = i + 1; j < segments.length && segments[j]!.lo <= s.hi; j++) {
      const t = segments[j]!;
      if (s.e === t.e) continue;
      const a = edges[s.e]!;
      const b = edges[t.e]!;
      if (a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to) continue;
      if (intersects(s, t)) count++;
    }
  }
  return count;
}

/** Points along a cubic Bézier, after its start. */
export function flattenCubic(p0: Point, p1: Point, p2: Point, p3: Point, out: Point[]): void {
  for (let i = 1; i <= 8; i++) {
    const t = i / 8;
    const u = 1 - t;
    out.push({
      x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
      y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
    });
  }
}

/** A coordinate as the SVG prints it (to 0.01 px): crossings are counted on the lines as drawn. */
const printed = (v: number): number => Number(px(v));

/** The pieces of a connector's line (each M starts one), curves flattened, at the SVG's 0.01 px. */
export function linePolylines(line: LineGeometry): Point[][] {
  const lines: Point[][] = [];
  let current: Point[] = [];
  const at = (x: number, y: number): Point => ({ x: printed(x), y: printed(y) });
  traceLine(line, {
    moveTo: (x, y) => lines.push((current = [at(x, y)])),
    lineTo: (x, y) => current.push(at(x, y)),
    bezierCurveTo: (x1, y1, x2, y2, x, y) =>
      flattenCubic(current[current.length - 1]!, at(x1, y1), at(x2, y2), at(x, y), current),
    quadraticCurveTo: (x1, y1, x, y) => {
      // A quadratic as the cubic with control points 2/3 of the way to its one control point.
      const last = current[current.length - 1]!;
      const c = at(x1, y1);
      const end = at(x, y);
      flattenCubic(
        last,
        { x: last.x + (2 / 3) * (c.x - last.x), y: last.y + (2 / 3) * (c.y - last.y) },
        { x: end.x + (2 / 3) * (c.x - end.x), y: end.y + (2 / 3) * (c.y - end.y) },
        end,
        current,
      );
    },
  });
  return lines;
}
