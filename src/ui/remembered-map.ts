/**
 * The last map the user opened from a file, kept in IndexedDB (maps are up to 20 MB, beyond localStorage),
 * so that a reload or a crashed tab brings it back. Every failure (private browsing, quota, no IndexedDB)
 * means only that nothing is remembered.
 */

export interface RememberedMap {
  readonly text: string;
  readonly fileName: string;
  /** When it was kept (ms since the epoch), to tell it from a newer editor draft. */
  readonly savedAt?: number;
}

const DB = 'argmap';
const STORE = 'maps';
const KEY = 'last-opened';
/** Set while a remembered map is being restored; found on the next start, it means the restore crashed. */
const RESTORING = 'argmap-restoring';
/** Set while the editor reads its text; found on the next start, it means the reading crashed the page. */
const DRAFT_READING = 'argmap-draft-reading';
/** Set once anything is kept in the store: without it, a start need not wait for IndexedDB to answer. */
const STORED = 'argmap-stored';

/**
 * Whether the store may hold something: false only when this site never kept anything (as far as
 * localStorage knows; without localStorage the store must be asked).
 */
export function maybeStored(): boolean {
  return withLocalStorage((storage) => storage.getItem(STORED) !== null, true);
}

/** Without localStorage, every start asks the store. */
export const markStored = (): void => withLocalStorage((storage) => storage.setItem(STORED, '1'), undefined);

/**
 * localStorage, when the browser lets the page use it: private modes, blocked storage and a full quota
 * throw, and then `otherwise` is the answer.
 */
export function withLocalStorage<T>(work: (storage: Storage) => T, otherwise: T): T {
  return withStorage(() => localStorage, work, otherwise);
}

/** The same for the tab's own storage, which a reload keeps. */
function withSessionStorage<T>(work: (storage: Storage) => T, otherwise: T): T {
  return withStorage(() => sessionStorage, work, otherwise);
}

/** Work on a Web Storage area; `otherwise` where the browser refuses it (blocked, private mode, full). */
function withStorage<T>(area: () => Storage, work: (storage: Storage) => T, otherwise: T): T {
  try {
    return work(area());
  } catch {
    return otherwise;
  }
}

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await database();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Keeps the map opened last; false when the browser would not (storage full or blocked). */
export async function rememberMap(map: RememberedMap): Promise<boolean> {
  markStored();
  return transact('readwrite', (store) => store.put({ ...map, savedAt: Date.now() }, KEY)).then(
    () => true,
    () => false,
  );
}

/** Another record in the same store (the editor's draft); false when it could not be written. */
export async function putStored(key: string, value: unknown): Promise<boolean> {
  markStored();
  return transact('readwrite', (store) => store.put(value, key)).then(
    () => true,
    () => false,
  );
}

/** Runs a step of a transaction; a throw in it drops the whole transaction, with why. */
export type Guard = (step: () => void) => () => void;

/**
 * Several reads and writes in one transaction (`work` may go on in its requests' handlers, each wrapped in
 * `guard`): all or none are done, and no other tab's transaction comes between them. Rejects with what
 * stopped it (a full quota is a QuotaExceededError).
 */
export async function updateStored(work: (store: IDBObjectStore, guard: Guard) => void): Promise<void> {
  markStored();
  const db = await database();
  try {
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(STORE, 'readwrite');
      let thrown: unknown;
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(thrown ?? transaction.error);
      // A put can throw at once (a value that cannot be stored): the transaction is dropped, with why.
      const guard: Guard = (step) => () => {
        try {
          step();
        } catch (error) {
          thrown ??= error;
          try {
            transaction.abort();
          } catch {
            // Already ended: its own error is the one reported.
          }
        }
      };
      guard(() => work(transaction.objectStore(STORE), guard))();
    });
  } finally {
    db.close();
  }
}

export async function getStored(key: string): Promise<unknown> {
  return transact('readonly', (store) => store.get(key)).catch(() => undefined);
}

export async function forgetMap(): Promise<void> {
  await transact('readwrite', (store) => store.delete(KEY)).catch(() => undefined);
}

export async function recallMap(): Promise<RememberedMap | undefined> {
  const value = (await transact('readonly', (store) => store.get(KEY)).catch(() => undefined)) as
    Partial<RememberedMap> | undefined;
  if (typeof value?.text !== 'string' || typeof value.fileName !== 'string') return undefined;
  // Found without the note in localStorage (cleared, or never written): set it, so that the next start
  // waits for the store.
  markStored();
  return { text: value.text, fileName: value.fileName, savedAt: Number(value.savedAt) || 0 };
}

/**
 * Whether the last attempt to restore the remembered map never finished (the tab died on it). Kept in
 * localStorage, for every tab of the site: a crash in one tab must not repeat in the next.
 */
export const restoreCrashedBefore = (): boolean =>
  withLocalStorage((storage) => storage.getItem(RESTORING) !== null, false);

/** Without storage there is no crash guard, and nothing remembered to guard either. */
export const restoreStarted = (): void =>
  withLocalStorage((storage) => storage.setItem(RESTORING, '1'), undefined);

export const restoreFinished = (): void =>
  withLocalStorage((storage) => storage.removeItem(RESTORING), undefined);

/**
 * The same guard for the editor's text: set while the editor reads it, so that a draft whose reading hung
 * or crashed the page is offered at the next start rather than read again. Kept per tab (sessionStorage,
 * which a reload and a restored tab keep): another tab reading its own text at that moment is no sign.
 */
export const draftReadingCrashedBefore = (): boolean =>
  withSessionStorage((storage) => storage.getItem(DRAFT_READING) !== null, false);

export const draftReadingStarted = (): void =>
  withSessionStorage((storage) => storage.setItem(DRAFT_READING, '1'), undefined);

export const draftReadingFinished = (): void =>
  withSessionStorage((storage) => storage.removeItem(DRAFT_READING), undefined);
