import type { LineGeometry } from '../layout/types.ts';
import type { MapCanvas } from './canvas.ts';
import type { Marker } from './render-model.ts';

/* Arrowheads on the canvas, drawn as SVG draws the render model's markers. */

/** The marker a connector names (`url(#id)`). */
export const markerNamed = (
  markers: ReadonlyMap<string, Marker>,
  url: string | undefined,
): Marker | undefined => (url === undefined ? undefined : markers.get(url.slice('url(#'.length, -1)));

/**
 * An arrowhead as SVG draws a marker: `markerWidth` times the line's width across (markerUnits
 * "strokeWidth"), its viewBox scaled to that, `refX`/`refY` on the line's end, turned along the line.
 */
export function drawMarker(
  ctx: MapCanvas,
  m: Marker,
  x: number,
  y: number,
  angle: number,
  lineWidth: number,
): void {
  const [, , boxWidth] = m.viewBox.split(' ').map(Number);
  const k = (m.width * lineWidth) / boxWidth!;
  const points = (m.path.match(/-?[\d.]+/g) ?? []).map(Number);
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(angle);
  ctx.scale(k, k);
  ctx.translate(-m.refX, -m.refY);
  ctx.beginPath();
  for (let i = 0; i + 1 < points.length; i += 2) {
    if (i === 0) ctx.moveTo(points[i]!, points[i + 1]!);
    else ctx.lineTo(points[i]!, points[i + 1]!);
  }
  ctx.closePath();
  ctx.fillStyle = m.fill;
  ctx.fill();
  ctx.restore();
}

/** The direction in which a line arrives at its end: from the last point before it that differs. */
export function endAngle({ coords }: LineGeometry): number {
  const n = coords.length;
  const [ex, ey] = [coords[n - 2]!, coords[n - 1]!];
  for (let k = n - 4; k >= 0; k -= 2) {
    const [x, y] = [coords[k]!, coords[k + 1]!];
    if (x !== ex || y !== ey) return Math.atan2(ey - y, ex - x);
  }
  return 0;
}

/** The direction in which a line leaves its start: towards the first point after it that differs. */
export function startAngle({ coords }: LineGeometry): number {
  const [sx, sy] = [coords[0]!, coords[1]!];
  for (let k = 2; k + 1 < coords.length; k += 2) {
    const [x, y] = [coords[k]!, coords[k + 1]!];
    if (x !== sx || y !== sy) return Math.atan2(y - sy, x - sx);
  }
  return 0;
}
