import type { EditorControl, EditorStart } from './editor/EditorPane.svelte';
import type { SessionStorage } from './session-deps.ts';

/**
 * The editor's text as the session sees it: what the editor starts with, the running editor (which tells
 * when it is ready and when it closed), and the text replaced last, kept so that one click brings it back.
 */
export class EditorText {
  /** What the next editor opens on (set by the session before it opens the editor). */
  start = $state.raw<EditorStart | undefined>();
  /** A text the editor replaced (another map opened while editing): kept, and one click brings it back. */
  previous = $state<string | undefined>();
  #control = $state.raw<EditorControl | undefined>();

  /**
   * The text another tab left comes first (each tab writes its own draft: this is how one tab's text is
   * brought into another), else the text replaced last.
   */
  constructor(
    private readonly storage: Pick<
      SessionStorage,
      'keepPreviousText' | 'recallPreviousText' | 'recallOtherDraft'
    >,
  ) {
    void Promise.all([storage.recallOtherDraft(), storage.recallPreviousText()]).then(
      ([other, replaced]) => (this.previous ??= other ?? replaced),
    );
  }

  /** Whether an editor is running: only then has it a text to replace. */
  get running(): boolean {
    return this.#control !== undefined;
  }

  /**
   * The editor runs. Started on an older draft (`start.draft`), it takes the start text at once, as one edit:
   * the draft is kept (Restore previous text, and undo, bring it back). The editor reads its text after this.
   */
  ready(control: EditorControl): void {
    this.#control = control;
    const start = this.start;
    if (start?.draft !== undefined) this.replace(start.text);
  }

  /** A box clicked on the map while editing: the typing goes on in the text, at that box's definition. */
  focusSelection(): void {
    this.#control?.focusSelection();
  }

  /** The editor closed: nothing to replace until the next one runs. */
  closed(): void {
    this.#control = undefined;
  }

  /** Replaces the editor's whole text, keeping the one it replaces (stored, and in the undo history). */
  replace(text: string): void {
    const editor = this.#control;
    if (!editor) return;
    const outgoing = editor.text();
    if (text === outgoing) return;
    this.previous = outgoing;
    void this.storage.keepPreviousText(outgoing);
    editor.replaceText(text);
  }

  /** "Restore previous text": the text replaced last comes back (and the one it replaces is kept in turn). */
  restorePrevious(): void {
    if (this.previous !== undefined) this.replace(this.previous);
  }
}
