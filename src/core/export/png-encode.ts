import { canonicalCodes, codeLengths, writeTables, type BitSink } from './deflate-huffman.ts';

/**
 * A PNG encoder made for pictures of maps: large, mostly flat areas with text and thin lines. It trades a
 * few per cent of file size for speed, and it encodes a picture in horizontal strips that can be encoded at
 * the same time (one per core) and joined into one file:
 *
 * - Each row is filtered with "Up" (the row minus the row above), so that the inside of a box, the
 *   background and every vertical edge become runs of zeros.
 * - The filtered bytes are compressed with deflate and two kinds of match only: a run of zeros (a distance
 *   of one byte) and a run of pixels that repeat the filtered pixel before them (a distance of one pixel).
 *   That finds the runs of zeros and of one colour that make up most of a map, in one pass with no hash
 *   table. The symbols are kept, and sent in blocks with Huffman codes made for them (`deflate-huffman.ts`).
 * - Pixels are read as 32-bit words: a pixel equal to the one above it is a filtered zero, found with one
 *   comparison, and the filtered bytes of the others are subtracted four at a time. Only the pixels that
 *   differ from the row above cost more than a comparison.
 * - A strip that is not the last ends with an empty stored block (a "sync flush"), so its bytes end on a
 *   byte boundary and the next strip's deflate blocks follow it directly; the Adler-32 checksums of the
 *   strips are combined arithmetically.
 *
 * The format is PNG 1.2 (RFC 2083) with a zlib stream (RFC 1950) of deflate blocks (RFC 1951).
 */

/** One strip of a picture, encoded: raw deflate bytes and the checksum of the bytes they hold. */
export interface EncodedStrip {
  readonly deflate: Uint8Array;
  readonly adler: number;
  /** How many filtered bytes the strip holds (the Adler-32 of the joined stream needs it). */
  readonly length: number;
}

/** Rows of RGBA pixels, as a canvas's `getImageData` or resvg's `pixels` give them. */
export interface PixelRows {
  readonly rgba: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly rows: number;
  /** The row just above the first one (RGBA), when the strip is not the top of the picture. */
  readonly above?: Uint8Array | Uint8ClampedArray;
}

const UP_FILTER = 2;
const MAX_MATCH = 258;
const ADLER_MOD = 65521;

/**
 * Encodes rows of RGBA pixels as a strip of a PNG's image data. `opaque` drops the alpha channel (every
 * pixel is then written as RGB, as a picture drawn on its background is); `last` closes the deflate stream.
 */
export function encodeStrip(pixels: PixelRows, opaque: boolean, last: boolean): EncodedStrip {
  const bpp = opaque ? 3 : 4;
  const { width, rows } = pixels;
  const stride = 1 + width * bpp;
  const words = wordsOf(pixels.rgba, width * rows);
  const above = pixels.above ? wordsOf(pixels.above, width) : new Uint32Array(width);
  const encoder = new StripEncoder(bpp, stride * rows);
  for (let y = 0; y < rows; y++) {
    const at = y * width;
    encoder.row(words.subarray(at, at + width), y > 0 ? words.subarray(at - width, at) : above);
  }
  return { deflate: encoder.end(last), adler: encoder.adler(), length: stride * rows };
}

/** The pixels as 32-bit words (copied only if they do not start on a word boundary). */
function wordsOf(rgba: Uint8Array | Uint8ClampedArray, pixels: number): Uint32Array {
  const bytes = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice(0, pixels * 4);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, pixels);
}

/** A whole PNG file from its strips, top to bottom; the last strip must have been encoded as `last`. */
export function assemblePng(
  width: number,
  height: number,
  opaque: boolean,
  strips: readonly EncodedStrip[],
): Uint8Array {
  let adler = 1;
  for (const strip of strips) adler = adler32Combine(adler, strip.adler, strip.length);
  const dataLength = 2 + strips.reduce((sum, s) => sum + s.deflate.length, 0) + 4;
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, opaque ? 2 : 6, 0, 0, 0], 8);

  const file = new Uint8Array(8 + chunkSize(13) + chunkSize(dataLength) + chunkSize(0));
  file.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = writeChunk(file, 8, 'IHDR', [header]);
  // zlib header: deflate with a 32 KB window, no dictionary, "fastest" level; 0x78 0x01 is a multiple of 31.
  const trailer = new Uint8Array(4);
  new DataView(trailer.buffer).setUint32(0, adler >>> 0);
  at = writeChunk(file, at, 'IDAT', [Uint8Array.of(0x78, 0x01), ...strips.map((s) => s.deflate), trailer]);
  writeChunk(file, at, 'IEND', []);
  return file;
}

