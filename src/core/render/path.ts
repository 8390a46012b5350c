import type { LineGeometry, Point } from '../layout/types.ts';
import { px } from '../round.ts';

/**
 * SVG path data of a line, every number printed by `px` (to 0.01 px): the one place path text is made, for
 * the SVG writer and the app alike.
 */
export function pathData(line: LineGeometry): string {
  const { steps, coords: c } = line;
  let d = '';
  let k = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step === 'C') {
      d += `C${px(c[k]!)},${px(c[k + 1]!)} ${px(c[k + 2]!)},${px(c[k + 3]!)} ${px(c[k + 4]!)},${px(c[k + 5]!)}`;
      k += 6;
    } else if (step === 'Q') {
      d += `Q${px(c[k]!)},${px(c[k + 1]!)} ${px(c[k + 2]!)},${px(c[k + 3]!)}`;
      k += 4;
    } else {
      d += `${step}${px(c[k]!)},${px(c[k + 1]!)}`;
      k += 2;
    }
  }
  return d;
}

/** What a line can be traced into: a canvas `Path2D` is one, a flattening measure another. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void;
  quadraticCurveTo(x1: number, y1: number, x: number, y: number): void;
}

/** Traces a line's steps into a sink, in order. */
export function traceLine(line: LineGeometry, sink: PathSink): void {
  const { steps, coords: c } = line;
  let k = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step === 'M') sink.moveTo(c[k]!, c[k + 1]!);
    else if (step === 'L') sink.lineTo(c[k]!, c[k + 1]!);
    else if (step === 'C') {
      sink.bezierCurveTo(c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!, c[k + 4]!, c[k + 5]!);
      k += 4;
    } else {
      sink.quadraticCurveTo(c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!);
      k += 2;
    }
    k += 2;
  }
}

/** A `PathSink` that can close a loop: what outlines are traced into. */
export interface OutlineSink extends PathSink {
  closePath(): void;
}

/**
 * SVG path data of closed outlines made of straight runs (see `layout/outline.ts`), each corner rounded with
 * `radius` px, less where a run is too short for two corners.
 */
export function outlinePath(loops: readonly (readonly Point[])[], radius: number): string {
  let d = '';
  traceOutline(loops, radius, {
    moveTo: (x, y) => (d += `M${px(x)},${px(y)}`),
    lineTo: (x, y) => (d += `L${px(x)},${px(y)}`),
    quadraticCurveTo: (x1, y1, x, y) => (d += `Q${px(x1)},${px(y1)} ${px(x)},${px(y)}`),
    bezierCurveTo: () => {},
    closePath: () => (d += 'Z'),
  });
  return d;
}

/** Traces closed outlines with rounded corners (as `outlinePath` writes them) into a sink. */
export function traceOutline(loops: readonly (readonly Point[])[], radius: number, sink: OutlineSink): void {
  for (const loop of loops) {
    const count = loop.length;
    if (count < 3) continue;
    const towards = (from: Point, to: Point, by: number): Point => {
      const length = Math.hypot(to.x - from.x, to.y - from.y);
      return { x: from.x + ((to.x - from.x) * by) / length, y: from.y + ((to.y - from.y) * by) / length };
    };
    const reach = (i: number): number => {
      const p = loop[i]!;
      const before = loop[(i + count - 1) % count]!;
      const after = loop[(i + 1) % count]!;
      const runIn = Math.hypot(p.x - before.x, p.y - before.y);
      const runOut = Math.hypot(after.x - p.x, after.y - p.y);
      return Math.min(radius, runIn / 2, runOut / 2);
    };
    for (let i = 0; i < count; i++) {
      const p = loop[i]!;
      const r = reach(i);
      const start = towards(p, loop[(i + count - 1) % count]!, r);
      const end = towards(p, loop[(i + 1) % count]!, r);
      if (i === 0) sink.moveTo(start.x, start.y);
      else sink.lineTo(start.x, start.y);
      sink.quadraticCurveTo(p.x, p.y, end.x, end.y);
    }
    sink.closePath();
  }
}
