import type { ArgumentMap, RelationType } from './model/types.ts';
import { createQuoteFinder } from './quotes/anchor.ts';

/**
 * The counts `argmap stats` prints; the key order is part of the CLI contract (docs/ARCHITECTURE.md, "Exports
 * and the command line").
 */
export interface MapStats {
  readonly statements: number;
  readonly arguments: number;
  /** support, attack, undercut, contradiction always; entails and contrary when the map has them. */
  readonly relations: Readonly<Record<Exclude<RelationType, 'entails' | 'contrary'>, number>> &
    Readonly<Partial<Record<'entails' | 'contrary', number>>>;
  /** Relations with two or more linked premises. */
  readonly linked: number;
  readonly groups: number;
  /** Distinct tags on nodes and relations. */
  readonly tags: number;
  readonly quotes: { readonly total: number; readonly verified: number };
  /** Statements the reconstruction adds (`implicit`); only present when there are some. */
  readonly implicit?: number;
}

export function mapStats(map: ArgumentMap, sourceText?: string): MapStats {
  const relations: Partial<Record<RelationType, number>> & MapStats['relations'] = {
    support: 0,
    attack: 0,
    undercut: 0,
    contradiction: 0,
  };
  // Strict mode's kinds are counted only in maps that have them, so the contract's keys stay as they were.
  for (const relation of map.relations) relations[relation.type] = (relations[relation.type] ?? 0) + 1;
  const tags = new Set<string>();
  for (const item of [...map.nodes, ...map.relations]) for (const tag of item.tags ?? []) tags.add(tag);
  const quotes = map.nodes.flatMap((node) => (node.quote !== undefined ? [node.quote] : []));
  const find = sourceText !== undefined ? createQuoteFinder(sourceText) : undefined;
  const implicit = map.nodes.filter((node) => node.implicit === true).length;
  return {
    statements: map.nodes.filter((node) => node.type === 'statement').length,
    arguments: map.nodes.filter((node) => node.type === 'argument').length,
    relations,
    linked: map.relations.filter((relation) => relation.from.length >= 2).length,
    groups: map.groups.length,
    tags: tags.size,
    quotes: { total: quotes.length, verified: find ? quotes.filter((quote) => find(quote)).length : 0 },
    ...(implicit > 0 ? { implicit } : {}),
  };
}