/** A whole PNG in one strip. */
export function encodePng(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  opaque: boolean,
): Uint8Array {
  return assemblePng(width, height, opaque, [encodeStrip({ rgba, width, rows: height }, opaque, true)]);
}

/** A picture's `height` rows cut into `parts` strips of whole rows (no more strips than rows), top to bottom. */
export function stripRows(
  height: number,
  parts: number,
): Array<{ readonly from: number; readonly to: number }> {
  const count = Math.max(1, Math.min(parts, height));
  return Array.from({ length: count }, (_, i) => ({
    from: Math.round((height * i) / count),
    to: Math.round((height * (i + 1)) / count),
  }));
}

/** For each match length 3..258: its length symbol (257..285), and the count and value of its extra bits. */
const LENGTH_SYMBOL = new Uint16Array(MAX_MATCH + 1);
const LENGTH_EXTRA_BITS = new Uint8Array(MAX_MATCH + 1);
const LENGTH_EXTRA = new Uint8Array(MAX_MATCH + 1);
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_BITS = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
for (let code = 0; code < LENGTH_BASE.length; code++) {
  const last = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code + 1]! - 1 : MAX_MATCH;
  for (let length = LENGTH_BASE[code]!; length <= last; length++) {
    LENGTH_SYMBOL[length] = 257 + code;
    LENGTH_EXTRA_BITS[length] = LENGTH_BITS[code]!;
    LENGTH_EXTRA[length] = length - LENGTH_BASE[code]!;
  }
}

/** A kept symbol above this is a match: its length times 32, plus its distance code. */
const MATCH = 1 << 16;
const END_OF_BLOCK = 256;
/** Symbols kept before a block is sent: a block's codes fit its part of the picture, and memory stays small. */
const BLOCK_SYMBOLS = 1 << 20;

/**
 * Raw deflate of rows filtered with "Up". Each row is encoded on its own (its filter byte, then its pixels),
 * so that no row needs the bytes of another; the only matches are runs of zeros and runs of pixels equal to
 * the filtered pixel before them. The symbols are kept and sent a block at a time, with codes made for the
 * block. The Adler-32 of the filtered bytes is kept on the way, a run of zeros at the cost of one
 * multiplication.
 */
class StripEncoder {
  readonly #bpp: number;
  readonly #writer: BitWriter;
  /** The distance code of a run of pixels: 2 for 3 bytes (RGB), 3 for 4 (RGBA). */
  readonly #pixelDistance: number;
  readonly #symbols: Uint32Array;
  #kept = 0;
  #a = 1;
  #b = 0;

  /** `bytes`: how many filtered bytes the strip holds, the most symbols it can take. */
  constructor(bpp: number, bytes: number) {
    this.#bpp = bpp;
    this.#writer = new BitWriter(Math.max(1024, bytes >>> 5));
    this.#pixelDistance = bpp - 1;
    this.#symbols = new Uint32Array(Math.min(BLOCK_SYMBOLS, bytes));
  }

  /** Encodes one row of pixels, filtered against the row above it. */
  row(current: Uint32Array, above: Uint32Array): void {
    const bpp = this.#bpp;
    this.#literal(UP_FILTER);
    const width = current.length;
    let previous = -1; // the filtered pixel before; none at the start of a row
    let x = 0;
    while (x < width) {
      const filtered = upFiltered(current[x]!, above[x]!, bpp);
      if (filtered === 0) {
        let end = x + 1;
        while (end < width && current[end] === above[end]) end++;
        // The byte before the run: the row's filter type, or the last byte of the pixel before.
        this.#zeros((end - x) * bpp, previous === -1 ? UP_FILTER : previous >>> (8 * (bpp - 1)));
        previous = 0;
        x = end;
        continue;
      }
      if (filtered === previous) {
        let end = x + 1;
        while (end < width && upFiltered(current[end]!, above[end]!, bpp) === filtered) end++;
        this.#repeat(filtered, (end - x) * bpp);
        x = end;
        continue;
      }
      this.#literal(filtered & 0xff);
      this.#literal((filtered >>> 8) & 0xff);
      this.#literal((filtered >>> 16) & 0xff);
      if (bpp === 4) this.#literal(filtered >>> 24);
      previous = filtered;
      x++;
    }
  }

