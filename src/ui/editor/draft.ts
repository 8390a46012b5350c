import { getStored, markStored, putStored, updateStored, withLocalStorage } from '../remembered-map.ts';

/**
 * The editor's text, saved on every change so that nothing typed is lost: not to a reload, not to a crash,
 * not to opening another map, not to another tab. Kept in IndexedDB (texts as large as the maps the app
 * opens), one draft per tab; a change not yet written when the page goes away is written to localStorage
 * synchronously, and the newer of the two wins.
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

/** The one draft of every tab, before drafts were kept per tab: still read, never written. */
const SHARED = 'editor-draft';
const PREVIOUS = 'editor-draft-previous';
/** Which tabs have a draft, newest first: `{ tab, savedAt }[]`. */
const TABS = 'editor-drafts';
const tabKey = (tab: string): string => `editor-draft:${tab}`;
/** The copy written to localStorage as the page went away, before IndexedDB had it. */
const unsavedKey = (tab: string): string => `argmap-editor-unsaved:${tab}`;
const UNSAVED_PREFIX = unsavedKey('');
/** Drafts of this many tabs are kept (a tab's draft goes once this many newer ones are saved). */
const KEEP_TABS = 10;
/** This tab's name, in sessionStorage: it stays through a reload, and another tab has another. */
const TAB_NAME = 'argmap-tab';

interface TabEntry {
  readonly tab: string;
  readonly savedAt: number;
}

const isDraft = (value: unknown): value is Draft =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Draft).text === 'string' &&
  typeof (value as Draft).fileName === 'string' &&
  typeof (value as Draft).savedAt === 'number';

const isTabEntry = (value: unknown): value is TabEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as TabEntry).tab === 'string' &&
  typeof (value as TabEntry).savedAt === 'number';

let fallbackTab: string | undefined;
const freshName = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * This tab's name, kept for its life (reloads included): each tab writes its own draft, so that two tabs
 * never overwrite each other's. Without sessionStorage, the page's own name (a reload starts a new one).
 */
export function tabName(): string {
  try {
    const known = sessionStorage.getItem(TAB_NAME);
    if (known) return known;
    const name = freshName();
    sessionStorage.setItem(TAB_NAME, name);
    return name;
  } catch {
    return (fallbackTab ??= freshName());
  }
}

let claimed: Promise<string> | undefined;

/**
 * The name this tab writes its draft under: `tabName()`, held with a Web Lock for the page's life. A tab
 * duplicated from another starts with a copy of its sessionStorage, so with its name: finding the name
 * held, it takes a new one (it started on the same draft, and from here on writes its own).
 */
export function claimTabName(): Promise<string> {
  return (claimed ??= claim(tabName(), 2));
}

async function claim(name: string, tries: number): Promise<string> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks || tries === 0) return name;
  const held = await new Promise<boolean>((resolve) => {
    locks
      .request(`argmap-tab:${name}`, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        // Held until the page goes.
        return lock ? new Promise<void>(() => undefined) : undefined;
      })
      .catch(() => resolve(true));
  });
  if (held) return name;
  const fresh = freshName();
  withSessionStorage((storage) => storage.setItem(TAB_NAME, fresh));
  if (fallbackTab === name) fallbackTab = fresh;
  return claim(fresh, tries - 1);
}

function withSessionStorage(work: (storage: Storage) => void): void {
  try {
    work(sessionStorage);
  } catch {
    // Without sessionStorage the name lives in the page (fallbackTab).
  }
}

/** The newer of a tab's two copies (IndexedDB's, and localStorage's written as the page went away). */
async function tabDraft(tab: string): Promise<Draft | undefined> {
  const stored = await getStored(tab === '' ? SHARED : tabKey(tab));
  return newest([stored, tab === '' ? undefined : readUnsaved(tab)]);
}

function newest(values: readonly unknown[]): Draft | undefined {
  const found = values.filter(isDraft).sort((a, b) => b.savedAt - a.savedAt)[0];
  return (
    found && {
      ...found,
      editing: found.editing === true,
      good: typeof found.good === 'string' ? found.good : undefined,
    }
  );
}

