import { parseArgmapJson } from './formats/argmap-json/parse.ts';
import { detectFormat, type MapFormat } from './formats/detect.ts';
import { locatePointers, parseJsonText } from './formats/json-text.ts';
import type { ArgumentMap } from './model/types.ts';
import { capProblems, isError, type Problem } from './problems.ts';
import { textFileRefusal } from './related.ts';
import { validateMap, type ElementOrigin } from './validate/validate-map.ts';

export type { MapFormat } from './formats/detect.ts';

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
  /** The format the file was read as (from its name and content). */
  readonly format: MapFormat;
  /** Argdown only: where each node is defined in the text (line and column, from 1), for the editor. */
  readonly definitions?: ReadonlyMap<string, { readonly line: number; readonly column: number }>;
}

export interface LoadOptions {
  /** The file's name: its extension decides the format (.argdown, .ad, .json, .aif); else the content does. */
  readonly fileName?: string;
  /**
   * Also warn about tour steps too large for one projector screen. It lays out every step: for checking a
   * file (the CLI's validate), not for opening one.
   */
  readonly checkSteps?: boolean;
}

/** A format reader's result: the map, its own problems, and how to place validation problems in the text. */
interface Read {
  readonly map: ArgumentMap | undefined;
  readonly problems: readonly Problem[];
  /** Where each element sits in the file's lists, for JSON pointers in validation problems. */
  readonly origin?: ElementOrigin;
  /** Moves a problem about a map element (pointer into the map) to where that element is in the file. */
  readonly place: (problem: Problem) => Problem;
  readonly definitions?: LoadedMap['definitions'];
}

/**
 * The whole reading pipeline for one file: parse, fetch the source text, validate, and place every problem
 * at line:column. Pure apart from `readRelated`, which the CLI backs with the file system and the app with
 * fetch.
 */
export async function loadMapText(
  text: string,
  readRelated?: ReadRelated,
  options: LoadOptions = {},
): Promise<LoadedMap> {
  const format = detectFormat(text, options.fileName);
  const read = await readFormat(format, text);
  const problems: Problem[] = [...read.problems];
  const map = read.map;
  let sourceText: string | undefined;
  if (map) {
    const textFile = map.source?.textFile;
    sourceText = map.source?.text;
    if (sourceText === undefined && textFile !== undefined) {
      const got = await readSourceText(textFile, readRelated);
      sourceText = got.text;
      if (sourceText === undefined) {
        problems.push(
          read.place({
            severity: 'warning',
            code: 'no-source-text',
            pointer: '/source/textFile',
            message: `cannot read the source text "${textFile}"${got.why ? `: ${got.why}` : ''}`,
          }),
        );
      }
    }
    const checks = validateMap(map, {
      ...(sourceText !== undefined ? { sourceText } : {}),
      ...(read.origin ? { origin: read.origin } : {}),
    });
    // Without its text the quotes cannot be checked; the unreadable file was reported above already.
    for (const p of checks) {
      if (!(p.code === 'no-source-text' && textFile !== undefined)) problems.push(read.place(p));
    }
    if (
      options.checkSteps &&
      !checks.some(isError) &&
      !problems.some(isError) &&
      stepCheckWork(map) <= stepCheckBudget
    ) {
      const { pagedStepWarnings } = await import('./presentation/step-pages.ts');
      for (const p of pagedStepWarnings(map)) problems.push(read.place(p));
    }
  }
  // Validity is decided on every problem; only the first ones are kept, and placed, for the report.
  const kept = capProblems(problems);
  return {
    map,
    valid: map !== undefined && !problems.some(isError),
    problems: format === 'argdown' ? kept : placeProblems(text, kept),
    sourceText,
    format,
    ...(read.definitions ? { definitions: read.definitions } : {}),
  };
}

/**
 * The map's source text file, or why it was not read: a path that leaves the map's folder is refused before
 * anything is read (whoever reads, CLI or app), and the reader's own refusal (not a regular file, too large)
 * is passed on.
 */
async function readSourceText(
  path: string,
  readRelated: ReadRelated | undefined,
): Promise<{ readonly text?: string; readonly why?: string }> {
  const refused = textFileRefusal(path);
  if (refused !== undefined) return { why: refused };
  if (!readRelated) return {};
  try {
    const text = await readRelated(path);
    return text === undefined ? {} : { text };
  } catch (error) {
    return { why: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Checking tour steps lays out each step with what the tour has shown so far: work that grows with the steps
 * times the boxes (a map without a tour has a step per box). Beyond this budget the check, which only ever
 * warns, is left out (see "Limits" in docs/ARCHITECTURE.md).
 */
export const stepCheckBudget = 250_000;

/** The steps a map's tour presents (one per box without a tour) times its boxes. */
export function stepCheckWork(map: ArgumentMap): number {
  const ids = new Set(map.nodes.map((n) => n.id));
  const named = (map.tour ?? []).filter(
    (step) =>
      (step.focus !== undefined && ids.has(step.focus)) || (step.show ?? []).some((id) => ids.has(id)),
  ).length;
  return (named > 0 ? named : map.nodes.length) * map.nodes.length;
}

/**
 * The Argdown and AIF readers are loaded when a file needs them: the app opens on an argmap file, and its
 * first load should not carry a YAML parser it may never use.
 */
async function readFormat(format: MapFormat, text: string): Promise<Read> {
  if (format === 'argdown') {
    const { parseArgdown } = await import('./formats/argdown/parse.ts');
    const parsed = parseArgdown(text);
    const places = parsed.places;
    return {
      map: parsed.map,
      problems: parsed.problems,
      definitions: new Map(parsed.map.nodes.map((node, i) => [node.id, places.nodes[i]!])),
      // Argdown has no JSON pointers: a problem about the n-th node is placed where that node is written.
      place: (problem) => {
        const match = /^\/(nodes|relations|groups)\/(\d+)/.exec(problem.pointer ?? '');
        const at = match ? places[match[1] as keyof typeof places][Number(match[2])] : undefined;
        if (problem.pointer === undefined) return problem;
        const { pointer, ...rest } = problem;
        // Front matter fields (title, source, tour) are at the top of the file.
        const place = at ?? (/^\/(source|tour|title)/.test(pointer) ? { line: 1, column: 1 } : undefined);
        return place ? { ...rest, line: place.line, column: place.column } : rest;
      },
    };
  }
  if (format === 'aif') {
    const [{ parseAifText }, { placeAifProblem }] = await Promise.all([
      import('./formats/aif/parse.ts'),
      import('./formats/aif/place.ts'),
    ]);
    const parsed = parseAifText(text);
    // Validation speaks of the map's lists; the AIF reader knows which AIF node each element came from.
    return {
      map: parsed.map,
      problems: parsed.problems,
      place: (problem) => placeAifProblem(problem, parsed.places),
    };
  }
  const parsed = parseArgmapJson(text);
  return {
    map: parsed.map,
    problems: parsed.problems,
    origin: parsed.origin,
    place: (problem) => problem,
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