  /** Sends the last block; a strip that is not the last is followed by an empty stored block (a sync flush). */
  end(last: boolean): Uint8Array {
    const writer = this.#writer;
    this.#sendBlock(last);
    if (!last) {
      writer.write(0, 3); // an empty stored block, not final: BFINAL 0, BTYPE 00
      writer.alignToByte();
      writer.bytes(0x00, 0x00, 0xff, 0xff);
    }
    writer.alignToByte();
    this.#a %= ADLER_MOD;
    this.#b %= ADLER_MOD;
    return writer.finish();
  }

  /** Sends the kept symbols as one block with Huffman codes made for them (BTYPE 10). */
  #sendBlock(final: boolean): void {
    const symbols = this.#symbols.subarray(0, this.#kept);
    const literalCounts = new Uint32Array(286);
    const distanceCounts = new Uint32Array(30);
    literalCounts[END_OF_BLOCK] = 1;
    for (const symbol of symbols) {
      if (symbol < MATCH) literalCounts[symbol]!++;
      else {
        literalCounts[LENGTH_SYMBOL[(symbol >>> 5) & 0x1ff]!]!++;
        distanceCounts[symbol & 0x1f]!++;
      }
    }
    const literal = canonicalCodes(codeLengths(literalCounts, 15));
    const distance = canonicalCodes(codeLengths(distanceCounts, 15));
    const writer = this.#writer;
    writer.write(final ? 0b101 : 0b100, 3); // BFINAL, then BTYPE = 10, least significant bit first
    writeTables(writer, literal.lengths, distance.lengths);
    for (const symbol of symbols) {
      if (symbol < MATCH) {
        writer.write(literal.codes[symbol]!, literal.lengths[symbol]!);
        continue;
      }
      const length = (symbol >>> 5) & 0x1ff;
      const code = LENGTH_SYMBOL[length]!;
      writer.write(literal.codes[code]!, literal.lengths[code]!);
      if (LENGTH_EXTRA_BITS[length]! > 0) writer.write(LENGTH_EXTRA[length]!, LENGTH_EXTRA_BITS[length]!);
      writer.write(distance.codes[symbol & 0x1f]!, distance.lengths[symbol & 0x1f]!);
    }
    writer.write(literal.codes[END_OF_BLOCK]!, literal.lengths[END_OF_BLOCK]!);
    this.#kept = 0;
  }

  #keep(symbol: number): void {
    if (this.#kept === this.#symbols.length) this.#sendBlock(false);
    this.#symbols[this.#kept++] = symbol;
  }

  /** A match of `run` bytes (at least 3) at the distance whose code is `distance`, in pieces of at most 258. */
  #match(run: number, distance: number): void {
    while (run > 0) {
      // A piece never leaves fewer than 3 bytes for the next one.
      const length = run > MAX_MATCH && run < MAX_MATCH + 3 ? run - 3 : Math.min(run, MAX_MATCH);
      this.#keep(MATCH | (length << 5) | distance);
      run -= length;
    }
  }

  adler(): number {
    return ((this.#b << 16) | this.#a) >>> 0;
  }

  #literal(byte: number): void {
    this.#keep(byte);
    this.#a += byte;
    this.#b += this.#a;
    if (this.#b > ADLER_LIMIT) {
      this.#a %= ADLER_MOD;
      this.#b %= ADLER_MOD;
    }
  }

  /**
   * `length` zeros: a match at a distance of one byte, after a literal zero if the byte before them is not
   * one. The Adler sums of zeros: `a` stays, `b` grows by `a` for each.
   */
  #zeros(length: number, before: number): void {
    if (before !== 0) {
      this.#literal(0);
      length--;
    }
    if (length < 3) {
      for (let i = 0; i < length; i++) this.#literal(0);
      return;
    }
    this.#match(length, DISTANCE_1);
    this.#a %= ADLER_MOD;
    this.#b = ((this.#b % ADLER_MOD) + (length % ADLER_MOD) * this.#a) % ADLER_MOD;
  }

  /** `length` bytes that repeat the pixel before them, whose filtered word is `pixel` (not zero). */
  #repeat(pixel: number, length: number): void {
    this.#match(length, this.#pixelDistance);
    const bpp = this.#bpp;
    let a = this.#a % ADLER_MOD;
    let b = this.#b % ADLER_MOD;
    for (let i = 0; i < length; i += bpp) {
      for (let k = 0; k < bpp; k++) {
        a += (pixel >>> (8 * k)) & 0xff;
        b += a;
      }
      if (b > ADLER_LIMIT) {
        a %= ADLER_MOD;
        b %= ADLER_MOD;
      }
    }
    this.#a = a % ADLER_MOD;
    this.#b = b % ADLER_MOD;
  }
}

