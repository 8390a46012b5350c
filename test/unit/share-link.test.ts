import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import { loadMapText } from '../../src/core/load.ts';
import { fromBase64Url, toBase64, toBase64Url } from '../../src/core/share/base64url.ts';
import { deflate } from '../../src/core/share/deflate.ts';
import {
  MAX_LINK_FRAGMENT,
  readShareFragment,
  sharedMapText,
  shareFragment,
  type SharedView,
} from '../../src/core/share/share-link.ts';
import { arbitraryMap } from './arbitraries.ts';
import { readText } from './helpers.ts';

const id = fc.string({ minLength: 1, maxLength: 12 });
const arbitraryView: fc.Arbitrary<SharedView> = fc.record(
  {
    collapsed: fc.array(id, { maxLength: 5 }),
    step: fc
      .tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('', 'a', 'b'))
      .map(([n, p]) => `${n}${p}`),
    node: id,
    evaluating: fc.constant(true),
    name: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: ['collapsed'] },
);

/** A payload written by hand, deflated and encoded as a link would be. */
const fragmentOf = async (payload: string) => toBase64Url(await deflate(new TextEncoder().encode(payload)));

const errorOf = async (fragment: string) => {
  const read = await readShareFragment(fragment);
  expect(read.type).toBe('error');
  return read.type === 'error' ? read.message : '';
};

describe('base64url', () => {
  it('writes what Node writes, and reads it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual({ type: 'bytes', bytes });
      }),
    );
  });

  it('writes plain base64 with its padding as Node does, for data: addresses', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it('says where the text stops being base64url', () => {
    expect(fromBase64Url('abc=')).toMatchObject({ type: 'error', position: 4 });
    expect(fromBase64Url('ab+d')).toMatchObject({ type: 'error', position: 3 });
    expect(fromBase64Url('abcde')).toMatchObject({ type: 'error', message: 'it is cut short' });
  });
});

describe('share link', () => {
  it('gives back the map text and the view it was made with', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryMap, arbitraryView, async (map, view) => {
        const text = sharedMapText(map, undefined);
        const read = await readShareFragment(await shareFragment(text, view));
        expect(read).toEqual({ type: 'shared', shared: { mapText: text, ...view } });
        expect(parseArgmapJson(text).map).toEqual(map);
      }),
      { numRuns: 150 },
    );
  });

  it('carries the Trenin map, its source text inline, in a link of at most MAX_LINK_FRAGMENT', async () => {
    const loaded = await loadMapText(readText('data/trenin-2010.argmap.json'), async (path) =>
      readText(`data/${path}`),
    );
    const text = sharedMapText(loaded.map!, loaded.sourceText);
    const fragment = await shareFragment(text, { collapsed: ['t1'], step: '3' });
    expect(fragment.length).toBeLessThanOrEqual(MAX_LINK_FRAGMENT);
    expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
    const read = await readShareFragment(fragment);
    if (read.type !== 'shared') throw new Error(read.message);
    // Read with no folder at all: the source text travels in the map, so every quote is still found.
    const again = await loadMapText(read.shared.mapText, undefined, { fileName: 'link.argmap.json' });
    expect(again.problems).toEqual([]);
    expect(again.sourceText).toBe(loaded.sourceText);
    expect(again.map?.nodes).toEqual(loaded.map?.nodes);
    expect(again.map?.tour).toEqual(loaded.map?.tour);
  });

  it('refuses a damaged link with a message that says what is wrong', async () => {
    const good = await shareFragment('{"format":"argmap","version":1,"nodes":[]}', { collapsed: [] });
    expect(await errorOf(`${good.slice(0, 5)}*${good.slice(6)}`)).toMatch(/damaged at character 6: "\*"/);
    expect(await errorOf(good.slice(0, Math.floor(good.length / 2)))).toMatch(/damaged/);
    expect(await errorOf('')).toMatch(/does not unpack/);
    expect(await errorOf('AAAA')).toMatch(/damaged/);
    expect(await errorOf(await fragmentOf('not json'))).toMatch(/not JSON/);
    expect(await errorOf(await fragmentOf('[1]'))).toMatch(/no argmap map/);
    expect(await errorOf(await fragmentOf('{"argmap-link":2,"map":""}'))).toMatch(/newer argmap/);
    expect(await errorOf(await fragmentOf('{"argmap-link":1,"map":{}}'))).toMatch(/"map"/);
    expect(await errorOf(await fragmentOf('{"argmap-link":1,"map":"","collapsed":[1]}'))).toMatch(
      /"collapsed"/,
    );
    expect(await errorOf(await fragmentOf('{"argmap-link":1,"map":"","step":"x"}'))).toMatch(/"step"/);
    expect(await errorOf(await fragmentOf('{"argmap-link":1,"map":"","node":3}'))).toMatch(/"node"/);
    expect(await errorOf(await fragmentOf('{"argmap-link":1,"map":"","evaluating":1}'))).toMatch(
      /"evaluating"/,
    );
    expect(await errorOf(await fragmentOf('{"argmap-link":1,"map":"","name":[]}'))).toMatch(/"name"/);
  });

  it('any change to a link is refused or read, never thrown', async () => {
    const good = await shareFragment('{"format":"argmap","version":1,"nodes":[]}', { collapsed: ['a'] });
    await fc.assert(
      fc.asyncProperty(fc.nat(good.length - 1), fc.string({ minLength: 1, maxLength: 3 }), async (at, s) => {
        const read = await readShareFragment(good.slice(0, at) + s + good.slice(at + 1));
        expect(['shared', 'error']).toContain(read.type);
      }),
      { numRuns: 200 },
    );
  });

  it('stops a small link that would unpack into more than the largest map', async () => {
    const huge = new Uint8Array(21 * 1024 * 1024).fill(32);
    const fragment = toBase64Url(await deflate(huge));
    expect(fragment.length).toBeLessThan(MAX_LINK_FRAGMENT * 2);
    expect(await errorOf(fragment)).toMatch(/unpacks to more than 20 MB/);
  });
});
