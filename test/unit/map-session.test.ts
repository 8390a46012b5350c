import { describe, expect, it } from 'vitest';
import { loadMapText, type LoadOptions } from '../../src/core/load.ts';
import type { Draft } from '../../src/ui/editor/draft.ts';
import type { EditorControl } from '../../src/ui/editor/EditorPane.svelte';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import type { OpenedMap, ReadMap } from '../../src/ui/open-map.ts';
import type { RememberedMap } from '../../src/ui/remembered-map.ts';
import type { MapReading, SessionStorage, SessionView } from '../../src/ui/session-deps.ts';
import { readText } from './helpers.ts';

/** Small Argdown maps, told apart by their thesis. */
const argdown = (thesis: string) =>
  `[${thesis}]: ${thesis} is the case.\n  + <Reason>: Because of ${thesis}.\n`;
const read = async (text: string, options: LoadOptions = {}): Promise<ReadMap> =>
  loadMapText(text, async () => undefined, options);
/** The first word of the thesis: the name the test gave the map. */
const thesisOf = (session: MapSession) => session.map?.nodes[0]?.text.split(' ')[0];

/** What the browser keeps between visits, in memory: one instance stands for the browser across reloads. */
class FakeStorage implements SessionStorage {
  map: RememberedMap | undefined;
  draft: Draft | undefined;
  previous: string | undefined;
  /** The newest text another tab left. */
  other: string | undefined;
  restoring = false;
  draftReading = false;
  kept = false;
  readonly remembered: string[] = [];

  maybeStored = () => this.kept;
  recallMap = async () => this.map;
  /** The browser refuses to keep maps (a full quota). */
  full = false;
  rememberMap = async (map: RememberedMap) => {
    if (this.full) return false;
    this.kept = true;
    this.remembered.push(map.fileName);
    this.map = { ...map, savedAt: Date.now() };
    return true;
  };
  forgetMap = async () => void (this.map = undefined);
  recallDraft = async () => this.draft;
  keepPreviousText = async (text: string) => void (this.previous = text);
  recallOtherDraft = async () => this.other;
  recallPreviousText = async () => this.previous;
  restoreCrashedBefore = () => this.restoring;
  restoreStarted = () => void (this.restoring = true);
  restoreFinished = () => void (this.restoring = false);
  draftReadingCrashedBefore = () => this.draftReading;
  draftReadingStarted = () => void (this.draftReading = true);
  draftReadingFinished = () => void (this.draftReading = false);
}

interface Pending<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}
function deferred<T>(): Pending<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * Stands for the workers: every reading waits until the test lets it finish (`finish`), in any order; or,
 * with `immediate`, reads at once on this thread.
 */
class FakeReading implements MapReading {
  readonly files = new Map<string, Pending<OpenedMap>>();
  readonly texts: string[] = [];
  /** Readings of remembered texts that never finish: the tab died while restoring. */
  hang = false;

  /** The stop signal each file's reading was given. */
  readonly signals = new Map<string, AbortSignal>();

  file = (file: File, signal?: AbortSignal): Promise<OpenedMap> => {
    const pending = deferred<OpenedMap>();
    this.files.set(file.name, pending);
    if (signal) this.signals.set(file.name, signal);
    return pending.promise;
  };
  /** The site's maps by path, for `?map=`; any other path is not found. */
  readonly site = new Map<string, string>();
  url = async (path: string) => read(this.site.get(path) ?? '', { fileName: path });
  text = (text: string, options: LoadOptions): Promise<ReadMap> => {
    this.texts.push(text);
    return this.hang ? new Promise(() => undefined) : read(text, options);
  };

  /** The worker reading `name` answers with the map of `text`. */
  async finish(name: string, text: string): Promise<void> {
    this.files.get(name)!.resolve({ ...(await read(text, { fileName: name })), text });
  }
}

/** The view around the session: records what it was asked to do. */
class FakeView implements SessionView {
  readonly calls: string[] = [];
  clearView = (filters: boolean) => void this.calls.push(filters ? 'clear with filters' : 'clear');
  keepViewFor = () => void this.calls.push('keep');
  showWhole = async () => void this.calls.push('show whole');
  keepingCentre = async (change: () => void) => change();
  rendered = async () => undefined;
  nextFrame = (work: () => void) => work();
}

