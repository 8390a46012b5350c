import { exportName } from '../core/export/export-name.ts';
import { reconstructionFold } from '../core/layout/folds.ts';
import type { LaidOutMap } from '../core/layout/types.ts';
import type { LoadedMap } from '../core/load.ts';
import type { ArgumentMap } from '../core/model/types.ts';
import type { Draft } from './editor/draft.ts';
import { EditorText } from './editor-text.svelte.ts';
import { foldsOf } from './folded-on-open.ts';
import { idSet } from './id-set.ts';
import { draftOrOffer, readLastMap } from './last-visit.ts';
import { withinLimits, type OpenedMap, type ReadMap } from './open-map.ts';
import type { RememberedMap } from './remembered-map.ts';
import type { Report, RestoredNote, SessionDeps } from './session-deps.ts';

const DEFAULT_NAME = 'trenin-2010';

/** A map carried by a share link: its argmap JSON text, and the name it is shown and exported under. */
export interface SharedText {
  readonly text: string;
  readonly fileName: string;
}

/**
 * The map's life: opening a file or `?map=` address, bringing back the last visit's map or editor draft
 * (without retrying a restore that crashed the page), a later file winning over a slower earlier one, and
 * the editor opening and closing with the map read from its text. What of the last visit comes back is
 * decided in `last-visit.ts`; the editor's own text (its start, the text it replaced) is `EditorText`'s.
 */
export class MapSession {
  /** Raw: the map is read-only data, and its identity tells whether a layout made with it still applies. */
  loaded = $state.raw<LoadedMap | undefined>();
  /** The layout made with the map where it was read (off the main thread), and the folds it was made with. */
  firstLayout = $state.raw<
    | { readonly map: ArgumentMap; readonly laidOut: LaidOutMap; readonly collapsed: readonly string[] }
    | undefined
  >();
  /** Exports are named after the map's file. */
  name = $state(DEFAULT_NAME);
  report = $state.raw<Report | undefined>();
  /** The file being read, while it is read (a big map takes seconds, off the main thread). */
  opening = $state<string | undefined>();
  restored = $state.raw<RestoredNote | undefined>();
  /** Whether the Argdown editor is open. */
  editing = $state(false);
  /** The editor's text: what it starts with, and the text it replaced last. */
  readonly editorText: EditorText;
  /** Counts the files opened, so that a slow one finishing after a later one does not replace it. */
  #generation = $state(0);
  /** Stops the reading in progress. */
  #reading: AbortController | undefined;
  /** The map last read from the editor's text: while it is the one shown, the editor's text is its source. */
  #editorMap = $state.raw<LoadedMap | undefined>();
  /** The text the shown map was read from, when it came from a file or the editor (else it is serialised). */
  #currentText = $state.raw<{ readonly text: string; readonly fileName: string } | undefined>();
  /** The next map from the editor is shown whole (a draft restored after a reload). */
  #fitNextEdit = $state(false);

  constructor(private readonly deps: SessionDeps) {
    this.editorText = new EditorText(deps.storage);
  }

  get map(): ArgumentMap | undefined {
    return this.loaded?.map;
  }

