/**
 * The page's address while exploring: `#node=<id>` is the selected box, `#step=<n>` a presentation step
 * (from 1).
 */

export const nodeInAddress = (): string | undefined => {
  const written = location.hash.match(/^#node=(.+)$/)?.[1];
  if (written === undefined) return undefined;
  // A hand-typed or cut-off address (`#node=%`, `#node=%E0%A4%A`) names no box: ignored, not an exception.
  try {
    return decodeURIComponent(written) || undefined;
  } catch {
    return undefined;
  }
};

/** The presentation step in the address: its number from 1, with a page letter when it has pages ("5b"). */
export const stepInAddress = (): string | undefined => location.hash.match(/^#step=(\d+[a-z]*)$/)?.[1];

/** The address of the page with a box selected, or with none (both relative to the page's). */
export const selectionAddress = (id: string | undefined): string =>
  id === undefined ? location.pathname + location.search : nodeHash(id);

/** The full address while exploring, with the selected box if any. */
export const exploreAddress = (id: string | undefined): string =>
  location.pathname + location.search + (id ? nodeHash(id) : '');

const nodeHash = (id: string) => `#node=${encodeURIComponent(id)}`;
