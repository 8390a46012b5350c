/** The main window and the presenter view keep in step through one BroadcastChannel. */
export type PresentationMessage =
  | {
      readonly type: 'step';
      readonly index: number;
      readonly total: number;
      readonly title: string;
      readonly note: string;
      readonly next: string;
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
