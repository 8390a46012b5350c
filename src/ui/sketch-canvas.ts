import type { LaidOutMap } from '../core/layout/types.ts';
import { traceLine } from '../core/render/path.ts';
import type { Theme } from '../core/render/theme.ts';

/** The whole map as a few shapes: one per role (its boxes) and one per relation type (its lines). */
export interface Sketch {
  readonly boxes: readonly { readonly role: keyof Theme['roles']; readonly shape: Path2D }[];
  readonly lines: readonly { readonly type: keyof Theme['relations']; readonly shape: Path2D }[];
}

export function sketchOf(laidOut: LaidOutMap): Sketch {
  const boxes = new Map<keyof Theme['roles'], Path2D>();
  for (const n of laidOut.nodes) {
    let shape = boxes.get(n.role);
    if (!shape) boxes.set(n.role, (shape = new Path2D()));
    shape.rect(n.x, n.y, n.width, n.height);
  }
  const lines = new Map<keyof Theme['relations'], Path2D>();
  for (const c of laidOut.connectors) {
    let shape = lines.get(c.type);
    if (!shape) lines.set(c.type, (shape = new Path2D()));
    traceLine(c.line, shape);
  }
  return {
    boxes: [...boxes].map(([role, shape]) => ({ role, shape })),
    lines: [...lines].map(([type, shape]) => ({ type, shape })),
  };
}

/**
 * Draws the sketch at the view's transform, lines one screen pixel wide whatever the zoom. A canvas, not
 * SVG: panning ten thousand SVG boxes makes the browser paint every one of them again in every frame, while
 * the canvas paints a handful of prepared shapes into one bitmap.
 */
export function drawSketch(
  canvas: HTMLCanvasElement,
  sketch: Sketch,
  view: { x: number; y: number; k: number },
  size: { width: number; height: number },
  theme: Theme,
): void {
  const ratio = globalThis.devicePixelRatio || 1;
  const width = Math.round(size.width * ratio);
  const height = Math.round(size.height * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  context.setTransform(ratio * view.k, 0, 0, ratio * view.k, ratio * view.x, ratio * view.y);
  context.lineWidth = 1 / view.k;
  for (const { type, shape } of sketch.lines) {
    context.strokeStyle = theme.relations[type];
    context.stroke(shape);
  }
  for (const { role, shape } of sketch.boxes) {
    context.fillStyle = theme.roles[role].fill;
    context.fill(shape);
    context.strokeStyle = theme.roles[role].stroke;
    context.stroke(shape);
  }
}
