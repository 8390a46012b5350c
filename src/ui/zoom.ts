import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, zoomTransform, type ZoomTransform } from 'd3-zoom';
import type { Rect } from '../core/layout/types.ts';
import { fitMaxScale, fitScale, overviewTop, readableScale } from './first-view.ts';

export interface ZoomControl {
  /**
   * Shows the whole rectangle, centred, zoomed in at most `maxScale` (by default a little over the map's own
   * size: a small map is not blown up to fill a desktop screen).
   */
  fit(bounds: Rect, animate?: boolean, size?: Size, maxScale?: number): void;
  /**
   * A presentation step's camera: the whole rectangle, as large as the surface allows up to `maxScale`, with
   * `margin` px round it and the bottom `band` px of the surface (the caption's) left clear.
   */
  frame(bounds: Rect, band: number, margin: number, maxScale: number): void;
  /**
   * The first view of a map: the whole map when it is readable that way; else, at a readable scale, its top
   * centred on `focusX` (the thesis). `size` is the surface's size when known: asking the page for it would
   * make the browser lay out the new map an extra time.
   */
  overview(bounds: Rect, focusX: number, size?: Size): void;
  zoomBy(factor: number): void;
  /** Moves the view so that the point is in the centre, keeping the scale. */
  centreOn(x: number, y: number, animate?: boolean): void;
  /** The part of the map on screen, in map units. */
  visibleRect(): Rect | undefined;
  /**
   * Shows a part of the map that `visibleRect` gave, at once and without a margin round it: the same view
   * again on a surface of the same size (after presenting), as near as the shape allows on another.
   */
  show(rect: Rect): void;
  /** Shifts the view by a distance in map units, at once (to keep a box still while the layout changes). */
  shiftBy(dx: number, dy: number): void;
  destroy(): void;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The transform that draws the middle of `rect` at (x, y) on the surface, `scale` times its size. */
const centring = (rect: Rect, x: number, y: number, scale: number) =>
  zoomIdentity
    .translate(x, y)
    .scale(scale)
    .translate(-(rect.x + rect.width / 2), -(rect.y + rect.height / 2));

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * d3-zoom on the map's one zoom surface (docs/ARCHITECTURE.md, "Layers"): wheel, drag and pinch; the
 * transform is handed back to Svelte, which owns the markup.
 */
export function attachZoom(svg: SVGSVGElement, onTransform: (transform: ZoomTransform) => void): ZoomControl {
  // The surface's size for d3's extent, which it reads on every gesture and every transform set from here:
  // its default asks the element, which forces a layout in the middle of the first drawing. Known from the
  // size the first view was set for, then kept by a ResizeObserver, which reports after layout.
  let known: Size | undefined;
  const observer =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver((entries) => {
          const box = entries[entries.length - 1]!.contentRect;
          known = { width: box.width, height: box.height };
        });
  observer?.observe(svg);
  const extent = (): [[number, number], [number, number]] => {
    known ??= svg.getBoundingClientRect();
    return [
      [0, 0],
      [known.width, known.height],
    ];
  };
  const behavior = zoom<SVGSVGElement, unknown>()
    .extent(extent)
    .scaleExtent([0.02, 4])
    .on('zoom', (event: { transform: ZoomTransform }) => onTransform(event.transform));
  const surface = select(svg);
  surface.call(behavior).on('dblclick.zoom', null);
  const duration = (ms: number) => (reducedMotion() ? 0 : ms);
  return {
    fit(bounds, animate = true, size, maxScale = fitMaxScale) {
      if (size) known ??= size;
      const { width, height } = size ?? svg.getBoundingClientRect();
      if (width === 0 || height === 0 || bounds.width === 0) return;
      const t = centring(bounds, width / 2, height / 2, fitScale(bounds, { width, height }, maxScale));
      surface
        .transition()
        .duration(animate ? duration(350) : 0)
        .call(behavior.transform, t);
    },
    frame(bounds, band, margin, maxScale) {
      const { width, height } = svg.getBoundingClientRect();
      const room = { width: width - 2 * margin, height: height - band - 2 * margin };
      if (room.width <= 0 || room.height <= 0 || bounds.width === 0) return;
      const scale = Math.min(maxScale, room.width / bounds.width, room.height / bounds.height);
      const t = centring(bounds, width / 2, margin + room.height / 2, scale);
      surface.transition().duration(duration(350)).call(behavior.transform, t);
    },
    overview(bounds, focusX, size) {
      if (size) known ??= size;
      const { width, height } = size ?? svg.getBoundingClientRect();
      if (width === 0 || height === 0 || bounds.width === 0) return;
      if (fitScale(bounds, { width, height }) >= readableScale)
        return this.fit(bounds, false, { width, height });
      const t = zoomIdentity
        .translate(width / 2, overviewTop)
        .scale(readableScale)
        .translate(-focusX, -bounds.y);
      surface.call(behavior.transform, t);
    },
    zoomBy(factor) {
      surface.transition().duration(duration(200)).call(behavior.scaleBy, factor);
    },
    centreOn(x, y, animate = true) {
      if (animate) surface.transition().duration(duration(350)).call(behavior.translateTo, x, y);
      else surface.interrupt().call(behavior.translateTo, x, y);
    },
    visibleRect() {
      const { width, height } = svg.getBoundingClientRect();
      if (width === 0 || height === 0) return undefined;
      const t = zoomTransform(svg);
      return { x: -t.x / t.k, y: -t.y / t.k, width: width / t.k, height: height / t.k };
    },
    show(rect) {
      const { width, height } = svg.getBoundingClientRect();
      if (width === 0 || height === 0 || rect.width === 0 || rect.height === 0) return;
      const t = centring(rect, width / 2, height / 2, Math.min(width / rect.width, height / rect.height));
      surface.interrupt().call(behavior.transform, t);
    },
    shiftBy(dx, dy) {
      surface.interrupt().call(behavior.translateBy, -dx, -dy);
    },
    destroy() {
      observer?.disconnect();
      surface.interrupt().on('.zoom', null);
    },
  };
}
