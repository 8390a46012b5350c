import {
  type ArgumentMap,
  type MapNode,
  type NodeId,
  type Relation,
  type RelationId,
  type UndercutRelation,
} from './types.ts';

/**
 * Lookup tables over a map, built once: nodes and relations by id, and for each node the relations it is a
 * premise of and the relations aimed at it. All lists keep file order, which decides sibling order and
 * primary parents.
 */
export interface MapIndex {
  readonly map: ArgumentMap;
  node(id: NodeId): MapNode | undefined;
  relation(id: RelationId): Relation | undefined;
  /** Relations (any type) that list `id` among their premises. */
  premiseOf(id: NodeId): readonly Relation[];
  /** Relations whose `to` is the node `id` (undercuts aim at relations and are not included). */
  incoming(id: NodeId): readonly Relation[];
  /** Undercuts aimed at relation `id`. */
  undercutsOf(id: RelationId): readonly UndercutRelation[];
  /** Position of relation `id` in the file (sibling order follows it). */
  relationOrder(id: RelationId): number;
}

const none: readonly never[] = Object.freeze([]);

function push<K, V>(table: Map<K, V[]>, key: K, value: V): void {
  const list = table.get(key);
  if (list) list.push(value);
  else table.set(key, [value]);
}

export function indexMap(map: ArgumentMap): MapIndex {
  // Plain loops: this runs on every layout, and 10,000-relation maps should not pay for iterators and closures.
  // Filled from the end, so that the first of several entries with one id is the one kept, at one Map
  // operation per entry.
  const nodes = new Map<NodeId, MapNode>();
  for (let i = map.nodes.length - 1; i >= 0; i--) nodes.set(map.nodes[i]!.id, map.nodes[i]!);
  const order = new Map<RelationId, number>();
  for (let i = map.relations.length - 1; i >= 0; i--) order.set(map.relations[i]!.id, i);
  const premiseOf = new Map<NodeId, Relation[]>();
  const incoming = new Map<NodeId, Relation[]>();
  const undercuts = new Map<RelationId, UndercutRelation[]>();
  for (let position = 0; position < map.relations.length; position++) {
    const relation = map.relations[position]!;
    const from = relation.from;
    for (let i = 0; i < from.length; i++) {
      // A premise listed twice in one relation is still one premise.
      if (i === 0 || from.indexOf(from[i]!) === i) push(premiseOf, from[i]!, relation);
    }
    if (relation.type === 'undercut') push(undercuts, relation.to, relation);
    else push(incoming, relation.to, relation);
  }
  return {
    map,
    node: (id) => nodes.get(id),
    relation: (id) => {
      const position = order.get(id);
      return position === undefined ? undefined : map.relations[position];
    },
    premiseOf: (id) => premiseOf.get(id) ?? none,
    incoming: (id) => incoming.get(id) ?? none,
    undercutsOf: (id) => undercuts.get(id) ?? none,
    relationOrder: (id) => order.get(id) ?? -1,
  };
}

/**
 * The node a relation finally bears on. For an undercut that is the conclusion of the relation it attacks
 * (following undercut chains); undefined for dangling targets or an undercut cycle.
 */
export function conclusionOf(index: MapIndex, relation: Relation): NodeId | undefined {
  let current: Relation | undefined = relation;
  // Undercut chains are rare and short; the cycle guard is only allocated when there is one.
  let seen: Set<RelationId> | undefined;
  while (current?.type === 'undercut') {
    seen ??= new Set();
    if (seen.has(current.id)) return undefined;
    seen.add(current.id);
    current = index.relation(current.to);
  }
  return current && index.node(current.to) ? current.to : undefined;
}
