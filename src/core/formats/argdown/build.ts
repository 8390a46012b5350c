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
  const relations = buildRelations({ doc, nodeIdOf, inferenceIds: inferences, claim: ids.claim, report });
  const header = frontMatterFields(
    frontMatter?.value ?? {},
    frontMatter?.place ?? { line: 1, column: 1 },
    report,
  );
  const nodesDrawn = markLeftOut({ groups: [], nodes: nodes.nodes, relations: relations.relations });
  return {
    map: {
      ...header,
      groups: groups.groups,
      nodes: nodesDrawn,
      relations: relations.relations,
      ...(header.extra ? { extra: header.extra } : {}),
    },
    places: { nodes: nodes.places, relations: relations.places, groups: groups.places },
  };
}
