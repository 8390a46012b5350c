// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SessionNotes from '../../src/ui/SessionNotes.svelte';

afterEach(cleanup);

const handlers = () => ({ onretry: vi.fn(), oncancel: vi.fn(), ondefault: vi.fn(), ondismiss: vi.fn() });

describe('the session notes on the map', () => {
  it('a map restored from the last visit offers the Trenin map instead, or dismissal', async () => {
    const on = handlers();
    render(SessionNotes, { opening: undefined, restored: { file: 'debate.argdown', crashed: false }, ...on });
    expect(screen.getByRole('status').textContent).toContain(
      'Reopened debate.argdown, the map you opened last.',
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Show the Trenin map' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(on.ondefault).toHaveBeenCalledOnce();
    expect(on.ondismiss).toHaveBeenCalledOnce();
    expect(on.onretry).not.toHaveBeenCalled();
  });

  it('a map whose restore crashed the page is offered again only on "Try again"', async () => {
    const on = handlers();
    render(SessionNotes, { opening: undefined, restored: { file: 'huge.json', crashed: true }, ...on });
    expect(screen.getByRole('status').textContent).toContain(
      'huge.json, the map you opened last, stopped this page the last time it was reopened.',
    );
    expect(screen.queryByRole('button', { name: 'Show the Trenin map' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(on.onretry).toHaveBeenCalledOnce();
  });

  it('a draft whose reading stopped the page is kept unread, and read only on "Try again"', async () => {
    const on = handlers();
    render(SessionNotes, {
      opening: undefined,
      restored: { file: 'talk.argdown', crashed: true, draft: true },
      ...on,
    });
    expect(screen.getByRole('status').textContent).toContain(
      'Your draft talk.argdown stopped this page the last time it was read: it is kept, not read again.',
    );
    expect(screen.getByRole('status').textContent).not.toContain('the map you opened last');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(on.onretry).toHaveBeenCalledOnce();
  });

  it('a file being read is named while it is read, with Cancel; nothing shows otherwise', async () => {
    const on = handlers();
    const { container, rerender } = render(SessionNotes, {
      opening: 'big.json',
      restored: undefined,
      ...on,
    });
    expect(screen.getByRole('status').textContent).toContain('Opening big.json…');
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(on.oncancel).toHaveBeenCalledOnce();
    await rerender({ opening: undefined });
    expect(container.textContent?.trim()).toBe('');
  });
});