/** An editor on a plain string. */
class FakeEditor implements EditorControl {
  constructor(public current: string) {}
  text = () => this.current;
  replaceText = (text: string) => void (this.current = text);
  focused = 0;
  focusSelection = () => void this.focused++;
}

const defaultText = argdown('Default');

async function setUp(storage = new FakeStorage(), reading = new FakeReading()) {
  const view = new FakeView();
  const session = new MapSession({
    storage,
    reading,
    defaultMap: await read(defaultText, { fileName: 'default.argdown' }),
    readDefaultRelated: async () => undefined,
    view,
  });
  return { session, storage, reading, view };
}

const file = (name: string) => ({ name }) as File;
/** Lets every settled promise run its continuations. */
const settle = () => new Promise((done) => setTimeout(done, 0));

describe('map session: opening files', () => {
  it('a later file wins over a slower earlier one', async () => {
    const { session, storage, reading } = await setUp();
    await session.start(undefined);
    const slow = session.openFile(file('slow.argdown'));
    const fast = session.openFile(file('fast.argdown'));
    await reading.finish('fast.argdown', argdown('Fast'));
    await fast;
    expect(thesisOf(session)).toBe('Fast');
    await reading.finish('slow.argdown', argdown('Slow'));
    await slow;
    expect(thesisOf(session)).toBe('Fast');
    expect(session.name).toBe('fast');
    expect(storage.remembered).toEqual(['fast.argdown']);
    expect(session.opening).toBeUndefined();
    // The earlier reading's worker was stopped when the later file came.
    expect(reading.signals.get('slow.argdown')?.aborted).toBe(true);
    expect(reading.signals.get('fast.argdown')?.aborted).toBe(false);
  });

  it('a map the browser will not keep is shown, with a warning that it will not come back', async () => {
    const storage = new FakeStorage();
    storage.full = true;
    const { session, reading } = await setUp(storage);
    await session.start(undefined);
    const opening = session.openFile(file('kept.argdown'));
    await reading.finish('kept.argdown', argdown('Kept'));
    await opening;
    await settle();
    expect(thesisOf(session)).toBe('Kept');
    expect(session.report).toMatchObject({ file: 'kept.argdown', rejected: false });
    expect(session.report?.problems.map((p) => p.message).join()).toMatch(/could not keep this map/);
  });

  it('Cancel stops the reading and keeps the map on screen, whatever the reading does after', async () => {
    const { session, storage, reading } = await setUp();
    await session.start(undefined);
    const opening = session.openFile(file('huge.argdown'));
    expect(session.opening).toBe('huge.argdown');
    session.cancelOpening();
    expect(session.opening).toBeUndefined();
    expect(reading.signals.get('huge.argdown')?.aborted).toBe(true);
    await reading.finish('huge.argdown', argdown('Huge'));
    await opening;
    expect(thesisOf(session)).toBe('Default');
    expect(storage.remembered).toEqual([]);
    expect(session.report).toBeUndefined();
  });

  it('an invalid file keeps the current map and reports its problems', async () => {
    const { session, storage, reading } = await setUp();
    await session.start(undefined);
    const before = session.loaded;
    // Unreadable JSON (no map at all), and Argdown with errors (a map, with errors in it).
    const invalid = {
      'broken.json': '{"nodes": [',
      'errors.argdown': readText('test/fixtures/argdown/errors.argdown'),
    };
    for (const [name, text] of Object.entries(invalid)) {
      const opened = session.openFile(file(name));
      await reading.finish(name, text);
      await opened;
      expect(session.loaded).toBe(before);
      expect(session.name).toBe('trenin-2010');
      expect(session.report).toMatchObject({ file: name, rejected: true });
      expect(session.report!.problems.some((p) => p.severity === 'error')).toBe(true);
      expect(storage.remembered).toEqual([]);
      expect(session.opening).toBeUndefined();
    }
  });

  it('a valid file replaces the map, clears the view and is remembered', async () => {
    const { session, storage, reading, view } = await setUp();
    await session.start(undefined);
    const opened = session.openFile(file('other.argdown'));
    expect(session.opening).toBe('other.argdown');
    await reading.finish('other.argdown', argdown('Other'));
    await opened;
    expect(thesisOf(session)).toBe('Other');
    expect(view.calls).toEqual(['clear with filters', 'show whole']);
    expect(storage.map?.text).toBe(argdown('Other'));
  });
});

