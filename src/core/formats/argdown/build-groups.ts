import type { Group } from '../../model/types.ts';
import { unknownKeys } from '../own-keys.ts';
import { idSpace } from './build-ids.ts';
import { dataTypeWarnings, groupDataTypes } from './build-data-types.ts';
import type { Heading, Place, Report } from './document.ts';
import { slug } from './syntax.ts';

const groupDataKeys = ['id', 'parent', 'note', 'title'];

export interface HeadingGroups {
  readonly groups: readonly Group[];
  /** Where each group's heading was first written. */
  readonly places: readonly Place[];
  /** The group id of each heading, by heading index (a heading that is no group: the group it is in). */
  readonly ofHeading: readonly (string | undefined)[];
}

/**
 * Headings become groups: one per distinct heading, nested in the heading of a lower level above it; a
 * repeated heading (same id or title) reopens its group. A heading with `{isGroup: false}` is a section of
 * the text only, as in Argdown: what is under it belongs to the group it is in.
 */
export function groupsOfHeadings(headings: readonly Heading[], report?: Report): HeadingGroups {
  const groups: Group[] = [];
  const places: Place[] = [];
  const ofHeading: (string | undefined)[] = [];
  const ids = idSpace();
  const byKey = new Map<string, string>();
  const open: { level: number; id: string }[] = [];
  for (const heading of headings) {
    while (open.length > 0 && open[open.length - 1]!.level >= heading.level) open.pop();
    const data = heading.data ?? {};
    if (report)
      dataTypeWarnings(heading.data, groupDataTypes, `heading "${heading.title}"`, heading.place, report);
    if (data.isGroup === false) {
      ofHeading.push(open[open.length - 1]?.id);
      continue;
    }
    const key = typeof data.id === 'string' ? `id:${data.id}` : `title:${heading.title}`;
    let id = byKey.get(key);
    if (id === undefined) {
      id =
        typeof data.id === 'string' && !ids.taken.has(data.id)
          ? ids.claim(data.id)
          : ids.claim(slug(heading.title, 'group'));
      byKey.set(key, id);
      const parent =
        'parent' in data
          ? typeof data.parent === 'string'
            ? data.parent
            : undefined
          : open[open.length - 1]?.id;
      groups.push({
        id,
        title: typeof data.title === 'string' ? data.title : heading.title,
        ...(parent !== undefined ? { parent } : {}),
        ...(typeof data.note === 'string' ? { note: data.note } : {}),
        ...unknownKeys(data, groupDataKeys),
      });
      places.push(heading.place);
    }
    ofHeading.push(id);
    open.push({ level: heading.level, id });
  }
  return { groups, places, ofHeading };
}
