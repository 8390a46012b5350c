import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';

interface State {
  /** Inside a multi-line comment: the text that closes it. */
  comment: '*/' | '-->' | undefined;
  /** Inside YAML front matter (between the opening and closing `===` lines at the top). */
  frontMatter: boolean;
  /** Nesting depth of a `{…}` data block that runs over several lines. */
  data: number;
  /** Whether anything but blank lines and comments came before (front matter only opens the file). */
  started: boolean;
}

const relationSymbol = /^(?:<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?=\s|\[|<|$)/;

/**
 * Highlighting for the Argdown subset argmap reads (docs/ARCHITECTURE.md, "Formats"): headings, statement
 * `[titles]`, argument `<titles>`, relation symbols, numbered premise–conclusion steps and inference lines,
 * `#tags`, `{data}`, front matter and comments. A line-by-line tokenizer, like the reader itself:
 * highlighting does not need a full parse, and stays correct on text that does not parse.
 */
const argdownStream = StreamLanguage.define<State>({
  name: 'argdown',
  startState: () => ({ comment: undefined, frontMatter: false, data: 0, started: false }),
  copyState: (s) => ({ ...s }),
  token(stream, state) {
    if (state.comment) return continueComment(stream, state);
    if (stream.sol()) {
      if (stream.match(/^===+\s*$/)) {
        if (!state.started || state.frontMatter) state.frontMatter = !state.frontMatter;
        state.started = true;
        return 'meta';
      }
      if (state.frontMatter) {
        stream.skipToEnd();
        return 'meta';
      }
    }
    if (state.data > 0) return dataToken(stream, state);
    if (stream.eatSpace()) return null;
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) return openComment(stream, state, '*/');
    if (stream.match('<!--')) return openComment(stream, state, '-->');
    state.started = true;
    if (stream.string.slice(0, stream.pos).trim() === '') {
      // At the start of a line (after indentation): block-level syntax.
      if (stream.match(/^#{1,6}\s.*$/)) return 'heading';
      if (stream.match(/^-{2,}.*?-{2,}\s*$/) || stream.match(/^-{2,}\s*$/)) return 'keyword';
      if (stream.match(/^\(\d+\)/)) return 'number';
      if (stream.match(relationSymbol)) return 'operator';
    }
    if (stream.match(/^\[(?:\\.|[^\]\\])*\]:?/)) return 'className';
    if (stream.match(/^<(?:\\.|[^>\\])*>:?/)) return 'labelName';
    if (stream.match(/^#\((?:[^)\\]|\\.)*\)/) || stream.match(/^#[\p{L}\p{N}_-]+/u)) return 'tagName';
    if (stream.peek() === '{') return dataToken(stream, state);
    if (stream.peek() === '\\') {
      stream.next();
      stream.next();
      return null;
    }
    stream.next();
    stream.eatWhile(/[^[<#{\\/\s]/);
    return null;
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
  tokenTable: { labelName: tags.labelName, className: tags.className },
});

function openComment(stream: StringStream, state: State, close: '*/' | '-->') {
  state.comment = close;
  return continueComment(stream, state);
}

function continueComment(stream: StringStream, state: State) {
  const close = state.comment!;
  const rest = stream.string.slice(stream.pos);
  const end = rest.indexOf(close);
  if (end < 0) stream.skipToEnd();
  else {
    stream.pos += end + close.length;
    state.comment = undefined;
  }
  return 'comment';
}

/** `{…}` data, over as many lines as it takes, braces in quotes not counted. */
function dataToken(stream: StringStream, state: State) {
  while (!stream.eol()) {
    const c = stream.next();
    if (c === '"' || c === "'") {
      while (!stream.eol() && stream.next() !== c);
    } else if (c === '{') state.data++;
    else if (c === '}' && --state.data === 0) break;
  }
  return 'meta';
}

const argdownColours = HighlightStyle.define([
  { tag: tags.heading, fontWeight: '600', color: 'var(--editor-heading)' },
  { tag: tags.comment, color: 'var(--editor-comment)', fontStyle: 'italic' },
  { tag: tags.operator, color: 'var(--editor-relation)', fontWeight: '600' },
  { tag: tags.keyword, color: 'var(--editor-inference)' },
  { tag: tags.number, color: 'var(--editor-inference)' },
  { tag: tags.className, color: 'var(--editor-statement)' },
  { tag: tags.labelName, color: 'var(--editor-argument)' },
  { tag: tags.tagName, color: 'var(--editor-tag)' },
  { tag: tags.meta, color: 'var(--editor-data)' },
]);

export const argdown = [argdownStream, syntaxHighlighting(argdownColours)];
