import type { LaidOutMap, Rect } from '../core/layout/types.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import { escapeXml } from '../core/render/escape.ts';
import { renderSvg } from '../core/render/svg.ts';
import { themes } from '../core/render/theme.ts';
import { px } from '../core/round.ts';
import { APP_RAN_KEY, FIRST_FRAME_ID } from './first-frame.ts';
import { fitScale, overviewFocus, overviewTop, readableScale } from './first-view.ts';

/** The largest map surface the prerendered frame is made for: a 4K screen, less nothing. */
const largestSurface = { width: 3840, height: 2160 };

/**
 * The part of the map the first view can show on the largest surface, in map units: the rest is left out of
 * the page (the app draws it), which keeps index.html and the first frame's work small.
 */
export function firstViewArea(laidOut: LaidOutMap, focus: number): Rect {
  const width = largestSurface.width / readableScale;
  const height = largestSurface.height / readableScale;
  return { x: focus - width / 2, y: laidOut.bounds.y - overviewTop / readableScale, width, height };
}

/**
 * The first frame of a first visit, written into index.html when the app is built (vite.config.ts), so that
 * the browser paints the default map, in its font, before any script runs (docs/ARCHITECTURE.md, "First
 * visit"). It is the app's shell as app.css lays it out (toolbar, map surface, side panel) with the map
 * drawn by the SVG writer where the app's first view puts it: its top, at the readable scale, the first
 * thesis centred. The map's place is set in SVG units relative to the surface's width (`x="50%"`), which only
 * the browser knows, so no script is needed. It lies over the page (fixed) until the app has drawn the same
 * map in the same place and removes it; a dark colour scheme hides it, since the app then draws a dark map.
 * Contained (`contain: strict`): the app's first layouts, while it is still there, do not lay it out again.
 */
export function firstFrameHtml(
  map: ArgumentMap,
  laidOut: LaidOutMap,
  toolbar: string = plainToolbar(map.title ?? 'argmap'),
): string {
  if (!/^\s*<header /.test(toolbar)) throw new Error("the first frame's toolbar is not a header element");
  const focus = overviewFocus(laidOut);
  if (focus === undefined) throw new Error('the default map has no box to show');
  // The app fits a map that is readable whole; this frame shows the top only, which is what the app does on
  // any screen when the map is as large as the default one.
  if (fitScale(laidOut.bounds, largestSurface) >= readableScale)
    throw new Error('the default map fits a large screen whole, and the first frame draws only its top');
  const title = map.title ?? 'argmap';
  const crop = firstViewArea(laidOut, focus);
  const drawing = ownIds(withoutTestHooks(renderSvg(laidOut, { theme: 'light', crop, title })));
  // The drawing's own origin is the area's corner; the focus goes to x = 0 (the middle of the surface), the
  // bounds' top to y = 0 (overviewTop below the surface's top).
  const place = `scale(${readableScale}) translate(${px(crop.x - focus)},${px(crop.y - laidOut.bounds.y)})`;
  return [
    `<div id="${FIRST_FRAME_ID}" class="app" data-theme="light" style="position:fixed;inset:0;z-index:10;contain:strict">`,
    `<style>@media (prefers-color-scheme: dark){#${FIRST_FRAME_ID}{display:none}}` +
      `html[${SKIP_ATTRIBUTE}] #${FIRST_FRAME_ID}{display:none}</style>`,
    // Its controls answer nothing until the app runs: inert, and read out by the app's toolbar only.
    toolbar.replace(/^\s*<header /, '<header inert aria-hidden="true" '),
    '<main class="workspace"><section class="canvas">',
    '<svg class="map" style="display:block;width:100%;flex:1;min-height:0">',
    `<rect width="100%" height="100%" fill="${themes.light.background}"/>`,
    `<svg x="50%" y="${overviewTop}" overflow="visible"><g transform="${place}">`,
    drawing,
    '</g></svg></svg>',
    '</section><aside class="side"></aside></main></div>',
  ].join('\n');
}

/** Set on `<html>` by `firstFrameGate` when the frame is not wanted: it is then never styled or painted. */
const SKIP_ATTRIBUTE = 'data-first-frame-skipped';

/**
 * The script written into index.html before the first frame, which decides whether the frame is shown. It is
 * for a first visit, whose scripts are still to come. It is skipped when the address asks for anything but the
 * default map's first view (`?map=`, a share link, a step, a box, the presenter's window), of which it would
 * show the wrong picture, and when the code this page loads (`entry`, its path) has run in this browser
 * before (`noteAppRan`): its files and compiled code are then at hand and the app draws its map sooner than the
 * frame's own styling, layout and painting would pay for. A browser without JavaScript shows the frame. The
 * page's Content-Security-Policy allows the script by its hash (vite.config.ts).
 */
export function firstFrameGate(entry: string): string {
  const literal = (text: string) => JSON.stringify(text).replace(/</g, '\\u003c');
  return (
    `try{if(location.search||location.hash.length>1||` +
    `localStorage.getItem(${literal(APP_RAN_KEY)})===${literal(entry)})` +
    `document.documentElement.setAttribute(${literal(SKIP_ATTRIBUTE)},"")}catch(e){}` +
    // Its work done, it leaves the page, which then holds no inline script (the hostile-file test's check).
    `document.currentScript.remove()`
  );
}

/**
 * A toolbar of the app's height when its controls take one row: the title, and a button and a select unseen
 * (a select is a little taller than a button). The build gives the app's own toolbar instead
 * (vite.config.ts), which also wraps as the app's does.
 */
export function plainToolbar(title: string): string {
  return (
    `<header class="toolbar"><h1 title="${escapeXml(title)}">${escapeXml(title)}</h1>` +
    '<div class="buttons" style="visibility:hidden"><button tabindex="-1">Present</button>' +
    '<select class="secondary" tabindex="-1"><option>Light</option></select></div></header>'
  );
}

/**
 * The drawing without the attributes that name boxes, relations and groups: tests and the app's own code find
 * the live map by them, and must not find this picture of it.
 */
const withoutTestHooks = (svg: string): string =>
  svg.replace(/ data-(?:node|relation|group)-id="[^"]*"/g, '');

/** Marker ids of its own, so that the app's map (drawn while this frame is still there) uses its own markers. */
const ownIds = (svg: string): string =>
  svg.replace(/ id="/g, ` id="${FIRST_FRAME_ID}-`).replace(/url\(#/g, `url(#${FIRST_FRAME_ID}-`);
