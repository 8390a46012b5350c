import fc from 'fast-check';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  adler32Combine,
  assemblePng,
  encodePng,
  encodeStrip,
  pngOfRendered,
  stripRows,
} from '../../src/core/export/png-encode.ts';

/**
 * The map PNG encoder (core/export/png-encode.ts) writes files that a PNG decoder reads back to the very
 * pixels it was given, whole or in strips joined together; pngjs checks every chunk's CRC and zlib the
 * stream's Adler-32.
 */

interface Picture {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** RGBA pixels as a drawn map has them: a background, boxes of one colour, and some speckle (text). */
function mapLike(width: number, height: number, seed: number, opaque: boolean): Picture {
  const rgba = new Uint8Array(width * height * 4);
  let state = seed >>> 0 || 1;
  const random = () => ((state = (state * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
  const colours = Array.from({ length: 4 }, () =>
    [random() * 256, random() * 256, random() * 256].map(Math.floor),
  );
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const box = (x >> 4) % 3 === 1 && (y >> 3) % 2 === 1 ? 1 + ((x >> 6) % 3) : 0;
      const [r, g, b] =
        random() < 0.05 ? [random() * 256, random() * 256, random() * 256].map(Math.floor) : colours[box]!;
      rgba.set([r!, g!, b!, opaque ? 255 : Math.floor(random() * 256)], (y * width + x) * 4);
    }
  return { width, height, rgba };
}

/**
 * The RGBA pixels a PNG decodes to (pngjs gives alpha 255 to an RGB file). zlib inflates its image data
 * first, to check the stream's Adler-32, which decoders may skip.
 */
function decoded(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  inflateSync(imageData(png));
  const image = PNG.sync.read(Buffer.from(png), { checkCRC: true });
  return { width: image.width, height: image.height, rgba: new Uint8Array(image.data) };
}

/** The zlib stream of a PNG: its IDAT chunks' data, joined. */
function imageData(png: Uint8Array): Buffer {
  const file = Buffer.from(png);
  const parts: Buffer[] = [];
  for (let at = 8; at < file.length; at += 12 + file.readUInt32BE(at))
    if (file.toString('latin1', at + 4, at + 8) === 'IDAT')
      parts.push(file.subarray(at + 8, at + 8 + file.readUInt32BE(at)));
  return Buffer.concat(parts);
}

function inStrips(picture: Picture, parts: number, opaque: boolean): Uint8Array {
  const { width, height, rgba } = picture;
  const rows = stripRows(height, parts);
  const strips = rows.map(({ from, to }, i) =>
    encodeStrip(
      {
        rgba: rgba.subarray(from * width * 4, to * width * 4),
        width,
        rows: to - from,
        ...(from > 0 ? { above: rgba.subarray((from - 1) * width * 4, from * width * 4) } : {}),
      },
      opaque,
      i === rows.length - 1,
    ),
  );
  return assemblePng(width, height, opaque, strips);
}

describe('PNG encoder', () => {
  it('writes an opaque picture as RGB that decodes to its pixels', () => {
    const picture = mapLike(301, 57, 7, true);
    const png = encodePng(picture.rgba, picture.width, picture.height, true);
    expect(png[25]).toBe(2); // colour type: RGB
    expect(decoded(png)).toEqual(picture);
  });

  it('keeps every alpha value of a transparent picture (RGBA)', () => {
    const picture = mapLike(64, 33, 11, false);
    const png = encodePng(picture.rgba, picture.width, picture.height, false);
    expect(png[25]).toBe(6); // colour type: RGBA
    expect(decoded(png)).toEqual(picture);
  });

  it('decodes to the same pixels from any number of strips joined', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer(),
        fc.boolean(),
        (width, height, parts, seed, opaque) => {
          const picture = mapLike(width, height, seed, opaque);
          expect(decoded(inStrips(picture, parts, opaque))).toEqual(picture);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writes runs of every length across the limit of one match (258 bytes)', () => {
    // Rows of one colour after a first row of another: each later row is one run of zeros; a row that
    // differs from the one above by one value is one run of a repeated pixel.
    for (const width of [1, 2, 85, 86, 87, 88, 129, 172, 173, 1000]) {
      const rgba = new Uint8Array(width * 4 * 4);
      for (let i = 0; i < rgba.length; i += 4) rgba.set([i < width * 8 ? 10 : 200, 30, 90, 255], i);
      const picture = { width, height: 4, rgba };
      expect(decoded(encodePng(rgba, width, 4, true))).toEqual(picture);
      expect(decoded(encodePng(rgba, width, 4, false))).toEqual(picture);
    }
  });

  it('compresses a flat picture to a small fraction of its pixels', () => {
    const width = 2000;
    const height = 500;
    const rgba = new Uint8Array(width * height * 4).fill(255);
    const png = encodePng(rgba, width, height, true);
    expect(png.length).toBeLessThan((width * height * 3) / 100);
    expect(Buffer.from(decoded(png).rgba).equals(rgba)).toBe(true);
  });

  it('sends a picture that needs over a million symbols in several blocks, each with its own codes', () => {
    // Noise: every byte a literal, about 1.2 million of them.
    const width = 800;
    const height = 500;
    const rgba = new Uint8Array(width * height * 4);
    let state = 12345;
    for (let i = 0; i < rgba.length; i++) rgba[i] = (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
    for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
    const png = encodePng(rgba, width, height, true);
    expect(Buffer.from(decoded(png).rgba).equals(rgba)).toBe(true);
  });

  it('reads pixels that do not start on a word boundary', () => {
    const picture = mapLike(13, 9, 3, true);
    const shifted = new Uint8Array(picture.rgba.length + 1);
    shifted.set(picture.rgba, 1);
    const png = encodePng(shifted.subarray(1), picture.width, picture.height, true);
    expect(decoded(png)).toEqual(picture);
  });

  it('splits rows into strips that cover the picture once, top to bottom', () => {
    expect(stripRows(10, 3)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 7 },
      { from: 7, to: 10 },
    ]);
    expect(stripRows(2, 5)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
  });

  it('combines Adler-32 checksums as zlib does', () => {
    // adler32("Wikipedia") = 0x11E60398; split as "Wiki" + "pedia".
    const sum = (text: string) => {
      let a = 1;
      let b = 0;
      for (const c of text) {
        a = (a + c.charCodeAt(0)) % 65521;
        b = (b + a) % 65521;
      }
      return ((b << 16) | a) >>> 0;
    };
    expect(sum('Wikipedia')).toBe(0x11e60398);
    expect(adler32Combine(sum('Wiki'), sum('pedia'), 5)).toBe(0x11e60398);
    expect(adler32Combine(1, sum('Wikipedia'), 9)).toBe(0x11e60398);
  });
});

describe('a picture resvg has drawn', () => {
  const picture = mapLike(20, 10, 5, true);
  const rendered = { ...picture, pixels: picture.rgba, asPng: () => Uint8Array.of(1, 2, 3) };

  it('is encoded by the map encoder when it has a background (every pixel opaque)', () => {
    expect(decoded(pngOfRendered(rendered, { background: '#ffffff' }))).toEqual(picture);
  });

  it("keeps resvg's own encoding when transparent", () => {
    expect(pngOfRendered(rendered, {})).toEqual(Uint8Array.of(1, 2, 3));
  });
});
