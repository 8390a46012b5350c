import type { LineGeometry, Rect } from '../layout/types.ts';
import { traceLine, type PathSink } from './path.ts';

/** Pieces each curve is drawn with once cut: enough that the straight pieces read as the curve. */
const CURVE_PIECES = 16;

/**
 * The part of a line inside `rect`, as straight pieces (curves that cross the edge flattened first), or
 * undefined when none of it is inside. A line wholly inside comes back as it was.
 */
export function clipLine(line: LineGeometry, rect: Rect): LineGeometry | undefined {
  const points = flatten(line);
  if (points.every((piece) => piece.every(([x, y]) => inside(rect, x, y)))) return line;
  let steps = '';
  const coords: number[] = [];
  for (const piece of points) {
    let open = false;
    for (let i = 1; i < piece.length; i++) {
      const cut = clipSegment(piece[i - 1]!, piece[i]!, rect);
      if (!cut) {
        open = false;
        continue;
      }
      const [[ax, ay], [bx, by]] = cut;
      if (!open || coords.at(-2) !== ax || coords.at(-1) !== ay) {
        steps += 'M';
        coords.push(ax, ay);
      }
      steps += 'L';
      coords.push(bx, by);
      // A piece that leaves the rect ends there; the next one inside starts anew.
      open = bx === piece[i]![0] && by === piece[i]![1];
    }
  }
  return steps ? { steps, coords } : undefined;
}

type Point = readonly [number, number];

const inside = (r: Rect, x: number, y: number) =>
  x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;

/** The line as polylines, one per `M`: straight steps kept, curves sampled. */
function flatten(line: LineGeometry): Point[][] {
  const pieces: Point[][] = [];
  let at: Point = [0, 0];
  const add = (p: Point) => {
    pieces.at(-1)!.push(p);
    at = p;
  };
  const sample = (point: (t: number) => Point) => {
    for (let i = 1; i <= CURVE_PIECES; i++) add(point(i / CURVE_PIECES));
  };
  const sink: PathSink = {
    moveTo: (x, y) => {
      pieces.push([]);
      add([x, y]);
    },
    lineTo: (x, y) => add([x, y]),
    bezierCurveTo: (x1, y1, x2, y2, x, y) => {
      const [x0, y0] = at;
      sample((t) => {
        const u = 1 - t;
        const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
        return [a * x0 + b * x1 + c * x2 + d * x, a * y0 + b * y1 + c * y2 + d * y];
      });
    },
    quadraticCurveTo: (x1, y1, x, y) => {
      const [x0, y0] = at;
      sample((t) => {
        const u = 1 - t;
        return [u * u * x0 + 2 * u * t * x1 + t * t * x, u * u * y0 + 2 * u * t * y1 + t * t * y];
      });
    },
  };
  traceLine(line, sink);
  return pieces;
}

/** Liang–Barsky: the part of segment a→b inside the rect, or undefined. */
function clipSegment(a: Point, b: Point, r: Rect): [Point, Point] | undefined {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0] - r.x],
    [dx, r.x + r.width - a[0]],
    [-dy, a[1] - r.y],
    [dy, r.y + r.height - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return undefined;
  }
  const at = (t: number): Point => (t === 0 ? a : t === 1 ? b : [a[0] + t * dx, a[1] + t * dy]);
  return [at(t0), at(t1)];
}
