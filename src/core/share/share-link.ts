import { serialiseArgmap } from '../formats/argmap-json/serialise.ts';
import type { ArgumentMap, NodeId } from '../model/types.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { deflate, inflate, InflatedTooLarge } from './deflate.ts';

/**
 * A share link carries the map itself in the address's fragment, `#map=<payload>` (README, "Sharing"): the
 * payload is JSON (`{"argmap-link": 1, "map": "<argmap JSON>", "collapsed": [...], ...}`), deflated and
 * written in base64url. A fragment never reaches a server, so the link needs none.
 */

/** How the map was being looked at, which the link opens again. */
export interface SharedView {
  /** Boxes whose subtrees are collapsed, and folded reconstructions (`layout/folds.ts`). */
  readonly collapsed: readonly NodeId[];
  /** The presentation step to open at, as `#step=` names it ("3", "5b"); absent: exploring. */
  readonly step?: string;
  /** The selected box. */
  readonly node?: NodeId;
  /** The Evaluate mode is on (its assumptions are in the map, under `assumptions`). */
  readonly evaluating?: boolean;
  /** The map's name, which its exports take (the file it was opened from, without extension). */
  readonly name?: string;
}

/** What a link holds: the map as argmap JSON text (read like any file) and the view. */
export interface SharedMap extends SharedView {
  readonly mapText: string;
}

export type SharedRead =
  | { readonly type: 'shared'; readonly shared: SharedMap }
  | { readonly type: 'error'; readonly message: string };

/**
 * The longest `#map=` payload offered as a link. Browsers take links of megabytes, but a link is shared
 * through mail, chat, course platforms and slides, which cut or refuse long ones; a link of this size still
 * pastes whole nearly anywhere, and a larger map goes as one HTML file, which has no limit.
 */
export const MAX_LINK_FRAGMENT = 32 * 1024;

/** The most bytes a payload may unpack to: the largest map the app opens. */
export const MAX_SHARED_BYTES = 20 * 1024 * 1024;

const VERSION = 1;

/**
 * The map as the link carries it: compact argmap JSON, with its source text inline (a link has no folder to
 * read the text from), so that quotes are still found in it.
 */
export function sharedMapText(map: ArgumentMap, sourceText: string | undefined): string {
  const source = map.source;
  if (!source || sourceText === undefined || source.text !== undefined) return serialiseArgmap(map, 0);
  const { textFile: _file, ...rest } = source;
  return serialiseArgmap({ ...map, source: { ...rest, text: sourceText } }, 0);
}

/** The `#map=` payload for this map and view. */
export async function shareFragment(mapText: string, view: SharedView): Promise<string> {
  const payload = {
    'argmap-link': VERSION,
    map: mapText,
    ...(view.collapsed.length > 0 ? { collapsed: view.collapsed } : {}),
    ...(view.step !== undefined ? { step: view.step } : {}),
    ...(view.node !== undefined ? { node: view.node } : {}),
    ...(view.evaluating ? { evaluating: true } : {}),
    ...(view.name !== undefined ? { name: view.name } : {}),
  };
  return toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(payload))));
}

/** Reads a `#map=` payload; a damaged or foreign one is an error that says what is wrong with it. */
export async function readShareFragment(fragment: string): Promise<SharedRead> {
  const decoded = fromBase64Url(fragment);
  if (decoded.type === 'error')
    return failed(`the link's map is damaged at character ${decoded.position}: ${decoded.message}`);
  let text: string;
  try {
    const bytes = await inflate(decoded.bytes, MAX_SHARED_BYTES);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof InflatedTooLarge)
      return failed(`the link's map unpacks to more than ${MAX_SHARED_BYTES / 1024 / 1024} MB`);
    return failed(
      "the link's map is damaged: it does not unpack (was the link cut short or changed when copied?)",
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return failed("the link's map is damaged: it unpacks to text that is not JSON");
  }
  return checkedPayload(payload);
}

const failed = (message: string): SharedRead => ({ type: 'error', message });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The payload's fields checked one by one, each error naming the field. */
function checkedPayload(payload: unknown): SharedRead {
  if (!isRecord(payload) || !('argmap-link' in payload))
    return failed('the link holds no argmap map (its payload has no "argmap-link" key)');
  const version = payload['argmap-link'];
  if (version !== VERSION)
    return failed(
      typeof version === 'number' && version > VERSION
        ? `the link was made by a newer argmap (link version ${version}); update argmap to open it`
        : `the link's version is ${JSON.stringify(version)}, not ${VERSION}`,
    );
  const { map, collapsed = [], step, node, evaluating = false, name } = payload;
  if (typeof map !== 'string') return failed('the link\'s "map" is not argmap JSON text');
  if (!Array.isArray(collapsed) || !collapsed.every((id) => typeof id === 'string'))
    return failed('the link\'s "collapsed" is not a list of box ids');
  if (step !== undefined && (typeof step !== 'string' || !/^\d+[a-z]*$/.test(step)))
    return failed(`the link's "step" is ${JSON.stringify(step)}, not a step like "3" or "5b"`);
  if (node !== undefined && typeof node !== 'string') return failed('the link\'s "node" is not a box id');
  if (typeof evaluating !== 'boolean') return failed('the link\'s "evaluating" is not true or false');
  if (name !== undefined && typeof name !== 'string') return failed('the link\'s "name" is not text');
  const shared: SharedMap = {
    mapText: map,
    collapsed: collapsed as string[],
    ...(step !== undefined ? { step } : {}),
    ...(node !== undefined ? { node } : {}),
    ...(evaluating ? { evaluating } : {}),
    ...(name !== undefined ? { name } : {}),
  };
  return { type: 'shared', shared };
}
