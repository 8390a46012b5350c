// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import EditorPane, { type EditorControl } from '../../src/ui/editor/EditorPane.svelte';

afterEach(cleanup);
// jsdom lays nothing out; CodeMirror measures text ranges all the same.
beforeAll(() => {
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

const argdown = (thesis: string) =>
  `[${thesis}]: ${thesis} is the case.\n  + <Reason>: Because of ${thesis}.\n`;

function props(start: { text: string; draft?: string; fromMap?: boolean }) {
  return {
    start,
    name: 'test',
    selected: undefined,
    readRelated: async () => undefined,
    onmap: vi.fn(),
    onpick: vi.fn(),
    onclose: vi.fn(),
    previous: undefined,
    onrestoreprevious: vi.fn(),
    onready: vi.fn<(control: EditorControl) => void>(),
    onclosed: vi.fn(),
    onreading: vi.fn<(busy: boolean) => void>(),
  };
}

describe('the editor pane hands its text to the app', () => {
  it('tells the app when it runs and when it closes, and reads the text the app gives it', async () => {
    const on = props({ text: argdown('Map'), draft: argdown('Draft'), fromMap: true });
    // The app replaces the draft by the map's text when told the editor runs.
    on.onready.mockImplementation((control) => {
      expect(control.text()).toBe(argdown('Draft'));
      control.replaceText(argdown('Map'));
    });
    const { unmount } = render(EditorPane, on);
    expect(on.onready).toHaveBeenCalledOnce();
    // The map's own text, read: nothing new to draw (the draft, read, would have been drawn).
    await screen.findByText('No problems: the map shows this text.', {}, { timeout: 10_000 });
    expect(on.onmap).not.toHaveBeenCalled();
    unmount();
    expect(on.onclosed).toHaveBeenCalledOnce();
  });

  it('an app that leaves the draft in place: the draft is read, and the map follows it', async () => {
    const on = props({ text: argdown('Map'), draft: argdown('Draft'), fromMap: true });
    render(EditorPane, on);
    await vi.waitFor(() => expect(on.onmap).toHaveBeenCalledOnce());
    expect(on.onmap.mock.calls[0]![1]).toBe(argdown('Draft'));
  });

  it('tells the page while it reads its text, so that a reading that hangs is known at the next start', async () => {
    const on = props({ text: argdown('Map') });
    render(EditorPane, on);
    await screen.findByText('No problems: the map shows this text.', {}, { timeout: 10_000 });
    await vi.waitFor(() => expect(on.onreading.mock.calls).toEqual([[true], [false]]));
  });

  it('says when the draft cannot be saved (no IndexedDB here), with the text to download', async () => {
    const on = props({ text: argdown('Map') });
    render(EditorPane, on);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your draft could not be saved in the browser: ReferenceError');
    expect(alert.querySelector('button')?.textContent).toBe('Download .argdown');
  });
});