/**
 * The pixel minus the one above it, byte by byte modulo 256 (four subtractions in one, without borrows
 * between bytes); for RGB only the three colour bytes, the alpha byte is dropped. Bytes are in memory
 * order, as on the little-endian machines browsers and Node run on.
 */
function upFiltered(current: number, above: number, bpp: number): number {
  const difference =
    (((current | 0x80808080) - (above & 0x7f7f7f7f)) ^ ((current ^ ~above) & 0x80808080)) >>> 0;
  return bpp === 4 ? difference : difference & 0xffffff;
}

/** The distance code of a distance of one byte. */
const DISTANCE_1 = 0;
/** Above this, the Adler sums are reduced before they could lose precision. */
const ADLER_LIMIT = 2 ** 52;

/** Writes bit strings least significant bit first, as deflate packs them. */
class BitWriter implements BitSink {
  #out: Uint8Array;
  #at = 0;
  #bits = 0;
  #count = 0;

  constructor(capacity: number) {
    this.#out = new Uint8Array(capacity);
  }

  /** Appends the `size` (at most 16) low bits of `bits`. */
  write(bits: number, size: number): void {
    this.#bits |= bits << this.#count;
    this.#count += size;
    if (this.#count >= 16) {
      if (this.#at + 8 > this.#out.length) this.#grow();
      this.#out[this.#at++] = this.#bits & 0xff;
      this.#out[this.#at++] = (this.#bits >>> 8) & 0xff;
      this.#bits >>>= 16;
      this.#count -= 16;
    }
  }

  alignToByte(): void {
    if (this.#at + 8 > this.#out.length) this.#grow();
    while (this.#count > 0) {
      this.#out[this.#at++] = this.#bits & 0xff;
      this.#bits >>>= 8;
      this.#count = Math.max(0, this.#count - 8);
    }
    this.#bits = 0;
  }

  bytes(...values: number[]): void {
    if (this.#at + values.length > this.#out.length) this.#grow();
    for (const value of values) this.#out[this.#at++] = value;
  }

  finish(): Uint8Array {
    return this.#out.slice(0, this.#at);
  }

  #grow(): void {
    const bigger = new Uint8Array(this.#out.length * 2);
    bigger.set(this.#out);
    this.#out = bigger;
  }
}

/** The Adler-32 of two byte strings joined, from the checksums of each (as zlib's `adler32_combine`). */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_MOD;
  let a = first & 0xffff;
  let b = (rem * a) % ADLER_MOD;
  a += (second & 0xffff) + ADLER_MOD - 1;
  b += (first >>> 16) + (second >>> 16) + ADLER_MOD - rem;
  a %= ADLER_MOD;
  b %= ADLER_MOD;
  return ((b << 16) | a) >>> 0;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function chunkSize(dataLength: number): number {
  return 12 + dataLength;
}

/** Writes a chunk (length, type, data, CRC of type and data) at `at`; returns where the next one goes. */
function writeChunk(file: Uint8Array, at: number, type: string, parts: readonly Uint8Array[]): number {
  const view = new DataView(file.buffer, file.byteOffset);
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  view.setUint32(at, length);
  let crc = 0xffffffff;
  let o = at + 4;
  for (let i = 0; i < 4; i++) {
    const code = type.charCodeAt(i);
    file[o++] = code;
    crc = CRC_TABLE[(crc ^ code) & 0xff]! ^ (crc >>> 8);
  }
  for (const part of parts) {
    file.set(part, o);
    for (let i = 0; i < part.length; i++) crc = CRC_TABLE[(crc ^ part[i]!) & 0xff]! ^ (crc >>> 8);
    o += part.length;
  }
  view.setUint32(o, (crc ^ 0xffffffff) >>> 0);
  return o + 4;
}

/** What both builds of resvg give back for a drawn picture. */
export interface RenderedPicture {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  asPng(): Uint8Array;
}

/**
 * The PNG file of a picture resvg has drawn. On a background every pixel is opaque, and the map encoder
 * (above) writes it several times faster than resvg's own encoder; a transparent picture keeps
 * resvg's, whose pixels it reads as they are stored.
 */
export function pngOfRendered(image: RenderedPicture, options: { readonly background?: string }): Uint8Array {
  return options.background ? encodePng(image.pixels, image.width, image.height, true) : image.asPng();
}
