/** The id of the first frame prerendered into index.html (`first-frame-html.ts`). */
export const FIRST_FRAME_ID = 'first-frame';

/** Where the app notes the code that ran in this browser last (its entry module's path): `firstFrameGate`. */
export const APP_RAN_KEY = 'argmap-app-ran';

/**
 * Notes that this code has run here, so that the next visit, whose page loads the same code (cached, and
 * compiled), skips the first frame (`firstFrameGate` in `first-frame-html.ts`). Without storage, every visit
 * shows the frame.
 */
export function noteAppRan(entry: string): void {
  try {
    // Written when it changes only: every start reads it (the page's gate has), a new build writes it once.
    const path = new URL(entry).pathname;
    if (localStorage.getItem(APP_RAN_KEY) !== path) localStorage.setItem(APP_RAN_KEY, path);
  } catch {
    // Storage blocked or full: the next visit shows the frame, as a first one does.
  }
}

/**
 * Removes the prerendered first frame: called once the app has drawn its own map where the frame showed it
 * (or has failed to), since until then the frame lies over the page.
 */
export function retireFirstFrame(): void {
  document.getElementById(FIRST_FRAME_ID)?.remove();
}