/**
 * The tabs that left a draft, newest first: those IndexedDB lists, those whose last change only reached
 * localStorage, and '' for the draft shared by all tabs before drafts were kept per tab.
 */
async function tabsWithDrafts(): Promise<TabEntry[]> {
  const listed = await getStored(TABS);
  const tabs = new Map<string, number>([['', 0]]);
  for (const entry of Array.isArray(listed) ? listed.filter(isTabEntry) : [])
    tabs.set(entry.tab, entry.savedAt);
  withLocalStorage((storage) => {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(UNSAVED_PREFIX)) continue;
      const tab = key.slice(UNSAVED_PREFIX.length);
      const draft = readUnsaved(tab);
      if (isDraft(draft)) tabs.set(tab, Math.max(tabs.get(tab) ?? 0, draft.savedAt));
    }
  }, undefined);
  return [...tabs].map(([tab, savedAt]) => ({ tab, savedAt })).sort((a, b) => b.savedAt - a.savedAt);
}

/**
 * The draft to start on: this tab's own (a reload), else the newest any tab left (a new tab continues the
 * latest work). `other` is the newest text another tab left, when it differs: "Restore previous text"
 * brings it back, so that no tab's text is out of reach.
 */
export async function recallDrafts(): Promise<{ draft?: Draft | undefined; other?: string | undefined }> {
  const own = tabName();
  const tabs = await tabsWithDrafts();
  const draft = (await tabDraft(own)) ?? (await firstDraft(tabs, () => true));
  if (draft) markStored();
  const other = await firstDraft(tabs, (tab, found) => tab !== own && found.text !== draft?.text);
  return { draft, other: other?.text };
}

async function firstDraft(
  tabs: readonly TabEntry[],
  wanted: (tab: string, draft: Draft) => boolean,
): Promise<Draft | undefined> {
  for (const { tab } of tabs) {
    const draft = await tabDraft(tab);
    if (draft && wanted(tab, draft)) return draft;
  }
  return undefined;
}

export async function recallDraft(): Promise<Draft | undefined> {
  return (await recallDrafts()).draft;
}

/** The newest text another tab left, when it differs from this tab's draft. */
export async function recallOtherDraft(): Promise<string | undefined> {
  return (await recallDrafts()).other;
}

/**
 * Writes this tab's draft and lists the tab as the newest, in one transaction (another tab's write cannot
 * come between); the drafts of tabs beyond the newest few are dropped in it.
 */
export function saveTabDraft(tab: string, draft: Draft): Promise<void> {
  return updateStored((store, guard) => {
    const listed = store.get(TABS);
    listed.onsuccess = guard(() => {
      const before: unknown = listed.result;
      const tabs = (Array.isArray(before) ? before.filter(isTabEntry) : []).filter((t) => t.tab !== tab);
      tabs.push({ tab, savedAt: draft.savedAt });
      tabs.sort((a, b) => b.savedAt - a.savedAt);
      for (const gone of tabs.splice(KEEP_TABS)) store.delete(tabKey(gone.tab));
      store.put(tabs, TABS);
      store.put(draft, tabKey(tab));
    });
  });
}

/** A text the editor replaced (another map was opened while editing): kept until the next one replaces it. */
export async function keepPreviousText(text: string): Promise<void> {
  await putStored(PREVIOUS, text);
}

export async function recallPreviousText(): Promise<string | undefined> {
  const text = await getStored(PREVIOUS);
  return typeof text === 'string' ? text : undefined;
}

/** Why a draft could not be written: the error's name and message, as the user is shown it. */
export function saveFailure(error: unknown): string {
  if (error instanceof DOMException || error instanceof Error)
    return error.message ? `${error.name}: ${error.message}` : error.name;
  return error === undefined || error === null ? 'the browser refused to store it' : String(error);
}

