import type { ArgumentMap, Extra, MapNode, Relation } from '../../model/types.ts';
import { defineEntries, without } from '../own-keys.ts';

/**
 * Writes a map as argmap JSON. Key order is fixed (format, version, title, …) so that files diff well; unknown
 * keys read from a file are written back after the known ones. A single premise is written as a string.
 */
export function serialiseArgmap(map: ArgumentMap, indent: number | string = 2): string {
  return JSON.stringify(toArgmapJson(map), null, indent) + '\n';
}

export function toArgmapJson(map: ArgumentMap): Record<string, unknown> {
  const { extra, ...known } = map;
  const schemaKey = extra && '$schema' in extra ? { $schema: extra.$schema } : {};
  const rest = extra ? without(extra, ['$schema']) : undefined;
  return defineEntries(
    {
      ...schemaKey,
      format: 'argmap',
      version: 1,
      ...defined({ title: known.title }),
      ...(known.source ? { source: flatten(known.source) } : {}),
      groups: known.groups.map(flatten),
      nodes: known.nodes.map(nodeJson),
      relations: known.relations.map(relationJson),
      ...(known.tour ? { tour: known.tour.map(flatten) } : {}),
    },
    rest,
  );
}

function nodeJson(node: MapNode): Record<string, unknown> {
  const { type, id, ...rest } = node;
  return flatten({ type, id, ...rest });
}

function relationJson(relation: Relation): Record<string, unknown> {
  const { id, type, from, to, ...rest } = relation;
  return flatten({ id, type, from: from.length === 1 ? from[0] : [...from], to, ...rest });
}

/** Known fields first, then the unknown ones from `extra`. */
function flatten<T extends { readonly extra?: Extra }>(value: T): Record<string, unknown> {
  const { extra, ...known } = value;
  return defineEntries(defined(known), extra);
}

function defined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
