import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCodes, codeLengths } from '../../src/core/export/deflate-huffman.ts';

/**
 * The codes of deflate's dynamic blocks (core/export/deflate-huffman.ts): every symbol used gets a code no
 * longer than the limit, the codes are a complete prefix code (Kraft's sum is one), and no code is the start
 * of another. The rest, the header and the blocks, is checked by decoding (`png-encode.test.ts`).
 */

const kraft = (lengths: Uint8Array) => [...lengths].reduce((sum, l) => sum + (l > 0 ? 2 ** -l : 0), 0);

describe('deflate Huffman codes', () => {
  it('give every used symbol a code within the limit, a complete prefix code', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 2, maxLength: 286 }), (counts) => {
        const lengths = codeLengths(counts, 15);
        counts.forEach((count, symbol) => {
          if (count > 0) expect(lengths[symbol]).toBeGreaterThan(0);
        });
        expect(Math.max(...lengths)).toBeLessThanOrEqual(15);
        expect(kraft(lengths)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('keep to the limit when the best code would be longer (counts like Fibonacci numbers)', () => {
    const fibonacci = [1, 1];
    while (fibonacci.length < 30) fibonacci.push(fibonacci.at(-1)! + fibonacci.at(-2)!);
    // Unlimited, the rarest symbols would get codes of 29 bits.
    expect(Math.max(...codeLengths(fibonacci, 64))).toBeGreaterThan(15);
    for (const limit of [7, 15]) {
      const lengths = codeLengths(fibonacci, limit);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(limit);
      expect(kraft(lengths)).toBeLessThanOrEqual(1);
    }
  });

  it('code at least two symbols, as a distance code must be', () => {
    expect([...codeLengths([0, 0, 5, 0], 15)].filter((l) => l > 0)).toHaveLength(2);
    expect([...codeLengths([0, 0, 0], 15)].filter((l) => l > 0)).toHaveLength(2);
  });

  it('are canonical: no code is the start of another', () => {
    const { codes, lengths } = canonicalCodes(codeLengths([5, 9, 12, 13, 16, 45, 0, 1], 15));
    // Back to most significant bit first, as written in the RFC.
    const words = [...lengths].flatMap((l, s) =>
      l > 0 ? [[...Array(l).keys()].map((i) => (codes[s]! >> i) & 1).join('')] : [],
    );
    for (const a of words) for (const b of words) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
});
