/**
 * What the app's own keys do. An action that does not apply now (no map to present, the editor while
 * presenting) answers false: the key is then left to the browser.
 */
export interface AppKeys {
  /** `p` */
  present(): boolean;
  /** `/` */
  search(): void;
  /** `e` */
  edit(): boolean;
  /** `?` */
  help(): void;
  /** Escape */
  deselect(): void;
  /** `+` / `=` and `-` / `−` */
  zoomBy(factor: number): void;
  /** `0` */
  fit(): boolean;
  /** `v`: the Evaluate mode on or off */
  evaluate(): boolean;
}

/**
 * Keys that work anywhere but in a text field; `first` (the presentation's keys, while presenting) is asked
 * before the app's own.
 */
export function handleAppKey(
  event: KeyboardEvent,
  first: (event: KeyboardEvent) => boolean,
  keys: AppKeys,
): void {
  const target = event.target as HTMLElement | null;
  if (
    target?.closest?.('input, textarea, [contenteditable]') ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey
  )
    return;
  if (first(event)) return;
  if (appKey(event.key, keys)) event.preventDefault();
}

/** Runs the key's action; false when the key is not the app's (or its action does not apply now). */
function appKey(key: string, keys: AppKeys): boolean {
  switch (key) {
    case 'p':
      return keys.present();
    case '/':
      keys.search();
      return true;
    case 'e':
      return keys.edit();
    case '?':
      keys.help();
      return true;
    case 'Escape':
      keys.deselect();
      return true;
    case '+':
    case '=':
      keys.zoomBy(1.25);
      return true;
    case '-':
    case '−':
      keys.zoomBy(0.8);
      return true;
    case '0':
      return keys.fit();
    case 'v':
      return keys.evaluate();
    default:
      return false;
  }
}
