import { readFileSync } from 'node:fs';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';

export const root = new URL('../../', import.meta.url);
export const readText = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Parses a map that must be structurally valid (test input made by hand). */
export function mapOf(text: string): ArgumentMap {
  const { map, problems } = parseArgmapJson(text);
  if (!map || problems.length > 0) throw new Error(`bad test map: ${JSON.stringify(problems)}`);
  return map;
}