  /**
   * The first map: a share link's (`#map=`) or `?map=` when it reads, else what the last visit left (the editor's draft or the map opened
   * last, the newer of the two), else the default map. Resolves once it is on screen.
   */
  async start(requested: string | undefined, shared?: SharedText): Promise<void> {
    const { storage } = this.deps;
    const fromUrl = shared
      ? await this.#readShared(shared)
      : requested
        ? await this.#readAddress(requested)
        : undefined;
    const file = shared?.fileName ?? requested;
    if (file && fromUrl?.valid) {
      this.#show(fromUrl);
      this.name = exportName(file);
      // A map from a link is kept like a file opened: a reload brings it back, not the link's text again.
      if (shared) this.#keepShared(shared);
      // A link's own view (its folds) is set by the page; a map by address opens as a file does.
      else this.#fold(fromUrl);
      if (fromUrl.problems.length > 0) this.report = { file, problems: fromUrl.problems, rejected: false };
      return;
    }
    const before = this.#generation;
    const untouched = () => this.#generation === before || !this.loaded;
    const stored = requested ? undefined : Promise.all([storage.recallDraft(), storage.recallMap()]);
    if (stored && !storage.maybeStored()) {
      // Nothing was ever kept here (a first visit): the default map at once, without waiting for the
      // storage, which is still read, in case something is there all the same.
      const shown = this.#show(this.deps.defaultMap);
      void stored.then(async (found) => {
        const brought = await this.#bringBack(
          found,
          () => this.loaded === shown && !this.editing && this.#generation === before,
        );
        storage.restoreFinished();
        if (brought) await this.deps.view.showWhole();
      });
    } else if (!(stored && (await this.#bringBack(await stored, untouched))) && untouched())
      this.#show(this.deps.defaultMap);
    if (file && fromUrl) this.report = { file, problems: fromUrl.problems, rejected: true };
    await this.deps.view.rendered();
    storage.restoreFinished();
  }

  /**
   * Brings back what the browser kept from the last visit: the editor's draft (the editor opens again on the
   * text as it was, and the map follows it) or the map opened last. False when there was nothing to bring.
   */
  async #bringBack(
    [draft, remembered]: readonly [Draft | undefined, RememberedMap | undefined],
    wanted: () => boolean,
  ): Promise<boolean> {
    if (!wanted()) return false;
    const offered = draftOrOffer(draft, remembered, this.deps.storage);
    // Reading this draft hung or crashed the page last time: it is offered, not read.
    if (offered === 'crashed') this.restored = { file: draft!.fileName, crashed: true, draft: true };
    const resume = offered === 'crashed' ? undefined : offered;
    if (resume) {
      this.#fitNextEdit = true;
      this.name = exportName(resume.fileName);
      this.editorText.start = { text: resume.text, good: resume.good };
      this.editing = true;
    }
    // A large map takes seconds to read again: the note says which, as for a file being opened.
    const note = remembered && this.opening === undefined ? remembered.fileName : undefined;
    if (note) this.opening = note;
    const found = remembered ? await readLastMap(remembered, this.deps) : undefined;
    if (note && this.opening === note) this.opening = undefined;
    if (remembered && found === 'crashed' && !this.restored)
      this.restored = { file: remembered.fileName, crashed: true };
    const last = found === 'crashed' ? undefined : found;
    // A file the user opened meanwhile (or the editor, opened meanwhile) wins over what is brought back.
    if (!wanted()) return false;
    // The restored draft, read first, is what the user was working on.
    if (this.#editorMap) return true;
    if (!last) return resume !== undefined;
    this.#show(last.read);
    this.#fold(last.read);
    this.#currentText = { text: last.text, fileName: last.fileName };
    if (!this.editing) {
      this.name = exportName(last.fileName);
      this.restored ??= { file: last.fileName, crashed: false };
    }
    return true;
  }

  /** "Try again": the map (or draft) that crashed the page last time, restored on the user's word. */
  async retryRestore(): Promise<void> {
    const { storage } = this.deps;
    if (this.restored?.draft) return this.#retryDraft();
    const last = await storage.recallMap();
    this.restored = undefined;
    if (!last) return;
    storage.restoreStarted();
    await this.#adopt(
      (signal) => this.deps.reading.text(last.text, { fileName: last.fileName }, signal),
      last.fileName,
    );
    storage.restoreFinished();
  }

  /** The editor opens on the draft whose reading crashed the page last time (its readings are guarded). */
  async #retryDraft(): Promise<void> {
    const draft = await this.deps.storage.recallDraft();
    this.restored = undefined;
    if (!draft || this.editing) return;
    this.#fitNextEdit = true;
    this.name = exportName(draft.fileName);
    this.editorText.start = { text: draft.text, good: draft.good };
    await this.deps.view.keepingCentre(() => (this.editing = true));
  }

  /** The draft offered unread (its reading stopped the page), to be saved as a file without reading it. */
  async offeredDraft(): Promise<{ text: string; fileName: string } | undefined> {
    if (!this.restored?.draft) return undefined;
    const draft = await this.deps.storage.recallDraft();
    return draft && { text: draft.text, fileName: draft.fileName };
  }

  /**
   * The editor reads its text (`busy`), or has read it: while it reads, a mark is kept, so that a text
   * whose reading hangs or crashes the page is not read again at the next start.
   */
  editorReading(busy: boolean): void {
    if (busy) this.deps.storage.draftReadingStarted();
    else this.deps.storage.draftReadingFinished();
  }

  /** Back to the default map; the map opened last is forgotten. */
  async showDefaultMap(): Promise<void> {
    this.restored = undefined;
    await this.deps.storage.forgetMap();
    this.#show(this.deps.defaultMap);
    this.#currentText = undefined;
    this.name = DEFAULT_NAME;
    void this.#reseedEditor();
    this.deps.view.clearView(false);
    await this.deps.view.showWhole();
  }

  /** A file the user picked or dropped. */
  openFile(file: File): Promise<void> {
    return this.#adopt((signal) => this.deps.reading.file(file, signal), file.name);
  }

