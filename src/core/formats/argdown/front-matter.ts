import type { Extra, Source, TourStep } from '../../model/types.ts';
import { readArgmapValue } from '../argmap-json/parse.ts';
import { defineEntries, without } from '../own-keys.ts';
import type { Place, Report } from './document.ts';
import type { Data } from './inline.ts';

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
  const header = defineEntries(
    { format: 'argmap', version: 1, groups: [], nodes: [], relations: [] } as Record<string, unknown>,
    without(data, reserved),
  );
  const aside = without(
    data,
    Object.keys(data).filter((key) => !reserved.includes(key)),
  );
  const read = readArgmapValue(header);
  for (const problem of read.problems) {
    report(problem.severity, place, `front matter ${problem.pointer ?? ''}: ${problem.message}`);
  }
  const map = read.map;
  const extra = defineEntries({ ...map?.extra }, aside);
  return {
    ...(map?.title !== undefined ? { title: map.title } : {}),
    ...(map?.source ? { source: map.source } : {}),
    ...(map?.tour ? { tour: map.tour } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}
