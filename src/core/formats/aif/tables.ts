import { jsonPointer, type Problem } from '../../problems.ts';
import { describeValue, idKey, isRecord, own, type JsonObject } from './types.ts';

/** A node of the file that has a usable nodeID and type (the first one, when ids repeat). */
export interface AifNodeRecord {
  /** Position in the file's `nodes`. */
  readonly index: number;
  /** The string form of its nodeID: the id of the model element it becomes. */
  readonly key: string;
  readonly type: string;
  readonly raw: JsonObject;
  readonly path: readonly (string | number)[];
}

/** An edge of the file whose two ends are known nodes. */
export interface AifEdgeRecord {
  readonly index: number;
  readonly from: string;
  readonly to: string;
  readonly raw: JsonObject;
}

const schemaError = (path: readonly (string | number)[], message: string): Problem => ({
  severity: 'error',
  code: 'schema',
  pointer: jsonPointer(path),
  message,
});

/** The nodes that can be looked up by id, in file order; every other node gets a problem. */
export function readNodeTable(
  list: readonly unknown[],
  path: readonly (string | number)[],
  problems: Problem[],
): Map<string, AifNodeRecord> {
  const table = new Map<string, AifNodeRecord>();
  list.forEach((raw, index) => {
    const at = [...path, index];
    if (!isRecord(raw)) {
      problems.push(schemaError(at, `node ${index} must be an object, not ${describeValue(raw)}`));
      return;
    }
    const nodeID = own(raw, 'nodeID');
    const key = idKey(nodeID);
    if (key === undefined) {
      const message =
        nodeID === undefined
          ? `node ${index} has no "nodeID"`
          : `"nodeID" must be a non-empty string or a number, not ${describeValue(nodeID)}`;
      problems.push(schemaError([...at, 'nodeID'], message));
      return;
    }
    const type = own(raw, 'type');
    if (typeof type !== 'string' || type === '') {
      const found = type === undefined ? 'has no "type"' : `has "type" ${describeValue(type)}`;
      problems.push(
        schemaError([...at, 'type'], `node "${key}" ${found}; expected I, RA, CA, MA, L, YA, TA…`),
      );
      return;
    }
    const first = table.get(key);
    if (first) {
      problems.push({
        severity: 'error',
        code: 'duplicate-id',
        pointer: jsonPointer([...at, 'nodeID']),
        message: `duplicate nodeID "${key}": node ${first.index} has it already; this one is ignored`,
      });
      return;
    }
    table.set(key, { index, key, type, raw, path: at });
  });
  return table;
}

/** The edges whose ends are known nodes, in file order; every other edge gets a problem. */
export function readEdgeTable(
  list: unknown,
  path: readonly (string | number)[],
  nodes: ReadonlyMap<string, AifNodeRecord>,
  problems: Problem[],
): AifEdgeRecord[] {
  if (!Array.isArray(list)) {
    const found = list === undefined ? 'is missing' : `must be an array, not ${describeValue(list)}`;
    problems.push(schemaError(path, `"edges" ${found}`));
    return [];
  }
  const edges: AifEdgeRecord[] = [];
  list.forEach((raw: unknown, index) => {
    const at = [...path, index];
    if (!isRecord(raw)) {
      problems.push(schemaError(at, `edge ${index} must be an object, not ${describeValue(raw)}`));
      return;
    }
    const name =
      idKey(own(raw, 'edgeID')) !== undefined ? `edge "${String(own(raw, 'edgeID'))}"` : `edge ${index}`;
    const ends: string[] = [];
    for (const end of ['fromID', 'toID']) {
      const value = own(raw, end);
      const key = idKey(value);
      if (key === undefined) {
        const found = value === undefined ? `has no "${end}"` : `has "${end}" ${describeValue(value)}`;
        problems.push(schemaError([...at, end], `${name} ${found}`));
      } else if (!nodes.has(key)) {
        problems.push({
          severity: 'error',
          code: 'missing-node',
          pointer: jsonPointer([...at, end]),
          message: `${name}: no node "${key}" (${end})`,
        });
      } else ends.push(key);
    }
    const [from, to] = ends;
    if (ends.length === 2 && from !== undefined && to !== undefined) edges.push({ index, from, to, raw });
  });
  return edges;
}
