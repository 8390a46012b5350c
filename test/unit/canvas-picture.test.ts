import { describe, expect, it } from 'vitest';
import { pictureCaption } from '../../src/core/export/export-svg.ts';
import { pngSize } from '../../src/core/export/png-options.ts';
import { evaluate } from '../../src/core/evaluate/evaluate.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { canvasSize, drawPicture, pictureTexts, type MapCanvas } from '../../src/core/render/canvas.ts';
import { picture, type PictureOptions } from '../../src/core/render/picture.ts';
import { renderSvg } from '../../src/core/render/svg.ts';
import { themes } from '../../src/core/render/theme.ts';
import { px } from '../../src/core/round.ts';
import { readText } from './helpers.ts';

/**
 * The PNG the app draws on a canvas (core/render/canvas.ts) draws what the SVG export draws: every text at
 * its place in its font and colour, every arrowhead, the background of its theme, at the SVG's size. A
 * context that records the calls stands in for the browser's canvas.
 */

interface Drawn {
  readonly text: string;
  readonly x: string;
  readonly y: string;
  readonly font: string;
  readonly fill: string;
  readonly alpha: number;
}

/** A 2D context that keeps what is drawn: texts, filled shapes, strokes, the transform's scale. */
function recordingCanvas() {
  const texts: Drawn[] = [];
  const fills: { style: string; alpha: number; points: number }[] = [];
  const rects: { style: string; width: number; height: number }[] = [];
  const stack: { alpha: number; font: string; fill: unknown; stroke: unknown }[] = [];
  const skews: number[] = [];
  let points = 0;
  const ctx: MapCanvas = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    save() {
      stack.push({
        alpha: this.globalAlpha,
        font: this.font,
        fill: this.fillStyle,
        stroke: this.strokeStyle,
      });
    },
    restore() {
      const top = stack.pop()!;
      Object.assign(this, {
        globalAlpha: top.alpha,
        font: top.font,
        fillStyle: top.fill,
        strokeStyle: top.stroke,
      });
    },
    beginPath: () => (points = 0),
    moveTo: () => points++,
    lineTo: () => points++,
    bezierCurveTo: () => points++,
    quadraticCurveTo: () => points++,
    arcTo: () => points++,
    closePath: () => {},
    fill() {
      fills.push({ style: String(this.fillStyle), alpha: this.globalAlpha, points });
    },
    stroke: () => {},
    fillRect(_x, _y, width, height) {
      rects.push({ style: String(this.fillStyle), width, height });
    },
    setLineDash: () => {},
    fillText(text, x, y) {
      texts.push({
        text,
        x: px(x),
        y: px(y),
        font: this.font,
        fill: String(this.fillStyle),
        alpha: this.globalAlpha,
      });
    },
    strokeText: () => {},
    // Inter's advances are about 0.55 em: enough for where the next run starts.
    measureText(text) {
      return { width: text.length * 0.55 * Number(/(\d+)px/.exec(this.font)?.[1] ?? 10) };
    },
    transform: (_a, _b, c) => skews.push(c),
    translate: () => {},
    rotate: () => {},
    scale: () => {},
  };
  return { ctx, texts, fills, rects, skews };
}

const trenin = parseArgmapJson(readText('data/trenin-2010.argmap.json')).map!;
const laidOut = layoutMap(trenin);

/** The SVG's text elements, as (text, x, y). */
function svgTexts(svg: string): string[] {
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text[^>]* x="([^"]+)" y="([^"]+)"[^>]*>([^<]*)<\/text>/g)]
    .filter((m) => m[3] !== '')
    .map((m) => `${unescape(m[3]!)} @ ${m[1]},${m[2]}`)
    .sort();
}

function draw(options: PictureOptions, scale = 2) {
  const recording = recordingCanvas();
  const pic = picture(laidOut, options);
  drawPicture(recording.ctx, pic, options, scale);
  return { ...recording, pic };
}

const caption = pictureCaption(trenin)!;
const evaluation = evaluate(trenin, new Map([[trenin.nodes[0]!.id, 'rejected']]));
const marks = { statements: evaluation.statements, relations: evaluation.relations };

