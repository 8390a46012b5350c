// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The browser's IndexedDB store, in memory: what remembered-map.ts gives the drafts. A transaction's
 * writes are kept only when all of it ran; `failure` makes every write transaction fail with it.
 */
const idb = vi.hoisted(() => ({
  records: new Map<string, unknown>(),
  failure: undefined as unknown,
}));

vi.mock('../../src/ui/remembered-map.ts', () => {
  interface Request {
    result: unknown;
    onsuccess: (() => void) | null;
  }
  return {
    markStored: () => undefined,
    withLocalStorage: <T>(work: (storage: Storage) => T, otherwise: T): T => {
      try {
        return work(localStorage);
      } catch {
        return otherwise;
      }
    },
    getStored: async (key: string) => structuredClone(idb.records.get(key)),
    putStored: async (key: string, value: unknown) => (idb.records.set(key, structuredClone(value)), true),
    updateStored: async (
      work: (store: unknown, guard: (step: () => void) => () => void) => void,
    ): Promise<void> => {
      await Promise.resolve();
      if (idb.failure !== undefined) throw idb.failure;
      const staged = new Map(idb.records);
      const requests: Request[] = [];
      const store = {
        get: (key: string) => {
          const request: Request = { result: structuredClone(staged.get(key)), onsuccess: null };
          requests.push(request);
          return request;
        },
        put: (value: unknown, key: string) => void staged.set(key, structuredClone(value)),
        delete: (key: string) => void staged.delete(key),
      };
      work(store, (step) => step);
      for (let i = 0; i < requests.length; i++) requests[i]!.onsuccess?.();
      idb.records = staged;
    },
  };
});

const { DraftWriter, recallDrafts, saveFailure, saveTabDraft } = await import('../../src/ui/editor/draft.ts');

const draft = (text: string, savedAt: number) => ({ text, fileName: 'm.argdown', editing: true, savedAt });
/** The text this tab's draft holds in the store. */
const storedText = (tab: string) =>
  (idb.records.get(`editor-draft:${tab}`) as { text?: string } | undefined)?.text;

beforeEach(() => {
  idb.records = new Map();
  idb.failure = undefined;
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => vi.useRealTimers());

describe('drafts are written while typing', () => {
  it('steady typing, a key every 140 ms, is written at most a second after each key', async () => {
    vi.useFakeTimers();
    let text = '';
    const writer = new DraftWriter(() => ({ text, fileName: 'm.argdown', editing: true }), {
      tab: Promise.resolve('t'),
    });
    const typedAt: number[] = [];
    for (let key = 0; key < 40; key++) {
      text += String.fromCharCode(97 + (key % 26));
      typedAt.push(key * 140);
      writer.touch();
      await vi.advanceTimersByTimeAsync(140);
      const now = (key + 1) * 140;
      const due = typedAt.filter((at) => at <= now - 1000).length;
      expect(storedText('t')?.length ?? 0).toBeGreaterThanOrEqual(due);
    }
    // The typing pauses: the last key is written after the short delay.
    await vi.advanceTimersByTimeAsync(200);
    expect(storedText('t')).toBe(text);
    writer.destroy();
  });

  it('a failed write is told with why, keeps a copy in localStorage, and a later write clears it', async () => {
    const told: (string | undefined)[] = [];
    let text = 'first';
    const writer = new DraftWriter(() => ({ text, fileName: 'm.argdown', editing: true }), {
      tab: Promise.resolve('t'),
      onsaved: (failure) => told.push(failure),
    });
    idb.failure = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    writer.saveNow();
    await vi.waitFor(() => expect(told).toEqual(['QuotaExceededError: The quota has been exceeded.']));
    expect(JSON.parse(localStorage.getItem('argmap-editor-unsaved:t')!)).toMatchObject({ text: 'first' });

    idb.failure = undefined;
    text = 'second';
    writer.saveNow();
    await vi.waitFor(() => expect(told).toHaveLength(2));
    expect(told[1]).toBeUndefined();
    expect(storedText('t')).toBe('second');
    expect(localStorage.getItem('argmap-editor-unsaved:t')).toBeNull();
    writer.destroy();
  });

  it('names what a failure was, whatever was thrown', () => {
    expect(saveFailure(new DOMException('', 'QuotaExceededError'))).toBe('QuotaExceededError');
    expect(saveFailure(new Error('no database'))).toBe('Error: no database');
    expect(saveFailure(null)).toBe('the browser refused to store it');
  });

  it('a page going away with a change not yet written leaves it in localStorage, and it wins', async () => {
    sessionStorage.setItem('argmap-tab', 't');
    let text = 'written';
    const writer = new DraftWriter(() => ({ text, fileName: 'm.argdown', editing: true }), {
      tab: Promise.resolve('t'),
    });
    writer.saveNow();
    await vi.waitFor(() => expect(storedText('t')).toBe('written'));
    text = 'typed just before';
    writer.touch();
    idb.failure = new DOMException('closing', 'AbortError');
    dispatchEvent(new Event('pagehide'));
    // Written at once, before the page goes (IndexedDB would answer too late).
    expect(JSON.parse(localStorage.getItem('argmap-editor-unsaved:t')!)).toMatchObject({
      text: 'typed just before',
    });
    writer.destroy();
    expect((await recallDrafts()).draft?.text).toBe('typed just before');
  });
});

describe('each tab has its own draft', () => {
  it("a reload gets its own tab's draft, a new tab the newest; the other tab's text is offered", async () => {
    await saveTabDraft('a', draft('alpha', 100));
    await saveTabDraft('b', draft('bravo', 200));
    await saveTabDraft('a', draft('alpha again', 300));

    sessionStorage.setItem('argmap-tab', 'b');
    expect(await recallDrafts()).toMatchObject({ draft: { text: 'bravo' }, other: 'alpha again' });
    sessionStorage.setItem('argmap-tab', 'a');
    expect(await recallDrafts()).toMatchObject({ draft: { text: 'alpha again' }, other: 'bravo' });
    // A new tab continues the newest work; the text before it is one click away.
    sessionStorage.setItem('argmap-tab', 'new');
    expect(await recallDrafts()).toMatchObject({ draft: { text: 'alpha again' }, other: 'bravo' });
  });

  it('the same text in another tab is not offered; only the newest ten tabs keep a draft', async () => {
    await saveTabDraft('a', draft('same', 100));
    await saveTabDraft('b', draft('same', 200));
    sessionStorage.setItem('argmap-tab', 'a');
    expect((await recallDrafts()).other).toBeUndefined();

    for (let tab = 0; tab < 12; tab++) await saveTabDraft(`t${tab}`, draft(`text ${tab}`, 1000 + tab));
    const listed = idb.records.get('editor-drafts') as { tab: string }[];
    expect(listed.map((t) => t.tab)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((n) => `t${n}`));
    expect([...idb.records.keys()].filter((key) => key.startsWith('editor-draft:'))).toHaveLength(10);
  });

  it('the draft shared by all tabs, before drafts were kept per tab, is still found', async () => {
    idb.records.set('editor-draft', draft('from before', 50));
    sessionStorage.setItem('argmap-tab', 'new');
    expect((await recallDrafts()).draft?.text).toBe('from before');
  });
});
