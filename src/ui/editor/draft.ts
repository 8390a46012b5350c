import {
  getStored,
  markStored,
  putStored,
  UNSAVED_DRAFT as UNSAVED,
  withLocalStorage,
} from '../remembered-map.ts';

/**
 * The editor's text, saved on every change so that nothing typed is lost: not to a reload, not to a crash,
 * not to opening another map. Kept in IndexedDB (texts as large as the maps the app opens); a change not yet
 * written when the page goes away is written to localStorage synchronously, and the newer of the two wins.
 */
export interface Draft {
  readonly text: string;
  /** The name the text is saved under (`….argdown`). */
  readonly fileName: string;
  /** Whether the editor was open: a reload opens it again. */
  readonly editing: boolean;
  /** The last text that read without errors: after a reload its map is drawn while the text has errors. */
  readonly good?: string | undefined;
  readonly savedAt: number;
}

const KEY = 'editor-draft';
const PREVIOUS = 'editor-draft-previous';

const isDraft = (value: unknown): value is Draft =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Draft).text === 'string' &&
  typeof (value as Draft).fileName === 'string' &&
  typeof (value as Draft).savedAt === 'number';

export async function recallDraft(): Promise<Draft | undefined> {
  const stored = await getStored(KEY);
  const found = [stored, readUnsaved()].filter(isDraft).sort((a, b) => b.savedAt - a.savedAt)[0];
  if (found) markStored();
  return (
    found && {
      ...found,
      editing: found.editing === true,
      good: typeof found.good === 'string' ? found.good : undefined,
    }
  );
}

/** A text the editor replaced (another map was opened while editing): kept until the next one replaces it. */
export async function keepPreviousText(text: string): Promise<void> {
  await putStored(PREVIOUS, text);
}

export async function recallPreviousText(): Promise<string | undefined> {
  const text = await getStored(PREVIOUS);
  return typeof text === 'string' ? text : undefined;
}

/**
 * Writes the editor's draft a moment after each change (copying a long text at every keystroke would slow
 * typing), and at once when the page goes away. Writes go one at a time, always the latest: typing faster
 * than IndexedDB writes skips the states in between, never the last one.
 */
export class DraftWriter {
  private latest: Draft | undefined;
  /** The draft being written: a write cut short by the page going away must not lose it. */
  private inFlight: Draft | undefined;
  private writing = false;
  /** Changed since the last draft was taken. */
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `current` gives the draft as it is now. */
  constructor(
    private readonly current: () => Omit<Draft, 'savedAt'> | undefined,
    private readonly delay = 200,
  ) {
    addEventListener('pagehide', this.flushNow);
    // A phone may close a hidden tab without a pagehide.
    document.addEventListener('visibilitychange', this.onHidden);
  }

  private readonly onHidden = (): void => {
    if (document.visibilityState === 'hidden') this.flushNow();
  };

  /** The text changed: it is written shortly. */
  touch(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.take(), this.delay);
  }

  /** Writes the draft now (the editor closes, or a reading succeeded and the last good text changed). */
  saveNow(): void {
    this.dirty = true;
    this.take();
  }

  destroy(): void {
    this.take();
    this.flushNow();
    removeEventListener('pagehide', this.flushNow);
    document.removeEventListener('visibilitychange', this.onHidden);
  }

  private take(): void {
    clearTimeout(this.timer);
    if (!this.dirty) return;
    this.dirty = false;
    const draft = this.current();
    if (!draft) return;
    this.latest = { ...draft, savedAt: Date.now() };
    if (!this.writing) void this.drain();
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.latest) {
      const draft = (this.inFlight = this.latest);
      this.latest = undefined;
      if (await putStored(KEY, draft)) clearUnsaved(draft.savedAt);
      else this.writeUnsaved(draft);
      this.inFlight = undefined;
    }
    this.writing = false;
  }

  /** The page is going away with a write pending: localStorage is written before it does. */
  private readonly flushNow = (): void => {
    if (this.dirty) {
      this.dirty = false;
      const draft = this.current();
      if (draft) this.latest = { ...draft, savedAt: Date.now() };
    }
    const pending = this.latest ?? this.inFlight;
    if (pending) this.writeUnsaved(pending);
  };

  /** Over the quota or without storage, the IndexedDB copy is all there is. */
  private writeUnsaved(draft: Draft): void {
    withLocalStorage((storage) => storage.setItem(UNSAVED, JSON.stringify(draft)), undefined);
  }
}

/** The draft written to localStorage as the page went away (anything, as read: check with isDraft). */
const readUnsaved = (): unknown =>
  withLocalStorage((storage) => JSON.parse(storage.getItem(UNSAVED) ?? 'null') as unknown, undefined);

/** The localStorage copy is dropped once IndexedDB holds the same or a newer draft. */
function clearUnsaved(savedAt: number): void {
  const unsaved = readUnsaved() as Draft | null | undefined;
  if (unsaved && unsaved.savedAt <= savedAt)
    withLocalStorage((storage) => storage.removeItem(UNSAVED), undefined);
}