  /** The problems report closed by the user. */
  dismissReport(): void {
    this.report = undefined;
  }

  /** The restored-map notice closed by the user. */
  dismissRestored(): void {
    this.restored = undefined;
  }

  /** An error the map cannot be exported for (too large a picture), shown as the map's problem. */
  reportLimit(message: string): void {
    this.report = {
      file: this.name,
      problems: [{ severity: 'error', code: 'limit', message }],
      rejected: false,
    };
  }

  /** A map the user opened replaces the current one only when it is valid; else its problems are shown. */
  async #adopt(read: (signal: AbortSignal) => Promise<OpenedMap>, file: string): Promise<void> {
    performance.mark('argmap:open');
    const mine = ++this.#generation;
    const signal = this.#startReading();
    this.opening = file;
    const opened: OpenedMap = await read(signal).catch((error: unknown) => unread(error));
    // Opened meanwhile, a later file is the one the user wants; this one is dropped, unremembered (its
    // worker was stopped). So is a reading the user cancelled.
    if (mine !== this.#generation) return;
    this.#reading = undefined;
    if (!opened.valid) {
      this.opening = undefined;
      this.report = { file, problems: opened.problems, rejected: true };
      return;
    }
    // Kept for the next visit (and a crash): the text, which reads back to this very map.
    if (opened.text !== undefined) this.#remember({ text: opened.text, fileName: file }, mine);
    this.#show(opened);
    this.#currentText = opened.text !== undefined ? { text: opened.text, fileName: file } : undefined;
    this.restored = undefined;
    this.name = exportName(file);
    this.deps.view.clearView(true, foldsOf(opened));
    this.report =
      opened.problems.length > 0 ? { file, problems: opened.problems, rejected: false } : undefined;
    void this.#reseedEditor();
    await this.deps.view.showWhole();
    // The note stays on screen while a big map is drawn, and goes once it is (unless another file is coming).
    this.deps.view.nextFrame(() => {
      if (mine === this.#generation) this.opening = undefined;
    });
  }

  /** A share link's map (`#map=`), read like a file, with the opening note and its Cancel. */
  async #readShared({ text, fileName }: SharedText): Promise<ReadMap | undefined> {
    const signal = this.#startReading();
    this.opening = fileName;
    const read = await this.deps.reading
      .text(text, { fileName }, signal)
      .catch((error: unknown): ReadMap => unread(error));
    if (signal.aborted) return undefined;
    this.opening = undefined;
    this.#reading = undefined;
    return withinLimits(read, fileName);
  }

