import type { LoadedMap, LoadOptions } from '../core/load.ts';
import type { Problem } from '../core/problems.ts';
import type { Draft } from './editor/draft.ts';
import type { OpenedMap, ReadMap } from './open-map.ts';
import type { RememberedMap } from './remembered-map.ts';

/**
 * What a map session works with, all of it reaching outside the page's memory: injected, so that the
 * session's rules can be tested with fakes (browser-session.ts gives the real ones).
 */

/** What the browser keeps between visits (remembered-map.ts, editor/draft.ts); tests pass a fake. */
export interface SessionStorage {
  /** False only when this site never kept anything: the first visit need not wait for the store. */
  maybeStored(): boolean;
  recallMap(): Promise<RememberedMap | undefined>;
  /** False when the browser would not keep it (storage full or blocked). */
  rememberMap(map: RememberedMap): Promise<boolean>;
  forgetMap(): Promise<void>;
  /** This tab's draft (after a reload), else the newest any tab left. */
  recallDraft(): Promise<Draft | undefined>;
  /** The newest text another tab left, when it differs from the draft `recallDraft` gives. */
  recallOtherDraft(): Promise<string | undefined>;
  keepPreviousText(text: string): Promise<void>;
  recallPreviousText(): Promise<string | undefined>;
  /** The crash guard: a mark set while the remembered map is restored, still there if the tab died on it. */
  restoreCrashedBefore(): boolean;
  restoreStarted(): void;
  restoreFinished(): void;
  /** The same guard for the editor's readings of its text (a draft that hung the page is not read again). */
  draftReadingCrashedBefore(): boolean;
  draftReadingStarted(): void;
  draftReadingFinished(): void;
}

/** How maps are read (open-map.ts: off the main thread, in a worker); tests pass a fake. */
export interface MapReading {
  /** Each reading stops when `signal` aborts (the user cancelled it, or another file replaced it). */
  file(file: File, signal?: AbortSignal): Promise<OpenedMap>;
  /** `?map=<path>`, from this site. */
  url(path: string, signal?: AbortSignal): Promise<LoadedMap>;
  text(text: string, options: LoadOptions, signal?: AbortSignal): Promise<ReadMap>;
}

/** What the session asks of the view around it. */
export interface SessionView {
  /**
   * Another map is on screen: nothing collapsed but the reconstructions of `folded` (`foldedOnOpen`), nothing
   * selected, and the filters cleared when `filters`.
   */
  clearView(filters: boolean, folded?: readonly string[]): void;
  /** The editor's map replaced the shown one: collapse and selection stay for the boxes it still has. */
  keepViewFor(ids: ReadonlySet<string>): void;
  /** Shows the map whole, once the page draws it. */
  showWhole(): Promise<void>;
  /** The surface changes size (`change` opens or closes the editor): the middle of the view stays. */
  keepingCentre(change: () => void): Promise<void>;
  /** Resolves once the page shows the current state. */
  rendered(): Promise<void>;
  /** Runs `work` once the page has drawn the next frame. */
  nextFrame(work: () => void): void;
}

export interface SessionDeps {
  readonly storage: SessionStorage;
  readonly reading: MapReading;
  /** The map shown when there is no other (the Trenin map), with its first layout. */
  readonly defaultMap: ReadMap;
  /** Source texts the default map names. */
  readonly readDefaultRelated: (path: string) => Promise<string | undefined>;
  readonly view: SessionView;
}

/** Problems of a file: opened with warnings, or rejected (then the map on screen stays). */
export interface Report {
  readonly file: string;
  readonly problems: readonly Problem[];
  readonly rejected: boolean;
}

/**
 * A word about the map brought back from the last visit (or not brought back: it crashed the page); `draft`
 * when it is the editor's draft whose reading crashed the page.
 */
export interface RestoredNote {
  readonly file: string;
  readonly crashed: boolean;
  readonly draft?: boolean;
}
