import type { Draft } from './editor/draft.ts';
import type { ReadMap } from './open-map.ts';
import type { RememberedMap } from './remembered-map.ts';
import type { SessionDeps } from './session-deps.ts';

/** What the last visit left, found at start-up: the rules for what of it comes back. */

/**
 * The editor's draft to open the editor on again: the editor was left open, and no map was opened after the
 * draft was saved (the newer of the two is what the user was working on).
 */
export function draftToResume(
  draft: Draft | undefined,
  remembered: RememberedMap | undefined,
): Draft | undefined {
  return draft?.editing && (remembered?.savedAt ?? 0) <= draft.savedAt ? draft : undefined;
}

/**
 * The draft to reopen the editor on (`draftToResume`), unless reading it is what hung or crashed the page
 * last time: then `crashed` (the user is offered it, with "Try again"; the mark is cleared, so that the next
 * start tries again).
 */
export function draftOrOffer(
  draft: Draft | undefined,
  remembered: RememberedMap | undefined,
  storage: Pick<SessionDeps['storage'], 'draftReadingCrashedBefore' | 'draftReadingFinished'>,
): Draft | 'crashed' | undefined {
  const crashed = storage.draftReadingCrashedBefore();
  if (crashed) storage.draftReadingFinished();
  const resume = draftToResume(draft, remembered);
  return resume && crashed ? 'crashed' : resume;
}

/** The map opened last, read again. */
export interface LastMap {
  readonly read: ReadMap;
  readonly fileName: string;
  readonly text: string;
}

/**
 * Reads the map the user opened last, unless restoring it is what crashed the tab last time: then `crashed`
 * (the user is asked; the crash mark is cleared, so that the next start tries again). Otherwise the crash
 * mark is set while the map is read and stays until the caller clears it once the map is drawn, so that a
 * tab dying on the map leaves it behind. Undefined when the text no longer reads as a map.
 */
export async function readLastMap(
  last: RememberedMap,
  { storage, reading }: Pick<SessionDeps, 'storage' | 'reading'>,
): Promise<LastMap | 'crashed' | undefined> {
  if (storage.restoreCrashedBefore()) {
    storage.restoreFinished();
    return 'crashed';
  }
  storage.restoreStarted();
  const read = await reading.text(last.text, { fileName: last.fileName }).catch(() => undefined);
  if (!read?.valid) {
    storage.restoreFinished();
    return undefined;
  }
  return { read, fileName: last.fileName, text: last.text };
}