  #keepShared(shared: SharedText): void {
    this.#currentText = shared;
    this.#remember(shared, this.#generation);
  }

  /** A share link followed while the app runs: its map replaces the shown one when it is valid, as a file. */
  openShared({ text, fileName }: SharedText): Promise<void> {
    return this.#adopt(
      async (signal) => ({
        ...withinLimits(await this.deps.reading.text(text, { fileName }, signal), fileName),
        text,
      }),
      fileName,
    );
  }

  /** A share link that could not be read: said so; the map the user had comes back as at any start. */
  reportLink(message: string): void {
    this.report = {
      file: 'the link',
      problems: [{ severity: 'error', code: 'syntax', message }],
      rejected: true,
    };
  }

  /** `?map=`, read with the opening note and its Cancel; undefined when cancelled (the default map shows). */
  async #readAddress(path: string): Promise<LoadedMap | undefined> {
    const signal = this.#startReading();
    this.opening = path;
    const loaded = await this.deps.reading.url(path, signal).catch((error: unknown) => unread(error));
    if (signal.aborted) return undefined;
    this.opening = undefined;
    this.#reading = undefined;
    return loaded;
  }

  /**
   * Keeps the map for the next visit; when the browser refuses (storage full or blocked), says so, for the
   * map would not come back after a reload.
   */
  #remember(map: RememberedMap, generation: number): void {
    void this.deps.storage.rememberMap(map).then((kept) => {
      if (kept || generation !== this.#generation) return;
      const warning = {
        severity: 'warning' as const,
        code: 'limit' as const,
        message:
          'the browser could not keep this map (its storage is full or blocked): it will not come back ' +
          'after a reload; keep it as a file with ⚙ → Save map as',
      };
      const shown = this.report?.file === map.fileName ? this.report.problems : [];
      this.report = { file: map.fileName, problems: [...shown, warning], rejected: false };
    });
  }

  /** A new reading: the one still running (a file opened before) is stopped, its worker with it. */
  #startReading(): AbortSignal {
    this.#reading?.abort();
    this.#reading = new AbortController();
    return this.#reading.signal;
  }

  /** "Cancel" on the opening note: the reading stops, the map on screen stays. */
  cancelOpening(): void {
    if (this.opening === undefined) return;
    this.#generation++;
    this.#reading?.abort();
    this.#reading = undefined;
    this.opening = undefined;
  }

  /** The reconstructions a map brought back at start-up opens with folded, where it has any (`foldedOnOpen`). */
  #fold(read: ReadMap): void {
    const folded = foldsOf(read);
    if (folded.length > 0) this.deps.view.clearView(false, folded);
  }

  /** Puts a map read off the main thread on screen; the layout made with it is kept for its first drawing. */
  #show(read: OpenedMap): LoadedMap {
    const { text: _text, laidOut, folded, ...loaded } = read;
    this.firstLayout =
      laidOut && loaded.map
        ? { map: loaded.map, laidOut, collapsed: (folded ?? []).map(reconstructionFold) }
        : undefined;
    this.loaded = loaded;
    return loaded;
  }

  /**
   * Opens the editor on the shown map. When the map came from the editor, the editor resumes its draft (errors
   * and all); otherwise the map's Argdown replaces the draft as one edit, so that undo brings the draft back.
   */
  async openEditor(): Promise<void> {
    const map = this.map;
    if (this.editing || !map) return;
    const draft = await this.deps.storage.recallDraft();
    // The draft belongs to the map on screen when the map was read from it (in this visit, or its last text
    // without errors before a reload): the editor resumes it, errors and all.
    const ownDraft =
      draft &&
      ((this.#editorMap !== undefined && this.loaded === this.#editorMap) ||
        draft.good === this.#currentText?.text);
    if (ownDraft)
      this.editorText.start = { text: draft.text, good: draft.good, textFile: map.source?.textFile };
    else {
      const text = await this.#argdownOfCurrentMap();
      if (text === undefined) return;
      this.editorText.start = { text, draft: draft?.text, fromMap: true, textFile: map.source?.textFile };
    }
    await this.deps.view.keepingCentre(() => (this.editing = true));
  }

  closeEditor(): void {
    void this.deps.view.keepingCentre(() => (this.editing = false));
    // The map made in the editor is the one to come back to after a reload.
    if (this.loaded === this.#editorMap && this.#currentText)
      this.#remember(this.#currentText, this.#generation);
  }

  toggleEditor(): void {
    if (this.editing) this.closeEditor();
    else void this.openEditor();
  }

  /**
   * A map read from the editor's text replaces the shown one in place: the view stays where it is, and the
   * selection and collapsed subtrees stay for the boxes that still exist.
   */
  async editorRead(next: ReadMap, text: string): Promise<void> {
    if (!next.map || !this.editing) return;
    // A long text comes laid out by the worker that read it.
    this.#editorMap = this.#show(next);
    this.#currentText = { text, fileName: `${this.name}.argdown` };
    this.deps.view.keepViewFor(idSet(next.map.nodes.map((n) => n.id)));
    this.report = undefined;
    this.restored = undefined;
    if (this.#fitNextEdit) {
      this.#fitNextEdit = false;
      await this.deps.view.showWhole();
    }
  }

  /** Source texts the editor's map can name: the shown map's own, and the default map's. */
  readRelated = async (path: string): Promise<string | undefined> => {
    if (path === this.map?.source?.textFile && this.loaded?.sourceText !== undefined)
      return this.loaded.sourceText;
    return this.deps.readDefaultRelated(path);
  };

  /** Another map was opened while editing: the editor takes its text (the one it replaces is kept). */
  async #reseedEditor(): Promise<void> {
    if (!this.editing || !this.editorText.running) return;
    const text = await this.#argdownOfCurrentMap();
    if (text !== undefined) this.editorText.replace(text);
  }

  /** The Argdown text of the shown map: the text it was read from when that was Argdown, else written anew. */
  async #argdownOfCurrentMap(): Promise<string | undefined> {
    const map = this.map;
    if (!map) return undefined;
    const current = this.#currentText;
    if (current && /\.(argdown|ad)$/i.test(current.fileName)) return current.text;
    return (await import('../core/formats/argdown/serialise.ts')).serialiseArgdown(map);
  }
}

/** A reading that failed or was stopped, as the file's problem. */
function unread(error: unknown): OpenedMap {
  const stopped = error instanceof Error && error.name === 'ReadingStopped';
  return {
    map: undefined,
    valid: false,
    sourceText: undefined,
    format: 'argmap',
    problems: [
      {
        severity: 'error',
        code: stopped ? 'limit' : 'syntax',
        message: error instanceof Error ? error.message : String(error),
      },
    ],
  };
}
