import type { ArgumentMap } from '../../model/types.ts';
import { groupsOfHeadings } from './build-groups.ts';
import { markLeftOut } from './build-in-map.ts';
import { idSpace, inferenceIds, nodeIds } from './build-ids.ts';
import { buildNodes } from './build-nodes.ts';
import { buildRelations } from './build-relations.ts';
import type { ArgdownDocument, Place, Report } from './document.ts';
import { frontMatterFields } from './front-matter.ts';
import type { Data } from './inline.ts';
import type { SourceProblem } from './source-lines.ts';
import { hasStrictKinds, isStrict, keptModelSettings } from './strict-mode.ts';
import { regroupNodes, regroupSections, withoutRegroup } from './build-regroup.ts';
import { defineEntries } from '../own-keys.ts';

/** Where each element of the built map was written, by its index in the map's lists. */
export interface ArgdownPlaces {
  readonly nodes: readonly Place[];
  readonly relations: readonly Place[];
  readonly groups: readonly Place[];
}

/**
 * Second stage: entries become nodes (an argument only when it is drawn as a box), relation-tree edges and
 * inferences become relations in text order, headings become groups, the front matter gives the map's
 * title, source and tour. Each step's problems are reported in that order.
 */
export function buildMap(
  doc: ArgdownDocument,
  frontMatter: { value: Data; place: Place } | undefined,
  problems: SourceProblem[],
): { map: ArgumentMap; places: ArgdownPlaces } {
  const report: Report = (severity, place, message) => problems.push({ severity, ...place, message });
  const groups = groupsOfHeadings(doc.headings, report);
  // Nodes and relations share one id space: node ids first, then inferences, then the other relations.
  const ids = idSpace();
  const nodeIdOf = nodeIds(doc.entries, ids);
  const inferences = inferenceIds(doc, nodeIdOf, ids);
  const nodes = buildNodes(doc.entries, nodeIdOf, groups.ofHeading, report);
  const strict = isStrict(frontMatter?.value);
  const relations = buildRelations({
    doc,
    nodeIdOf,
    inferenceIds: inferences,
    claim: ids.claim,
    report,
    strict,
  });
  const header = frontMatterFields(
    frontMatter?.value ?? {},
    frontMatter?.place ?? { line: 1, column: 1 },
    report,
  );
  let map: ArgumentMap = {
    ...header,
    groups: groups.groups,
    nodes: markLeftOut({ groups: [], nodes: nodes.nodes, relations: relations.relations }),
    relations: relations.relations,
    ...(header.extra ? { extra: header.extra } : {}),
  };
  let groupPlaces = groups.places;
  const place = frontMatter?.place ?? { line: 1, column: 1 };
  const sections = regroupSections(frontMatter?.value.group, place, report);
  if (sections) {
    const ownGroup = new Set(
      doc.entries.flatMap((entry, i) =>
        entry.data && 'group' in entry.data && nodeIdOf.has(i) ? [nodeIdOf.get(i)!] : [],
      ),
    );
    const regrouped = regroupNodes(map.nodes, sections, ownGroup);
    map = withExtraKey({ ...map, ...regrouped }, 'group', withoutRegroup(frontMatter!.value.group as Data));
    groupPlaces = regrouped.groups.map(() => place);
  }
  // A map whose entails and contrary relations say it is strict keeps no `mode: strict` (strict-mode.ts).
  if (strict && hasStrictKinds(map)) map = withExtraKey(map, 'model', keptModelSettings(map.extra?.model));
  return {
    map,
    places: { nodes: nodes.places, relations: relations.places, groups: groupPlaces },
  };
}

/** The map with one kept front matter key set in its place, or removed (undefined). */
function withExtraKey(map: ArgumentMap, key: string, value: unknown): ArgumentMap {
  const { extra: _, ...rest } = map;
  const extra: Record<string, unknown> = {};
  for (const k of Object.keys(map.extra ?? {})) {
    const v = k === key ? value : map.extra![k];
    if (v !== undefined) defineEntries(extra, { [k]: v });
  }
  return Object.keys(extra).length > 0 ? { ...rest, extra } : rest;
}