describe('map session: restoring at start-up', () => {
  it('a first visit shows the default map without waiting for the storage', async () => {
    const { session, reading } = await setUp();
    const started = session.start(undefined);
    expect(thesisOf(session)).toBe('Default');
    await started;
    expect(reading.texts).toEqual([]);
    expect(session.restored).toBeUndefined();
  });

  it('?map= shows the map at that address, or the default map and why it could not be opened', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.map = { text: argdown('Kept'), fileName: 'kept.argdown', savedAt: 1 };
    const { session, reading } = await setUp(storage);
    reading.site.set('/maps/debate.argdown', argdown('Debate'));
    await session.start('/maps/debate.argdown');
    expect(thesisOf(session)).toBe('Debate');
    expect(session.name).toBe('debate');
    expect(session.report).toBeUndefined();

    const missing = await setUp(storage);
    await missing.session.start('/maps/missing.json');
    // The address asked for another map: the one kept from the last visit is not what the user wants.
    expect(thesisOf(missing.session)).toBe('Default');
    expect(missing.reading.texts).toEqual([]);
    expect(missing.session.report).toMatchObject({ file: '/maps/missing.json', rejected: true });
  });

  it('a share link shows its map and keeps it for a reload; a broken one brings back the kept map', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.map = { text: argdown('Kept'), fileName: 'kept.argdown', savedAt: 1 };
    const { session } = await setUp(storage);
    const linked = JSON.stringify({
      format: 'argmap',
      version: 1,
      nodes: [{ type: 'statement', id: 'l', text: 'Linked map' }],
    });
    await session.start(undefined, { text: linked, fileName: 'lecture.argmap.json' });
    expect(thesisOf(session)).toBe('Linked');
    expect(session.name).toBe('lecture');
    await settle();
    expect(storage.map).toMatchObject({ text: linked, fileName: 'lecture.argmap.json' });

    storage.map = { text: argdown('Kept'), fileName: 'kept.argdown', savedAt: 1 };
    const broken = await setUp(storage);
    await broken.session.start(undefined, { text: '{"format":"argmap"', fileName: 'broken.argmap.json' });
    // The link's map could not be read: what the user had comes back, and the report says why.
    expect(thesisOf(broken.session)).toBe('Kept');
    expect(broken.session.report).toMatchObject({ file: 'broken.argmap.json', rejected: true });
  });

  it('a reload brings back the map opened last, with a note', async () => {
    const storage = new FakeStorage();
    const first = await setUp(storage);
    await first.session.start(undefined);
    const opened = first.session.openFile(file('kept.argdown'));
    await first.reading.finish('kept.argdown', argdown('Kept'));
    await opened;

    const { session } = await setUp(storage);
    await session.start(undefined);
    expect(thesisOf(session)).toBe('Kept');
    expect(session.name).toBe('kept');
    expect(session.restored).toEqual({ file: 'kept.argdown', crashed: false });
    expect(storage.restoring).toBe(false);

    await session.showDefaultMap();
    expect(thesisOf(session)).toBe('Default');
    expect(storage.map).toBeUndefined();
  });

  it('a map brought back from the last visit is named while it is read again', async () => {
    const storage = new FakeStorage();
    const first = await setUp(storage);
    await first.session.start(undefined);
    const opened = first.session.openFile(file('large.argdown'));
    await first.reading.finish('large.argdown', argdown('Large'));
    await opened;

    const reading = new FakeReading();
    reading.hang = true;
    const { session } = await setUp(storage, reading);
    void session.start(undefined);
    await settle();
    expect(session.opening).toBe('large.argdown');
  });

  it('a restore that crashed the page is not retried; "Try again" retries it', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.map = { text: argdown('Heavy'), fileName: 'heavy.argdown', savedAt: 1 };
    const dying = new FakeReading();
    dying.hang = true;
    // The tab dies while the remembered map is read: the start never finishes.
    void (await setUp(storage, dying)).session.start(undefined);
    await settle();
    expect(dying.texts).toEqual([argdown('Heavy')]);
    expect(storage.restoring).toBe(true);

    const { session, reading } = await setUp(storage);
    await session.start(undefined);
    expect(reading.texts).toEqual([]);
    expect(thesisOf(session)).toBe('Default');
    expect(session.restored).toEqual({ file: 'heavy.argdown', crashed: true });
    // Asked once: the next start would try it again.
    expect(storage.restoring).toBe(false);

    await session.retryRestore();
    expect(reading.texts).toEqual([argdown('Heavy')]);
    expect(thesisOf(session)).toBe('Heavy');
    expect(session.restored).toBeUndefined();
    expect(storage.restoring).toBe(false);
  });

  it('a reload reopens the editor on its draft when the draft is newer than the map opened last', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.map = { text: argdown('Opened'), fileName: 'opened.argdown', savedAt: 100 };
    storage.draft = {
      text: 'typing',
      good: argdown('Drafted'),
      fileName: 'drafted.argdown',
      editing: true,
      savedAt: 200,
    };
    const { session, view } = await setUp(storage);
    await session.start(undefined);
    expect(session.editing).toBe(true);
    expect(session.editorText.start).toEqual({ text: 'typing', good: argdown('Drafted') });
    expect(session.name).toBe('drafted');
    expect(session.restored).toBeUndefined();

    // The editor reads its draft's last good text: that map is shown, whole.
    await session.editorRead(await read(argdown('Drafted')), argdown('Drafted'));
    expect(thesisOf(session)).toBe('Drafted');
    expect(view.calls).toEqual(['keep', 'show whole']);
    await session.editorRead(await read(argdown('Drafted')), argdown('Drafted'));
    expect(view.calls).toEqual(['keep', 'show whole', 'keep']);
  });

  it('a draft whose reading hung the page is offered, not read; "Try again" opens the editor on it', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.map = { text: argdown('Opened'), fileName: 'opened.argdown', savedAt: 100 };
    storage.draft = { text: 'heavy text', fileName: 'heavy.argdown', editing: true, savedAt: 200 };
    // The page died while the editor read its text: the mark was left set.
    storage.draftReading = true;
    const { session } = await setUp(storage);
    await session.start(undefined);
    expect(session.editing).toBe(false);
    expect(session.editorText.start).toBeUndefined();
    expect(thesisOf(session)).toBe('Opened');
    expect(session.restored).toEqual({ file: 'heavy.argdown', crashed: true, draft: true });
    // Asked once: the next start would read it again.
    expect(storage.draftReading).toBe(false);

    await session.retryRestore();
    expect(session.restored).toBeUndefined();
    expect(session.editing).toBe(true);
    expect(session.editorText.start).toEqual({ text: 'heavy text', good: undefined });
    expect(session.name).toBe('heavy');
    // The editor's readings are guarded in turn.
    session.editorReading(true);
    expect(storage.draftReading).toBe(true);
    session.editorReading(false);
    expect(storage.draftReading).toBe(false);
  });

  it('the text another tab left is what "Restore previous text" brings back', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.previous = 'replaced here';
    storage.other = 'typed in the other tab';
    const { session } = await setUp(storage);
    await settle();
    expect(session.editorText.previous).toBe('typed in the other tab');
    storage.other = undefined;
    const alone = await setUp(storage);
    await settle();
    expect(alone.session.editorText.previous).toBe('replaced here');
  });

  it('a reload shows the map opened last when it is newer than the editor draft', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.map = { text: argdown('Opened'), fileName: 'opened.argdown', savedAt: 300 };
    storage.draft = { text: 'typing', fileName: 'drafted.argdown', editing: true, savedAt: 200 };
    const { session } = await setUp(storage);
    await session.start(undefined);
    expect(session.editing).toBe(false);
    expect(thesisOf(session)).toBe('Opened');
    expect(session.restored).toEqual({ file: 'opened.argdown', crashed: false });
  });

  it('a file opened while the last map is restored wins over it', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.map = { text: argdown('Old'), fileName: 'old.argdown', savedAt: 1 };
    const { session, reading } = await setUp(storage);
    const started = session.start(undefined);
    const opened = session.openFile(file('new.argdown'));
    await reading.finish('new.argdown', argdown('New'));
    await Promise.all([started, opened]);
    expect(thesisOf(session)).toBe('New');
    expect(session.restored).toBeUndefined();
  });

  it('a file refused while the last map is restored leaves the restored map on screen', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.map = { text: argdown('Old'), fileName: 'old.argdown', savedAt: 1 };
    const { session, reading } = await setUp(storage);
    const started = session.start(undefined);
    const opened = session.openFile(file('broken.json'));
    await reading.finish('broken.json', '{"nodes": [');
    await Promise.all([started, opened]);
    expect(thesisOf(session)).toBe('Old');
    expect(session.report).toMatchObject({ file: 'broken.json', rejected: true });
  });
});