export interface DraftWriterOptions {
  /** This tab's name: the draft is written under it (`claimTabName()`). */
  readonly tab: Promise<string>;
  /** After each write: undefined when it was written, else why not (shown to the user). */
  readonly onsaved?: (failure: string | undefined) => void;
  /** How long typing pauses before the draft is written. */
  readonly delay?: number;
  /** The longest a change waits to be written, even while typing goes on. */
  readonly maxWait?: number;
}

/**
 * Writes the editor's draft a moment after each change (copying a long text at every keystroke would slow
 * typing), at most `maxWait` after it even while typing goes on, and at once when the page goes away or is
 * hidden. Writes go one at a time, always the latest: typing faster than IndexedDB writes skips the states
 * in between, never the last one.
 */
export class DraftWriter {
  private latest: Draft | undefined;
  /** The draft being written: a write cut short by the page going away must not lose it. */
  private inFlight: Draft | undefined;
  private writing = false;
  /** Changed since the last draft was taken. */
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set by the first change not yet taken: it fires even if the changes never pause. */
  private deadline: ReturnType<typeof setTimeout> | undefined;
  /** The tab's name, once claimed; until then (a page going away at once) the name it started with. */
  private tab = tabName();
  private readonly delay: number;
  private readonly maxWait: number;

  /** `current` gives the draft as it is now. */
  constructor(
    private readonly current: () => Omit<Draft, 'savedAt'> | undefined,
    private readonly options: DraftWriterOptions,
  ) {
    void options.tab.then((tab) => (this.tab = tab));
    this.delay = options.delay ?? 200;
    this.maxWait = options.maxWait ?? 1000;
    addEventListener('pagehide', this.flushNow);
    // A phone may close a hidden tab without a pagehide.
    document.addEventListener('visibilitychange', this.onHidden);
  }

  private readonly onHidden = (): void => {
    if (document.visibilityState === 'hidden') this.flushNow();
  };

  /** The text changed: it is written shortly (within `maxWait` at the latest). */
  touch(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.take(), this.delay);
    this.deadline ??= setTimeout(() => this.take(), this.maxWait);
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
    clearTimeout(this.deadline);
    this.deadline = undefined;
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
      this.tab = await this.options.tab;
      const failure = await saveTabDraft(this.tab, draft).then(
        () => undefined,
        (error: unknown) => saveFailure(error),
      );
      if (failure === undefined) clearUnsaved(this.tab, draft.savedAt);
      else this.writeUnsaved(draft);
      this.inFlight = undefined;
      this.options.onsaved?.(failure);
    }
    this.writing = false;
  }

  /** The page is going away (or hidden) with a write pending: localStorage is written before it does. */
  private readonly flushNow = (): void => {
    if (this.dirty) {
      this.dirty = false;
      const draft = this.current();
      if (draft) this.latest = { ...draft, savedAt: Date.now() };
    }
    const pending = this.latest ?? this.inFlight;
    if (pending) this.writeUnsaved(pending);
    // Hidden, the page may yet live on: IndexedDB gets it too.
    if (this.latest && !this.writing) void this.drain();
  };

  /** Over the quota or without storage, the IndexedDB copy is all there is. */
  private writeUnsaved(draft: Draft): void {
    withLocalStorage((storage) => {
      storage.setItem(unsavedKey(this.tab), JSON.stringify(draft));
      markStored();
    }, undefined);
  }
}

/** The draft a tab wrote to localStorage as the page went away (anything, as read: check with isDraft). */
const readUnsaved = (tab: string): unknown =>
  withLocalStorage((storage) => JSON.parse(storage.getItem(unsavedKey(tab)) ?? 'null') as unknown, undefined);

/** The localStorage copy is dropped once IndexedDB holds the same or a newer draft. */
function clearUnsaved(tab: string, savedAt: number): void {
  const unsaved = readUnsaved(tab) as Draft | null | undefined;
  if (unsaved && unsaved.savedAt <= savedAt)
    withLocalStorage((storage) => storage.removeItem(unsavedKey(tab)), undefined);
}
