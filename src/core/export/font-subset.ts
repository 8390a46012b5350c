/**
 * Subsetting a TrueType font for embedding in an exported SVG: only the outlines of the characters the picture
 * uses are kept. Glyph ids are left as they are (unused glyphs become empty), so that the metrics tables stay
 * valid untouched; the character map is rebuilt for the used characters only; layout tables (kerning,
 * ligatures) are dropped, as rendering turns them off. Pure: runs in Node and in the browser.
 */

interface Table {
  readonly tag: string;
  readonly data: Uint8Array;
}

const dropped = new Set(['GDEF', 'GPOS', 'GSUB', 'STAT', 'kern', 'DSIG', 'hdmx', 'LTSH', 'VDMX']);

export function subsetFont(font: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  const tables = readTables(font);
  const table = (tag: string): Uint8Array => {
    const found = tables.get(tag);
    if (!found) throw new Error(`the font has no ${tag} table`);
    return found;
  };
  const head = view(table('head'));
  const longLoca = head.getInt16(50) === 1;
  const numGlyphs = view(table('maxp')).getUint16(4);
  const loca = view(table('loca'));
  const offset = (gid: number) => (longLoca ? loca.getUint32(gid * 4) : loca.getUint16(gid * 2) * 2);
  const glyf = table('glyf');
  const toGlyph = readCmap(table('cmap'));

  // The used glyphs: .notdef, those of the characters, and the components of composite glyphs.
  const used = new Set<number>([0]);
  const mapping: [number, number][] = [];
  for (const point of new Set(codePoints)) {
    const gid = toGlyph(point);
    if (gid === undefined || gid >= numGlyphs) continue;
    mapping.push([point, gid]);
    used.add(gid);
  }
  const queue = [...used];
  while (queue.length > 0) {
    const gid = queue.pop()!;
    for (const component of components(glyf, offset(gid), offset(gid + 1))) {
      if (!used.has(component)) {
        used.add(component);
        queue.push(component);
      }
    }
  }

  // glyf and a long loca with the used outlines only (each padded to 4 bytes).
  let size = 0;
  for (const gid of used) size += align4(offset(gid + 1) - offset(gid));
  const newGlyf = new Uint8Array(size);
  const newLoca = new DataView(new ArrayBuffer((numGlyphs + 1) * 4));
  let at = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    newLoca.setUint32(gid * 4, at);
    if (!used.has(gid)) continue;
    newGlyf.set(glyf.subarray(offset(gid), offset(gid + 1)), at);
    at += align4(offset(gid + 1) - offset(gid));
  }
  newLoca.setUint32(numGlyphs * 4, at);

  const newHead = table('head').slice();
  view(newHead).setInt16(50, 1);
  view(newHead).setUint32(8, 0); // checkSumAdjustment, set at the end
  const post = table('post').slice(0, 32);
  view(post).setUint32(0, 0x00030000); // version 3: no glyph names

  const out: Table[] = [];
  for (const [tag, data] of tables) {
    if (dropped.has(tag)) continue;
    const replaced: Record<string, Uint8Array> = {
      head: newHead,
      loca: new Uint8Array(newLoca.buffer),
      glyf: newGlyf,
      cmap: buildCmap(mapping),
      post,
    };
    out.push({ tag, data: replaced[tag] ?? data });
  }
  return writeFont(out);
}

const align4 = (n: number) => (n + 3) & ~3;
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function readTables(font: Uint8Array): Map<string, Uint8Array> {
  const data = view(font);
  const version = data.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error('not a TrueType font');
  const tables = new Map<string, Uint8Array>();
  const count = data.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const start = data.getUint32(record + 8);
    tables.set(tag, font.subarray(start, start + data.getUint32(record + 12)));
  }
  return tables;
}

