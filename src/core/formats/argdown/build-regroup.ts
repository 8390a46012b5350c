import type { Extra, Group, GroupId, MapNode } from '../../model/types.ts';
import { unknownKeys } from '../own-keys.ts';
import { idSpace } from './build-ids.ts';
import type { Place, Report } from './document.ts';
import type { Data } from './inline.ts';
import { slug } from './syntax.ts';

/**
 * Argdown's `group: {regroup: [...]}` front matter (its RegroupPlugin): the map's groups are the sections
 * it lists, not the headings. Each section has a `title`, the `statements` and `arguments` in it (by
 * title) and nested `children` sections; every element it does not list is in no group. Other keys of a
 * section (`isClosed`, `tags`…) are kept in the group's `extra`, so that the writer puts them on the
 * group's heading, where Argdown reads them too. The writer needs no `regroup`: its headings say the groups.
 */

interface Section {
  readonly group: Group;
  readonly statements: readonly string[];
  readonly arguments: readonly string[];
}

/** Keys of a section Argdown and argmap know (`id` and `note` are argmap's, which Argdown ignores). */
const sectionKeys = ['title', 'id', 'note', 'statements', 'arguments', 'children'];

/** The sections of a `regroup` list, or undefined when the front matter has none. */
export function regroupSections(
  settings: unknown,
  place: Place,
  report: Report,
): readonly Section[] | undefined {
  if (!isRecord(settings) || !Object.prototype.hasOwnProperty.call(settings, 'regroup')) return undefined;
  const list = settings.regroup;
  if (!Array.isArray(list)) {
    report('warning', place, 'front matter group.regroup must be a list of sections; it is ignored');
    return undefined;
  }
  if (list.length === 0) return undefined;
  const ids = idSpace();
  const sections: Section[] = [];
  const visit = (config: unknown, path: string, parent: GroupId | undefined) => {
    if (!isRecord(config)) {
      report(
        'warning',
        place,
        `front matter group.regroup${path} is not a section (an object); it is left out`,
      );
      return;
    }
    const title = typeof config.title === 'string' ? config.title : '';
    const id =
      typeof config.id === 'string' && config.id !== '' && !ids.taken.has(config.id)
        ? ids.claim(config.id)
        : ids.claim(slug(title, 'group'));
    const extra: Extra = unknownKeys(config, sectionKeys).extra ?? {};
    sections.push({
      group: {
        id,
        title,
        ...(parent !== undefined ? { parent } : {}),
        ...(typeof config.note === 'string' ? { note: config.note } : {}),
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
      },
      statements: titles(config.statements, `${path}.statements`, place, report),
      arguments: titles(config.arguments, `${path}.arguments`, place, report),
    });
    const children = config.children;
    if (children === undefined) return;
    if (!Array.isArray(children)) {
      report('warning', place, `front matter group.regroup${path}.children must be a list; it is ignored`);
      return;
    }
    children.forEach((child, i) => visit(child, `${path}.children[${i}]`, id));
  };
  list.forEach((config, i) => visit(config, `[${i}]`, undefined));
  return sections;
}

/** The nodes in the sections' groups (a node's own `group` data aside), and the groups. */
export function regroupNodes(
  nodes: readonly MapNode[],
  sections: readonly Section[],
  ownGroup: ReadonlySet<string>,
): { nodes: MapNode[]; groups: Group[] } {
  const groupOf = new Map<string, GroupId>();
  for (const { group, statements, arguments: args } of sections) {
    for (const title of statements) groupOf.set(`statement ${title}`, group.id);
    for (const title of args) groupOf.set(`argument ${title}`, group.id);
  }
  const regrouped = nodes.map((node): MapNode => {
    if (ownGroup.has(node.id)) return node;
    const group = node.title !== undefined ? groupOf.get(`${node.type} ${node.title}`) : undefined;
    const { group: _, ...rest } = node;
    return group !== undefined ? { ...rest, group } : rest;
  });
  return { nodes: regrouped, groups: sections.map((s) => s.group) };
}

/** The `group` front matter settings without `regroup`, which the groups now say; undefined if empty. */
export function withoutRegroup(settings: Data): Data | undefined {
  const { regroup: _, ...rest } = settings;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function titles(value: unknown, path: string, place: Place, report: Report): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((t) => typeof t === 'string')) return value;
  report('warning', place, `front matter group.regroup${path} must be a list of titles; it is ignored`);
  return [];
}

function isRecord(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
