import { EditorSelection, EditorState, type Text } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentWithTab,
  isolateHistory,
  redo,
  undo,
} from '@codemirror/commands';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import type { Problem } from '../../core/problems.ts';
import { argdown } from './argdown-language.ts';

export interface EditorCallbacks {
  /** Every change of the text, typed or not (the text itself is `text()`: copying it costs, on long texts). */
  readonly onchange: () => void;
  /** The user moved the cursor (clicking, arrows, typing) to this line (from 1). */
  readonly oncursor: (line: number) => void;
}

export interface CodeEditor {
  readonly view: EditorView;
  text(): string;
  /** Replaces the whole text as one edit, which undo takes back (nothing the user typed is lost). */
  replaceText(text: string): void;
  /** Puts the cursor at line:column (from 1) and scrolls it into view, without calling `oncursor`. */
  moveTo(line: number, column: number): void;
  /** Underlines the problems that have a place in the text. */
  showProblems(problems: readonly Problem[]): void;
  undo(): boolean;
  redo(): boolean;
  destroy(): void;
}

/** CodeMirror 6 set up for Argdown: line numbers, history, search, highlighting, and the problem underlines. */
export function createCodeEditor(parent: HTMLElement, text: string, callbacks: EditorCallbacks): CodeEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        argdown,
        highlightSelectionMatches(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Argdown text' }),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.onchange();
          const byUser = update.transactions.some(
            (tr) => tr.isUserEvent('select') || tr.isUserEvent('input') || tr.isUserEvent('delete'),
          );
          if (update.selectionSet && byUser)
            callbacks.oncursor(update.state.doc.lineAt(update.state.selection.main.head).number);
        }),
      ],
    }),
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    replaceText(next) {
      // A step of its own in the history: undo takes back this replacement, not the typing before it too.
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: next },
        annotations: isolateHistory.of('full'),
      });
    },
    moveTo(line, column) {
      const at = position(view.state.doc, line, column);
      view.dispatch({
        selection: EditorSelection.cursor(at),
        effects: EditorView.scrollIntoView(at, { y: 'center' }),
      });
    },
    showProblems(problems) {
      view.dispatch(setDiagnostics(view.state, diagnostics(view.state.doc, problems)));
    },
    undo: () => undo(view),
    redo: () => redo(view),
    destroy: () => view.destroy(),
  };
}

/** Offset of line:column (from 1) in the text, clamped to the text. */
export function position(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

/**
 * A problem at line:column underlines the word (or bracketed title) starting there, or the character before
 * when it is at the end of the line, so that every problem shows.
 */
export function diagnostics(doc: Text, problems: readonly Problem[]): Diagnostic[] {
  return problems.flatMap((problem) => {
    if (problem.line === undefined) return [];
    const line = doc.line(Math.min(Math.max(1, problem.line), doc.lines));
    let from = position(doc, problem.line, problem.column ?? 1);
    const rest = doc.sliceString(from, line.to);
    const word = /^(\[[^\]]*\]?|<[^>]*>?|\S+)/.exec(rest)?.[0].length ?? 0;
    let to = from + word;
    if (to === from) {
      if (from > line.from) from -= 1;
      else to = Math.min(line.to, from + 1);
    }
    return [
      {
        from,
        to: Math.max(to, from),
        severity: problem.severity,
        message: problem.message,
      },
    ];
  });
}