/** Glyph ids used by a composite glyph (TrueType glyf: negative contour count, then component records). */
function components(glyf: Uint8Array, start: number, end: number): number[] {
  if (end - start < 10) return [];
  const data = view(glyf);
  if (data.getInt16(start) >= 0) return [];
  const found: number[] = [];
  let at = start + 10;
  for (;;) {
    const flags = data.getUint16(at);
    found.push(data.getUint16(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2); // arguments are words or bytes
    if (flags & 0x0008)
      at += 2; // one scale
    else if (flags & 0x0040)
      at += 4; // x and y scales
    else if (flags & 0x0080) at += 8; // a 2×2 matrix
    if (!(flags & 0x0020)) return found; // no more components
  }
}

/** Character → glyph lookup from the best Unicode subtable (format 12, else format 4). */
function readCmap(cmap: Uint8Array): (point: number) => number | undefined {
  const data = view(cmap);
  const count = data.getUint16(2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const platform = data.getUint16(4 + i * 8);
    const encoding = data.getUint16(6 + i * 8);
    const offset = data.getUint32(8 + i * 8);
    const format = data.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && format === 12) format12 = offset;
    if (unicode && format === 4) format4 = offset;
  }
  if (format12 !== undefined) {
    const at = format12;
    const groups = data.getUint32(at + 12);
    return (point) => {
      for (let g = 0; g < groups; g++) {
        const record = at + 16 + g * 12;
        const first = data.getUint32(record);
        if (point >= first && point <= data.getUint32(record + 4))
          return data.getUint32(record + 8) + point - first;
      }
      return undefined;
    };
  }
  if (format4 === undefined) throw new Error('the font has no Unicode character map');
  const at = format4;
  const segments = data.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  return (point) => {
    for (let s = 0; s < segments; s++) {
      if (point > data.getUint16(ends + s * 2)) continue;
      const start = data.getUint16(starts + s * 2);
      if (point < start) return undefined;
      const delta = data.getInt16(deltas + s * 2);
      const range = data.getUint16(ranges + s * 2);
      if (range === 0) return (point + delta) & 0xffff;
      const gid = data.getUint16(ranges + s * 2 + range + (point - start) * 2);
      return gid === 0 ? undefined : (gid + delta) & 0xffff;
    }
    return undefined;
  };
}

/** A format 4 character map (Windows Unicode BMP) with one segment per used character. */
function buildCmap(mapping: readonly [number, number][]): Uint8Array {
  const pairs = mapping.filter(([point]) => point < 0xffff).sort((a, b) => a[0] - b[0]);
  const segments = pairs.length + 1;
  const length = 16 + segments * 8;
  const out = new DataView(new ArrayBuffer(12 + length));
  out.setUint16(0, 0); // version
  out.setUint16(2, 1); // one subtable
  out.setUint16(4, 3); // Windows
  out.setUint16(6, 1); // Unicode BMP
  out.setUint32(8, 12);
  const at = 12;
  out.setUint16(at, 4);
  out.setUint16(at + 2, length);
  out.setUint16(at + 6, segments * 2);
  const power = 2 ** Math.floor(Math.log2(segments));
  out.setUint16(at + 8, power * 2);
  out.setUint16(at + 10, Math.log2(power));
  out.setUint16(at + 12, segments * 2 - power * 2);
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  pairs.forEach(([point, gid], s) => {
    out.setUint16(ends + s * 2, point);
    out.setUint16(starts + s * 2, point);
    out.setInt16(deltas + s * 2, ((gid - point) << 16) >> 16);
  });
  const last = segments - 1;
  out.setUint16(ends + last * 2, 0xffff);
  out.setUint16(starts + last * 2, 0xffff);
  out.setInt16(deltas + last * 2, 1);
  return new Uint8Array(out.buffer);
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(align4(bytes.length));
  padded.set(bytes);
  const data = view(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + data.getUint32(i)) >>> 0;
  return sum;
}

/** An sfnt file: header, table records in tag order, 4-byte aligned tables, and the whole-font checksum. */
function writeFont(tables: Table[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const headerSize = 12 + sorted.length * 16;
  const size = headerSize + sorted.reduce((sum, t) => sum + align4(t.data.length), 0);
  const out = new Uint8Array(size);
  const data = view(out);
  const power = 2 ** Math.floor(Math.log2(sorted.length));
  data.setUint32(0, 0x00010000);
  data.setUint16(4, sorted.length);
  data.setUint16(6, power * 16);
  data.setUint16(8, Math.log2(power));
  data.setUint16(10, sorted.length * 16 - power * 16);
  let at = headerSize;
  let headAt = -1;
  sorted.forEach((table, i) => {
    const record = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[record + k] = table.tag.charCodeAt(k);
    data.setUint32(record + 4, checksum(table.data));
    data.setUint32(record + 8, at);
    data.setUint32(record + 12, table.data.length);
    out.set(table.data, at);
    if (table.tag === 'head') headAt = at;
    at += align4(table.data.length);
  });
  if (headAt >= 0) data.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
