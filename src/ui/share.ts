import { withAssumptions } from '../core/evaluate/assumptions.ts';
import type { Assumption } from '../core/evaluate/evaluate.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import {
  MAX_LINK_FRAGMENT,
  readShareFragment,
  sharedMapText,
  shareFragment,
  type SharedRead,
  type SharedView,
} from '../core/share/share-link.ts';
import { linkAddress, sharedInAddress } from './address.ts';

/** A share link, or how large its payload would be when it is too large for one. */
export type ShareLink =
  { readonly type: 'link'; readonly url: string } | { readonly type: 'too-large'; readonly size: number };

/** The link that opens this map as it is looked at: its assumptions kept in it, its source text inline. */
export async function makeShareLink(
  map: ArgumentMap,
  sourceText: string | undefined,
  assumptions: ReadonlyMap<string, Assumption>,
  view: SharedView,
): Promise<ShareLink> {
  const text = sharedMapText(withAssumptions(map, assumptions), sourceText);
  const fragment = await shareFragment(text, view);
  return fragment.length > MAX_LINK_FRAGMENT
    ? { type: 'too-large', size: fragment.length }
    : { type: 'link', url: linkAddress(fragment) };
}

/** The share link in the page's address, read; undefined when the address carries none. */
export async function linkInAddress(): Promise<SharedRead | undefined> {
  const fragment = sharedInAddress();
  return fragment === undefined ? undefined : readShareFragment(fragment);
}

/** Puts the link on the clipboard; false when the browser refuses (the link is then shown to copy by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
