/**
 * A toolbar menu's keys (the Export and File menus): the arrow keys move along its enabled items, Home and
 * End go to the first and the last, Escape closes it (`close`, which gives the focus back to its button).
 */
export function menuKeys(event: KeyboardEvent, menu: HTMLElement | undefined, close: () => void): void {
  const items = [...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
  if (move !== undefined) items[(at + move + items.length) % items.length]?.focus();
  else if (event.key === 'Home') items[0]?.focus();
  else if (event.key === 'End') items[items.length - 1]?.focus();
  else if (event.key === 'Escape') close();
  else return;
  event.preventDefault();
  event.stopPropagation();
}
