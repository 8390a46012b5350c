import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import type { ArgumentMap, Extra } from '../../src/core/model/types.ts';

export const root = new URL('../../', import.meta.url);
export const readText = (path: string): string => readFileSync(new URL(path, root), 'utf8');
export const readBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, root)));

/** Parses a map that must be structurally valid (test input made by hand). */
export function mapOf(text: string): ArgumentMap {
  const { map, problems } = parseArgmapJson(text);
  if (!map || problems.length > 0) throw new Error(`bad test map: ${JSON.stringify(problems)}`);
  return map;
}

/**
 * Checks an exported SVG: no script, no event handler attribute, no reference outside the file. Text content
 * has `<` escaped, so every `<` found starts a real element and only tags are searched for attributes.
 */
export function expectInert(svg: string): void {
  const tags = svg.match(/<[^>]*>/g) ?? [];
  expect(tags.filter((t) => /^<\/?(script|foreignObject|iframe|img|image|use|a)\b/i.test(t))).toEqual([]);
  expect(tags.filter((t) => /\son[a-z]+\s*=/i.test(t))).toEqual([]);
  expect(tags.filter((t) => /(?:href|src)\s*=\s*["']?\s*(?:javascript|https?|data|\/\/)/i.test(t))).toEqual(
    [],
  );
}

/** The map without the AIF data the AIF reader adds to `extra` (key `aif`), to compare with a map made by hand. */
export function withoutOrigin(map: ArgumentMap): ArgumentMap {
  const strip = <T extends { readonly extra?: Extra }>(element: T): T => {
    const { extra, ...rest } = element;
    const kept = Object.entries(extra ?? {}).filter(([key]) => key !== 'aif');
    return (kept.length > 0 ? { ...rest, extra: Object.fromEntries(kept) } : rest) as T;
  };
  return strip({ ...map, nodes: map.nodes.map(strip), relations: map.relations.map(strip) });
}
