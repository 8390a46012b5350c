import { parseArgmapJson } from './formats/argmap-json/parse.ts';
import { locatePointers, parseJsonText } from './formats/json-text.ts';
import type { ArgumentMap } from './model/types.ts';
import { isError, type Problem } from './problems.ts';
import { validateMap } from './validate/validate-map.ts';

/** Reads the text of a file the map names (its source text), relative to the map; undefined if unreadable. */
export type ReadRelated = (path: string) => Promise<string | undefined>;

export interface LoadedMap {
  /** The map, when it could be read; check `valid` before replacing what the user has. */
  readonly map: ArgumentMap | undefined;
  /** True when there is a map and no problem is an error (warnings allowed). */
  readonly valid: boolean;
  readonly problems: readonly Problem[];
  /** The source text the quotes refer to, inline or read from `source.textFile`. */
  readonly sourceText: string | undefined;
}

/**
 * The whole reading pipeline for one file: parse, fetch the source text, validate, and place every problem
 * at line:column. Pure apart from `readRelated`, which the CLI backs with the file system and the app with
 * fetch.
 */
export async function loadMapText(text: string, readRelated?: ReadRelated): Promise<LoadedMap> {
  const parsed = parseArgmapJson(text);
  const problems: Problem[] = [...parsed.problems];
  const map = parsed.map;
  let sourceText: string | undefined;
  if (map) {
    const textFile = map.source?.textFile;
    sourceText = map.source?.text;
    if (sourceText === undefined && textFile !== undefined) {
      sourceText = readRelated ? await readRelated(textFile).catch(() => undefined) : undefined;
      if (sourceText === undefined) {
        problems.push({
          severity: 'warning',
          code: 'no-source-text',
          pointer: '/source/textFile',
          message: `cannot read the source text "${textFile}"`,
        });
      }
    }
    const checks = validateMap(map, {
      ...(sourceText !== undefined ? { sourceText } : {}),
      origin: parsed.origin,
    });
    // Without its text the quotes cannot be checked; the unreadable file was reported above already.
    problems.push(...checks.filter((p) => !(p.code === 'no-source-text' && textFile !== undefined)));
  }
  return {
    map,
    valid: map !== undefined && !problems.some(isError),
    problems: placeProblems(text, problems),
    sourceText,
  };
}

/** Adds line:column to problems that only have a JSON pointer. */
function placeProblems(text: string, problems: readonly Problem[]): Problem[] {
  const unplaced = problems.filter((p) => p.line === undefined && p.pointer !== undefined);
  if (unplaced.length === 0) return [...problems];
  const json = parseJsonText(text);
  if (!json.ok) return [...problems];
  const places = locatePointers(json.text, new Set(unplaced.map((p) => p.pointer as string)));
  return problems.map((p) => {
    const place = p.line === undefined && p.pointer !== undefined ? places.get(p.pointer) : undefined;
    return place ? { ...p, ...place } : p;
  });
}
