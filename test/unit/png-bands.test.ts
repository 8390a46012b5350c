import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { bundledFonts, drawBands, toPng } from '../../src/cli/export.ts';
import { exportSvg } from '../../src/core/export/export-svg.ts';
import { bandSvg, pictureBands } from '../../src/core/export/png-bands.ts';
import { pngSize } from '../../src/core/export/png-options.ts';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { readText } from './helpers.ts';

/**
 * A large PNG is drawn in horizontal bands at the same time (`pictureBands`, `drawBands`): each band's SVG
 * narrows the viewBox to its rows and leaves out the boxes it does not reach, and the bands' pixels,
 * encoded as strips of one file, are the picture drawn whole.
 */

const map = parseArgmapJson(readText('data/trenin-2010.argmap.json')).map!;
const laidOut = layoutMap(map, { direction: 'down' });
const fonts = bundledFonts();
const svgOf = (rows?: { top: number; bottom: number }) =>
  exportSvg(map, laidOut, fonts, { theme: 'light', ...(rows ? { rows } : {}) });
const whole = svgOf();

describe('picture bands', () => {
  it('cover the picture once, top to bottom, on whole pixels', () => {
    for (const [scale, count] of [
      [1, 2],
      [2, 3],
      [2, 4],
    ] as const) {
      const bands = pictureBands(whole, scale, count);
      expect(bands).toHaveLength(count);
      expect(bands[0]!.from).toBe(0);
      expect(bands.at(-1)!.to).toBe(pngSize(whole, scale).height);
      for (const [i, band] of bands.entries()) {
        if (i > 0) expect(band.from).toBe(bands[i - 1]!.to);
        expect(pngSize(bandSvg(whole, band, scale), scale)).toEqual({
          width: pngSize(whole, scale).width,
          height: band.drawnTo - band.drawnFrom,
        });
        expect(band.drawnFrom).toBeLessThanOrEqual(band.from);
        expect(band.drawnTo).toBeGreaterThanOrEqual(band.to);
      }
    }
  });

  it('are none when a band edge would fall between pixels, or for one band', () => {
    expect(pictureBands(whole, 2, 1)).toEqual([]);
    // At 1.1, a band's rows, turned into map units and back, come out a hair over a whole number of
    // pixels: resvg would draw one row more than the band has.
    const small =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 200" width="10" height="200"></svg>';
    expect(pictureBands(small, 1.1, 2)).toEqual([]);
    expect(pictureBands(small, 1, 2)).toHaveLength(2);
  });

  it("leave out of a band's SVG the boxes that do not reach into it, and keep those that do", () => {
    const [top, bottom] = pictureBands(whole, 1, 2);
    const boxes = (svg: string) => new Set([...svg.matchAll(/data-node-id="([^"]+)"/g)].map((m) => m[1]));
    const upper = boxes(svgOf(top));
    const lower = boxes(svgOf(bottom));
    expect(upper.size).toBeLessThan(laidOut.nodes.length);
    expect(lower.size).toBeLessThan(laidOut.nodes.length);
    expect(new Set([...upper, ...lower])).toEqual(boxes(whole));
  });

  // Any number of bands: some cut through the map where a see-through cross-link lies wholly above or
  // below a band, which must not reach resvg's canvas (its native build would stop the process).
  it('drawn at the same time, in any number, make the picture drawn whole', async () => {
    const scale = 1;
    const single = PNG.sync.read(Buffer.from(toPng(whole, { scale, theme: 'light' })));
    for (const count of [2, 3, 4, 5, 7]) {
      const bands = pictureBands(whole, scale, count);
      const svgs = bands.map((band) => ({ band, svg: bandSvg(svgOf(band), band, scale) }));
      const banded = PNG.sync.read(Buffer.from(await drawBands(whole, scale, svgs)));
      expect([banded.width, banded.height]).toEqual([single.width, single.height]);
      // The same picture: only a few anti-aliased edges may come out a few levels apart.
      let differing = 0;
      let most = 0;
      for (let i = 0; i < single.data.length; i++) {
        const d = Math.abs(single.data[i]! - banded.data[i]!);
        if (d > 0) differing++;
        most = Math.max(most, d);
      }
      expect(differing, `${count} bands`).toBeLessThan(single.data.length / 10_000);
      expect(most, `${count} bands`).toBeLessThan(64);
    }
  }, 120_000);
});
