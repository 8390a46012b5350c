import { describe, expect, it, vi } from 'vitest';
import { handleAppKey, type AppKeys } from '../../src/ui/keys.ts';

/** A key pressed on the page (`inField`: in a text field), with a record of whether its default was stopped. */
function press(key: string, { inField = false, ctrlKey = false } = {}) {
  const preventDefault = vi.fn();
  const target = { closest: () => (inField ? {} : null) };
  const event = {
    key,
    target,
    ctrlKey,
    metaKey: false,
    altKey: false,
    preventDefault,
  } as unknown as KeyboardEvent;
  return { event, prevented: () => preventDefault.mock.calls.length > 0 };
}

function keys(applies = true) {
  const done: string[] = [];
  const app: AppKeys = {
    present: () => (done.push('present'), applies),
    search: () => void done.push('search'),
    edit: () => (done.push('edit'), applies),
    help: () => void done.push('help'),
    deselect: () => void done.push('deselect'),
    zoomBy: (factor) => void done.push(`zoom ${factor}`),
    fit: () => (done.push('fit'), applies),
    evaluate: () => (done.push('evaluate'), applies),
  };
  return { app, done };
}

describe("the app's keys", () => {
  it('each key runs its action and keeps it from the browser', () => {
    const { app, done } = keys();
    for (const key of ['p', '/', 'e', '?', 'Escape', '+', '=', '-', '−', '0', 'v']) {
      const { event, prevented } = press(key);
      handleAppKey(event, () => false, app);
      expect(prevented(), key).toBe(true);
    }
    expect(done).toEqual([
      'present',
      'search',
      'edit',
      'help',
      'deselect',
      'zoom 1.25',
      'zoom 1.25',
      'zoom 0.8',
      'zoom 0.8',
      'fit',
      'evaluate',
    ]);
  });

  it('an action that does not apply now leaves the key to the browser', () => {
    const { app } = keys(false);
    for (const key of ['p', 'e', '0', 'v']) {
      const { event, prevented } = press(key);
      handleAppKey(event, () => false, app);
      expect(prevented(), key).toBe(false);
    }
  });

  it('keys in a text field, with Ctrl, or taken by the presentation are not the app’s', () => {
    const { app, done } = keys();
    handleAppKey(press('p', { inField: true }).event, () => false, app);
    handleAppKey(press('p', { ctrlKey: true }).event, () => false, app);
    // The editor's text is a contenteditable: `v` typed there is text, not the Evaluate mode.
    handleAppKey(press('v', { inField: true }).event, () => false, app);
    handleAppKey(press('Escape').event, () => true, app);
    const other = press('x');
    handleAppKey(other.event, () => false, app);
    expect(done).toEqual([]);
    expect(other.prevented()).toBe(false);
  });
});
