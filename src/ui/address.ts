import type { Assumption } from '../core/evaluate/evaluate.ts';

/**
 * The page's address while exploring: `#node=<id>` is the selected box, `#step=<n>` a presentation step
 * (from 1), `#eval=a:<id>,r:<id>` the Evaluate mode with the statements accepted (`a`) and rejected (`r`).
 * Parts are joined by `&` (`#node=x&eval=r:y`); ids are URL-encoded, so `&`, `,` and `:` in them are escaped.
 */

/** The raw value of one part of the fragment, undefined when it has none. */
function hashPart(key: string): string | undefined {
  for (const part of location.hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === key) return part.slice(eq + 1);
  }
  return undefined;
}

/** A hand-typed or cut-off part (`%`, `%E0%A4%A`) names nothing: undefined, not an exception. */
function decoded(written: string): string | undefined {
  try {
    return decodeURIComponent(written) || undefined;
  } catch {
    return undefined;
  }
}

export const nodeInAddress = (): string | undefined => {
  const written = hashPart('node');
  return written === undefined ? undefined : decoded(written);
};

/** The presentation step in the address: its number from 1, with a page letter when it has pages ("5b"). */
export const stepInAddress = (): string | undefined => hashPart('step')?.match(/^(\d+[a-z]*)$/)?.[1];

/**
 * The Evaluate mode's assumptions in the address; undefined when the address has no `eval` part (the mode is
 * off). Entries that do not read (no `a:`/`r:`, a broken escape) are left out.
 */
export function assumptionsInAddress(): Map<string, Assumption> | undefined {
  const written = hashPart('eval');
  if (written === undefined) return undefined;
  const assumptions = new Map<string, Assumption>();
  for (const entry of written.split(',')) {
    const kind = entry.slice(0, 2);
    const id = decoded(entry.slice(2));
    if (id === undefined) continue;
    if (kind === 'a:') assumptions.set(id, 'accepted');
    else if (kind === 'r:') assumptions.set(id, 'rejected');
  }
  return assumptions;
}

/** The `eval` part as it is now, kept when the selection or the step changes the address. */
const evalPart = (): string | undefined => {
  const written = hashPart('eval');
  return written === undefined ? undefined : `eval=${written}`;
};

const address = (...parts: (string | undefined)[]): string => {
  const fragment = parts.filter((p) => p !== undefined).join('&');
  return location.pathname + location.search + (fragment ? `#${fragment}` : '');
};

/** The address of the page with a box selected, or with none. */
export const selectionAddress = (id: string | undefined): string =>
  address(id === undefined ? undefined : nodePart(id), evalPart());

/** The full address while exploring, with the selected box if any. */
export const exploreAddress = (id: string | undefined): string => selectionAddress(id);

/** The address of a presentation step (its label, as `stepInAddress` reads it). */
export const stepAddress = (label: string): string => address(`step=${label}`, evalPart());

/** The address with these assumptions (the Evaluate mode on), or without any (off); the rest kept. */
export function evaluationAddress(assumptions: ReadonlyMap<string, Assumption> | undefined): string {
  const node = hashPart('node');
  const step = hashPart('step');
  const written =
    assumptions &&
    `eval=${[...assumptions].map(([id, a]) => `${a === 'accepted' ? 'a' : 'r'}:${encodeURIComponent(id)}`).join(',')}`;
  return address(
    node === undefined ? undefined : `node=${node}`,
    step === undefined ? undefined : `step=${step}`,
    written,
  );
}

const nodePart = (id: string) => `node=${encodeURIComponent(id)}`;

/** The `#map=` part: a map carried by a share link (core/share/share-link.ts); undefined when none. */
export const sharedInAddress = (): string | undefined => hashPart('map');

/**
 * The address once a share link's map is open: the link's step or selected box, the `#map=` part gone (the
 * map is kept like a file opened, and the address stays short).
 */
export function openedLinkAddress(view: { readonly step?: string; readonly node?: string }): string {
  return address(
    view.step !== undefined ? `step=${view.step}` : undefined,
    view.step === undefined && view.node !== undefined ? nodePart(view.node) : undefined,
  );
}

/** The address a share link opens: this page's, without query or fragment, with the map in `#map=`. */
export const linkAddress = (fragment: string): string =>
  `${location.href.replace(/[?#].*$/s, '')}#map=${fragment}`;
