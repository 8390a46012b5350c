import type { LineGeometry } from '../layout/types.ts';
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
