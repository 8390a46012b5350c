/**
 * The Huffman codes of deflate's dynamic blocks (RFC 1951 3.2.7): code lengths made for the symbols a block
 * holds, at most 15 bits long, the canonical codes they stand for, and the block header that sends them.
 */

/** Codes for a block's symbols: bit-reversed, for a writer that puts the least significant bit first. */
export interface HuffmanCode {
  readonly codes: Uint16Array;
  readonly lengths: Uint8Array;
}

export interface BitSink {
  /** Appends the `size` (at most 16) low bits of `bits`, least significant first. */
  write(bits: number, size: number): void;
}

/**
 * Code lengths of at most `limit` bits for symbols counted `counts` times; a symbol never used gets none.
 * At least two symbols get a code, as decoders ask of a distance code. When the best lengths run over the
 * limit, the counts are flattened (halved) until they do not: a little longer, never invalid.
 */
export function codeLengths(counts: ArrayLike<number>, limit: number): Uint8Array {
  let weights = Array.from(counts);
  for (let i = 0, used = weights.filter((w) => w > 0).length; used < 2; i++)
    if (weights[i] === 0) {
      weights[i] = 1;
      used++;
    }
  for (;;) {
    const lengths = huffmanLengths(weights);
    if (lengths.every((length) => length <= limit)) return lengths;
    weights = weights.map((w) => (w === 0 ? 0 : Math.max(1, w >>> 1)));
  }
}

/**
 * The lengths of an optimal prefix code (Huffman's), built with two queues: the leaves sorted by weight,
 * and the joined nodes, which come out in order of weight by themselves.
 */
function huffmanLengths(weights: readonly number[]): Uint8Array {
  const used = weights
    .flatMap((w, symbol) => (w > 0 ? [symbol] : []))
    .sort((a, b) => weights[a]! - weights[b]!);
  const leaves = used.length;
  const weight = new Float64Array(2 * leaves);
  const parent = new Int32Array(2 * leaves);
  used.forEach((symbol, i) => (weight[i] = weights[symbol]!));
  let leaf = 0;
  let joined = leaves;
  let next = leaves;
  const lightest = () =>
    leaf < leaves && (joined >= next || weight[leaf]! <= weight[joined]!) ? leaf++ : joined++;
  for (let k = 0; k < leaves - 1; k++) {
    const a = lightest();
    const b = lightest();
    weight[next] = weight[a]! + weight[b]!;
    parent[a] = parent[b] = next++;
  }
  // A parent comes after its children: depths are known from the root (the last node) down.
  const depth = new Uint8Array(2 * leaves);
  for (let node = next - 2; node >= 0; node--) depth[node] = depth[parent[node]!]! + 1;
  const lengths = new Uint8Array(weights.length);
  used.forEach((symbol, i) => (lengths[symbol] = depth[i]!));
  return lengths;
}

/** The canonical codes of these lengths (RFC 1951 3.2.2), bit-reversed. */
export function canonicalCodes(lengths: Uint8Array): HuffmanCode {
  const count = new Uint16Array(16);
  for (const length of lengths) if (length > 0) count[length]!++;
  const next = new Uint16Array(16);
  for (let bits = 1, code = 0; bits < 16; bits++) {
    code = (code + count[bits - 1]!) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  lengths.forEach((length, symbol) => {
    if (length > 0) codes[symbol] = reverseBits(next[length]!++, length);
  });
  return { codes, lengths };
}

export function reverseBits(value: number, size: number): number {
  let out = 0;
  for (let i = 0; i < size; i++) out = (out << 1) | ((value >> i) & 1);
  return out;
}

/** The order in which a header sends the code length code's lengths. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/**
 * Writes the part of a dynamic block's header after BFINAL and BTYPE: how many codes of each table, the
 * code length code, then the literal/length and distance code lengths in it, runs shortened.
 */
export function writeTables(sink: BitSink, literalLengths: Uint8Array, distanceLengths: Uint8Array): void {
  const literals = Math.max(257, lastUsed(literalLengths) + 1);
  const distances = Math.max(1, lastUsed(distanceLengths) + 1);
  const runs = lengthRuns([
    ...literalLengths.subarray(0, literals),
    ...distanceLengths.subarray(0, distances),
  ]);
  const counts = new Uint32Array(19);
  for (const run of runs) counts[run.symbol]!++;
  const code = canonicalCodes(codeLengths(counts, 7));
  const sent = Math.max(4, ...CODE_LENGTH_ORDER.map((symbol, i) => (code.lengths[symbol]! > 0 ? i + 1 : 0)));
  sink.write(literals - 257, 5);
  sink.write(distances - 1, 5);
  sink.write(sent - 4, 4);
  for (let i = 0; i < sent; i++) sink.write(code.lengths[CODE_LENGTH_ORDER[i]!]!, 3);
  for (const { symbol, extraBits, extra } of runs) {
    sink.write(code.codes[symbol]!, code.lengths[symbol]!);
    if (extraBits > 0) sink.write(extra, extraBits);
  }
}

function lastUsed(lengths: Uint8Array): number {
  for (let i = lengths.length - 1; i >= 0; i--) if (lengths[i]! > 0) return i;
  return -1;
}

interface LengthRun {
  readonly symbol: number;
  readonly extraBits: number;
  readonly extra: number;
}

/** Code lengths as the code length code's symbols: 16 repeats the one before, 17 and 18 are runs of zeros. */
function lengthRuns(lengths: readonly number[]): LengthRun[] {
  const runs: LengthRun[] = [];
  const single = (symbol: number) => runs.push({ symbol, extraBits: 0, extra: 0 });
  for (let i = 0; i < lengths.length;) {
    const value = lengths[i]!;
    let run = 1;
    while (i + run < lengths.length && lengths[i + run] === value) run++;
    if (value === 0 && run >= 3) {
      const take = Math.min(run, 138);
      runs.push(
        take >= 11
          ? { symbol: 18, extraBits: 7, extra: take - 11 }
          : { symbol: 17, extraBits: 3, extra: take - 3 },
      );
      i += take;
    } else if (value !== 0 && run >= 4) {
      const take = Math.min(run - 1, 6);
      single(value);
      runs.push({ symbol: 16, extraBits: 2, extra: take - 3 });
      i += 1 + take;
    } else {
      single(value);
      i++;
    }
  }
  return runs;
}
