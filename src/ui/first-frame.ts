/** The id of the first frame prerendered into index.html (`first-frame-html.ts`). */
export const FIRST_FRAME_ID = 'first-frame';

/**
 * Removes the prerendered first frame: called once the app has drawn its own map where the frame showed it
 * (or has failed to), since until then the frame lies over the page.
 */
export function retireFirstFrame(): void {
  document.getElementById(FIRST_FRAME_ID)?.remove();
}
