import type { ArgumentMap } from '../../model/types.ts';

/**
 * The map as the viewer (`<argmap-view>`, src/ui/embed/) takes it inline, in a
 * `<script type="application/json">` data block: the map already read and checked (the model itself, so
 * that the viewer needs no file reader).
 */
export interface ViewerData {
  readonly map: ArgumentMap;
}

const KEY = 'argmap-view';
const VERSION = 1;

/**
 * The data block's text. Every `<` is written as `\u003c` (the same string to JSON), so that no `</script>`
 * or `<!--` in a label can end or change the block it sits in.
 */
export function viewerDataText(data: ViewerData): string {
  return JSON.stringify({ [KEY]: VERSION, ...data }).replace(/</g, '\\u003c');
}

export type ViewerDataRead =
  { readonly type: 'data'; readonly data: ViewerData } | { readonly type: 'error'; readonly message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a data block back; one not written by `viewerDataText` (or damaged) is an error saying why. */
export function readViewerData(text: string): ViewerDataRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { type: 'error', message: `the map's data block is not JSON (${String(error)})` };
  }
  if (!isRecord(value) || value[KEY] !== VERSION)
    return { type: 'error', message: `the map's data block has no "${KEY}": ${VERSION}` };
  const { map } = value;
  const lists = ['nodes', 'relations', 'groups'] as const;
  if (!isRecord(map) || !lists.every((key) => Array.isArray(map[key])))
    return { type: 'error', message: 'the data block\u2019s "map" has no nodes, relations and groups' };
  return { type: 'data', data: { map: map as unknown as ArgumentMap } };
}