describe('the PNG drawn on a canvas', () => {
  it('writes every text the SVG writes, at the same place', () => {
    for (const options of [
      { theme: 'light', caption },
      { theme: 'dark', caption, evaluation: marks },
      { theme: 'print', crop: { x: 0, y: 0, width: 900, height: 600 } },
    ] as PictureOptions[]) {
      const { texts } = draw(options);
      expect(texts.map((t) => `${t.text} @ ${t.x},${t.y}`).sort()).toEqual(
        svgTexts(renderSvg(laidOut, options)),
      );
    }
  });

  it('is the size resvg gives the SVG at the same scale', () => {
    for (const scale of [1, 2, 4]) {
      const options = { caption, evaluation: marks };
      expect(canvasSize(picture(laidOut, options), scale)).toEqual(
        pngSize(renderSvg(laidOut, options), scale),
      );
    }
  });

  it('draws titles and labels semibold, text regular, in the theme’s colours', () => {
    const { texts } = draw({ theme: 'dark' });
    const box = laidOut.nodes.find((n) => n.titleLines.length > 0)!;
    const of = (text: string) => texts.find((t) => t.text === text)!;
    expect(of(box.titleLines[0]!)).toMatchObject({ font: '600 14px Inter', fill: themes.dark.text });
    expect(of(box.textLines[0]!).font).toMatch(/^400 \d+px Inter$/);
    expect(of(box.label).fill).toBe(themes.dark.roles[box.role].label);
  });

  it('fills the background in the theme’s colour over the whole canvas, none when transparent', () => {
    const { rects, pic } = draw({ theme: 'dark' }, 2);
    expect(rects[0]).toEqual({ style: themes.dark.background, ...canvasSize(pic, 2) });
    expect(draw({ theme: 'dark', background: false }).rects).toEqual([]);
  });

  it('draws an arrowhead wherever the SVG puts a marker', () => {
    const svg = renderSvg(laidOut, {});
    const markers = (svg.match(/marker-(start|end)="/g) ?? []).length;
    const { fills } = draw({});
    // A marker is the one filled shape of three points.
    expect(fills.filter((f) => f.points === 3)).toHaveLength(markers);
  });

  it('under an evaluation, fades what does not hold and draws the legend’s pills', () => {
    const { texts, fills } = draw({ evaluation: marks });
    const rejected = texts.find((t) => t.text === '✗ rejected' && t.alpha < 1);
    expect(rejected?.alpha).toBeCloseTo(0.6);
    // The legend names each status shown, in its colour.
    const legendPill = fills.find((f) => f.style === themes.light.statuses.rejected && f.alpha === 1);
    expect(legendPill).toBeDefined();
  });

  it('lists every text it draws, for loading the font’s characters first', () => {
    const options = { caption, evaluation: marks };
    const { texts } = draw(options);
    expect(new Set(pictureTexts(picture(laidOut, options), options).filter(Boolean))).toEqual(
      new Set(texts.map((t) => t.text)),
    );
  });

  it('draws bold runs semibold, a link underlined and italic slanted, as the SVG does', () => {
    const formatted = layoutMap({
      groups: [],
      nodes: [{ type: 'statement', id: 'a', text: 'Plain **bold** _slanted_ [a link](https://example.org)' }],
      relations: [],
    });
    const recording = recordingCanvas();
    drawPicture(recording.ctx, picture(formatted, {}), {}, 1);
    const of = (text: string) => recording.texts.find((t) => t.text.trim() === text);
    expect(of('bold')?.font).toMatch(/^600 /);
    expect(of('Plain')?.font).toMatch(/^400 /);
    expect(of('a link')?.font).toMatch(/^400 /);
    expect(recording.skews).toHaveLength(1);
    expect(recording.skews[0]).toBeLessThan(0);
    // The underline: a thin bar as wide as the link's words.
    expect(recording.rects.some((r) => r.height <= 2 && r.width > 10)).toBe(true);
    expect(recording.texts.map((t) => t.text).join('')).not.toContain('**');
  });

  it('given rows, draws the texts of only the boxes that reach into them (a strip of the picture)', () => {
    const pic = picture(laidOut, {});
    const lowest = laidOut.nodes.reduce((a, b) => (b.y > a.y ? b : a));
    const highest = laidOut.nodes.reduce((a, b) => (b.y < a.y ? b : a));
    const strip = recordingCanvas();
    drawPicture(strip.ctx, pic, {}, 1, { top: lowest.y, bottom: lowest.y + lowest.height });
    const drawn = strip.texts.map((t) => t.text);
    expect(drawn).toContain(lowest.textLines[0]);
    expect(drawn).not.toContain(highest.textLines[0]);
    expect(drawn.length).toBeLessThan(draw({}, 1).texts.length);
  });
});
