/** The main window and the presenter view keep in step through one BroadcastChannel. */
export type PresentationMessage =
  | {
      readonly type: 'step';
      /** The page shown (from 0) and the number of pages: a step too large for one screen has several. */
      readonly index: number;
      readonly total: number;
      /** How the room calls the page ("5", "5b"), and the number of steps in the talk. */
      readonly label: string;
      readonly steps: number;
      readonly title: string;
      readonly note: string;
      readonly next: string;
      /** SVG markup of the current step's picture as the room sees it, and of the next one's (none at the end). */
      readonly picture?: string;
      readonly nextPicture?: string;
      /** Seconds planned for this step, and from the start of the talk to the end of this step. */
      readonly plannedSeconds: number;
      readonly plannedUntilEnd: number;
    }
  | { readonly type: 'go'; readonly index: number }
  | { readonly type: 'hello' };

export function openChannel(onmessage: (message: PresentationMessage) => void): {
  post: (message: PresentationMessage) => void;
  close: () => void;
} {
  const channel = new BroadcastChannel('argmap-presentation');
  channel.onmessage = (event: MessageEvent<PresentationMessage>) => onmessage(event.data);
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
