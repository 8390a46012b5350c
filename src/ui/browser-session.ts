import { defaultMap, readDefaultRelated } from './default-map.ts';
import { keepPreviousText, recallDraft, recallOtherDraft, recallPreviousText } from './editor/draft.ts';
import type { MapReading, SessionDeps, SessionStorage, SessionView } from './session-deps.ts';
import { loadOffMainThread, openFile, openUrl } from './open-map.ts';
import {
  draftReadingCrashedBefore,
  draftReadingFinished,
  draftReadingStarted,
  forgetMap,
  maybeStored,
  recallMap,
  rememberMap,
  restoreCrashedBefore,
  restoreFinished,
  restoreStarted,
} from './remembered-map.ts';

/** The browser's storage: IndexedDB for maps and drafts, localStorage for the notes read at start-up. */
const browserStorage: SessionStorage = {
  maybeStored,
  recallMap,
  rememberMap,
  forgetMap,
  recallDraft,
  recallOtherDraft,
  keepPreviousText,
  recallPreviousText,
  restoreCrashedBefore,
  restoreStarted,
  restoreFinished,
  draftReadingCrashedBefore,
  draftReadingStarted,
  draftReadingFinished,
};

/** Maps read in Web Workers; `?map=` fetched from this page's site. */
const browserReading = (base: string): MapReading => ({
  file: openFile,
  url: (path, signal) => openUrl(path, base, signal),
  text: (text, options, signal) => loadOffMainThread(text, options, signal ? { signal } : {}),
});

/** What a session in this page works with: the browser's storage and workers, and the Trenin map. */
export const browserSessionDeps = (view: SessionView): SessionDeps => ({
  storage: browserStorage,
  reading: browserReading(location.href),
  defaultMap,
  readDefaultRelated,
  view,
});
