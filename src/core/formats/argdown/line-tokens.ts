import { relationSymbols, type RelationSymbol } from './syntax.ts';
import { startsWithLink } from './inline.ts';

/**
 * The Argdown reader's tokenizer: each line (comments already blanked by `source-lines.ts`) becomes one typed
 * token, told apart by how the line starts. What a token means depends on the lines around it; that is the
 * line reader's part (`read.ts`).
 */

interface LineStart {
  /** 1-based line number in the file. */
  readonly line: number;
  /** 1-based column of the first character after the indent. */
  readonly column: number;
  /** Width of the indent, a tab counting four: what relation trees nest by. */
  readonly indent: number;
  /** The line without its indent and trailing white space. */
  readonly content: string;
}

/** Text that reads as an element (or plain text), starting at `elementColumn`. */
interface ElementText {
  readonly element: string;
  readonly elementColumn: number;
}

export type LineToken =
  | { readonly kind: 'blank'; readonly line: number }
  /** `# Title {data}` at the start of a line. */
  | (LineStart & { readonly kind: 'heading'; readonly level: number; readonly title: string })
  /** `(n) statement` of a premise–conclusion structure. */
  | (LineStart & ElementText & { readonly kind: 'numbered'; readonly number: number })
  /** An inference line: `----`, `-- rule {data} --`, `--` opening one over several lines, or none of these. */
  | (LineStart & { readonly kind: 'inference'; readonly form: 'dashes' | 'opens-lines' | 'malformed' })
  | (LineStart & { readonly kind: 'inference'; readonly form: 'one-line'; readonly body: string })
  /** `+ [A]`, `<- <B>`, … : the element after the symbol relates to the line it is indented under. */
  | (LineStart &
      ElementText & {
        readonly kind: 'relation';
        readonly symbol: RelationSymbol;
        /** Nothing follows the symbol. */
        readonly bare: boolean;
      })
  /**
   * Any other line: a new element when it starts with `[` or `<` (not a Markdown link `[text](url)`) or is a
   * Markdown list item (`* item`, `1. item`: `content` without the marker), else text (new, or going on).
   */
  | (LineStart & { readonly kind: 'text'; readonly startsElement: boolean; readonly listItem: boolean });

const relationLine = new RegExp(
  '^(' +
    relationSymbols.map((s) => s.replace(/[+\-_<>]/g, (c) => '\\' + c)).join('|') +
    ')(?:\\s+|$|(?=[[<]))',
);

/** A Markdown list item's marker: `*` (not `**bold**`) or a number with a dot, then white space. */
const listMarker = /^(?:\*|\d{1,9}\.)\s+(?=\S)/;

export function tokenizeLine(raw: string, line: number): LineToken {
  const content = raw.trim();
  if (content === '') return { kind: 'blank', line };
  const indentText = /^\s*/.exec(raw)![0];
  const column = indentText.length + 1;
  const indent = indentText.replace(/\t/g, '    ').length;
  // Tokens are written out field by field, not spread from a common part: this runs for every line.
  const heading = indent === 0 ? /^(#{1,6})\s+(.*)$/.exec(content) : null;
  if (heading) {
    return { kind: 'heading', line, column, indent, content, level: heading[1]!.length, title: heading[2]! };
  }
  const numbered = /^\((\d+)\)\s*/.exec(content);
  if (numbered) {
    const element = content.slice(numbered[0].length);
    const elementColumn = column + numbered[0].length;
    return {
      kind: 'numbered',
      line,
      column,
      indent,
      content,
      number: Number(numbered[1]),
      element,
      elementColumn,
    };
  }
  if (/^-{2,}/.test(content)) {
    const form = inferenceForm(content);
    return typeof form === 'string'
      ? { kind: 'inference', line, column, indent, content, form }
      : { kind: 'inference', line, column, indent, content, form: 'one-line', body: form.body };
  }
  const symbol = relationLine.exec(content);
  if (symbol) {
    const element = content.slice(symbol[0].length);
    const elementColumn = column + symbol[0].length;
    const bare = symbol[0].trim() === content;
    return {
      kind: 'relation',
      line,
      column,
      indent,
      content,
      symbol: symbol[1] as RelationSymbol,
      element,
      elementColumn,
      bare,
    };
  }
  const item = listMarker.exec(content);
  if (item) {
    const rest = content.slice(item[0].length);
    return {
      kind: 'text',
      line,
      column: column + item[0].length,
      indent,
      content: rest,
      startsElement: true,
      listItem: true,
    };
  }
  const startsElement = (content.startsWith('[') && !startsWithLink(content)) || content.startsWith('<');
  return { kind: 'text', line, column, indent, content, startsElement, listItem: false };
}

function inferenceForm(content: string): 'dashes' | 'opens-lines' | 'malformed' | { readonly body: string } {
  if (content === '--') return 'opens-lines';
  if (/^-+$/.test(content)) return 'dashes';
  // Argdown closes the line with two dashes or more: `-- rule {data} -----`.
  const oneLine = /^--(.*?)-{2,}$/.exec(content);
  return oneLine ? { body: oneLine[1]! } : 'malformed';
}