describe('map session: the editor', () => {
  /** A session showing the default map with the editor open on its Argdown. */
  async function editing(storage = new FakeStorage()) {
    const set = await setUp(storage);
    await set.session.start(undefined);
    await set.session.openEditor();
    const editor = new FakeEditor(set.session.editorText.start!.text);
    set.session.editorText.ready(editor);
    return { ...set, editor };
  }

  it('opening another map replaces the text and keeps the one it replaced, which one click brings back', async () => {
    const { session, storage, reading, editor } = await editing();
    expect(session.editorText.start).toMatchObject({ fromMap: true });
    editor.current = 'my own text';
    const opened = session.openFile(file('other.argdown'));
    await reading.finish('other.argdown', argdown('Other'));
    await opened;
    await settle();
    expect(editor.current).toBe(argdown('Other'));
    expect(session.editorText.previous).toBe('my own text');
    expect(storage.previous).toBe('my own text');

    session.editorText.restorePrevious();
    expect(editor.current).toBe('my own text');
    // The text it replaced is kept in turn.
    expect(session.editorText.previous).toBe(argdown('Other'));

    // After a reload, the kept text is still there to bring back.
    const reloaded = await setUp(storage);
    await settle();
    expect(reloaded.session.editorText.previous).toBe(argdown('Other'));
  });

  it('an editor opened on the map replaces the older draft at once, keeping the draft', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.draft = {
      text: 'old draft',
      good: argdown('Old'),
      fileName: 'old.argdown',
      editing: false,
      savedAt: 1,
    };
    const { session } = await setUp(storage);
    await session.start(undefined);
    await session.openEditor();
    expect(session.editorText.start).toMatchObject({ draft: 'old draft', fromMap: true });
    const editor = new FakeEditor(session.editorText.start!.draft!);
    session.editorText.ready(editor);
    expect(editor.current).toBe(session.editorText.start!.text);
    expect(session.editorText.previous).toBe('old draft');
  });

  it('an editor resuming its own draft is left as it is; a closed one is no longer written to', async () => {
    const storage = new FakeStorage();
    storage.kept = true;
    storage.draft = { text: 'typing', fileName: 'drafted.argdown', editing: true, savedAt: 2 };
    const { session, reading } = await setUp(storage);
    await session.start(undefined);
    const editor = new FakeEditor(session.editorText.start!.text);
    session.editorText.ready(editor);
    expect(editor.current).toBe('typing');
    expect(session.editorText.previous).toBeUndefined();

    // The pane went (the session still editing, a new pane not running yet): another map opened meanwhile
    // has no editor to give its text to.
    session.editorText.closed();
    const opened = session.openFile(file('other.argdown'));
    await reading.finish('other.argdown', argdown('Other'));
    await opened;
    await settle();
    expect(editor.current).toBe('typing');
    expect(storage.previous).toBeUndefined();
  });

  it('the map read from the editor is remembered when the editor closes', async () => {
    const { session, storage } = await editing();
    await session.editorRead(await read(argdown('Edited')), argdown('Edited'));
    expect(thesisOf(session)).toBe('Edited');
    session.closeEditor();
    expect(session.editing).toBe(false);
    expect(storage.map).toMatchObject({ text: argdown('Edited'), fileName: 'trenin-2010.argdown' });
  });
});
