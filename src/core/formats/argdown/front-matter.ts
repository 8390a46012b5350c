import type { Extra, Source, TourStep } from '../../model/types.ts';
import { readArgmapValue } from '../argmap-json/parse.ts';
import { defineEntries, without } from '../own-keys.ts';
import type { Place, Report } from './document.ts';
import type { Data } from './inline.ts';
import { expandTour } from './tour-steps.ts';

/**
 * Title, source and tour from the front matter, checked by the argmap JSON reader (so a front matter `source`
 * is held to the same schema as a JSON file's). Other keys are kept as the map's `extra`.
 */
export function frontMatterFields(
  data: Data,
  place: Place,
  report: Report,
): { title?: string; source?: Source; tour?: readonly TourStep[]; extra?: Extra } {
  // The list keys of a JSON map are no front matter fields: kept aside, not read as nodes or groups.
  const reserved = ['format', 'version', 'groups', 'nodes', 'relations'];
  // Only the fields the JSON reader checks are handed to it: the other keys, which may be a hundred
  // thousand, go to `extra` as they are, in their order.
  const checked = ['$schema', 'title', 'source', 'tour'];
  // The tour may say per step what it adds (`tour-steps.ts`); the JSON reader checks full `show` lists.
  const tourProblems: string[] = [];
  const valueOf = (key: string) => (key === 'tour' ? expandTour(data.tour, tourProblems) : data[key]);
  const header = defineEntries(
    { format: 'argmap', version: 1, groups: [], nodes: [], relations: [] } as Record<string, unknown>,
    Object.fromEntries(
      checked
        .filter((key) => Object.prototype.hasOwnProperty.call(data, key))
        .map((key) => [key, valueOf(key)]),
    ),
  );
  for (const message of tourProblems) report('warning', place, `front matter: ${message}`);
  const aside = Object.fromEntries(
    reserved.filter((key) => Object.prototype.hasOwnProperty.call(data, key)).map((key) => [key, data[key]]),
  );
  const read = readArgmapValue(header);
  for (const problem of read.problems) {
    report(problem.severity, place, `front matter ${problem.pointer ?? ''}: ${problem.message}`);
  }
  const map = read.map;
  const others = map ? without(data, [...reserved, 'title', 'source', 'tour']) : {};
  const extra = defineEntries(others, aside);
  return {
    ...(map?.title !== undefined ? { title: map.title } : {}),
    ...(map?.source ? { source: map.source } : {}),
    ...(map?.tour ? { tour: map.tour } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}
