import type { Group, GroupId } from './types.ts';

/**
 * Whether group `group` is `wanted` or nested inside it (Argdown headings nest). A cycle of parents, which a
 * hand-written file may contain, ends the walk.
 */
export function createGroupTest(
  groups: readonly Group[],
): (group: GroupId | undefined, wanted: GroupId) => boolean {
  const parentOf = new Map(groups.map((g) => [g.id, g.parent]));
  return (group, wanted) => {
    const seen = new Set<GroupId>();
    for (let at = group; at !== undefined && !seen.has(at); at = parentOf.get(at)) {
      if (at === wanted) return true;
      seen.add(at);
    }
    return false;
  };
}
