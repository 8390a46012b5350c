import { isEscapable } from './syntax.ts';

export interface SourceProblem {
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface SourceLines {
  /** The YAML between the opening and closing `===`, if the file starts with front matter. */
  readonly frontMatter: { readonly text: string; readonly firstLine: number } | undefined;
  /** Lines after the front matter with comments blanked out (same length, so columns still hold). */
  readonly lines: readonly string[];
  /**
   * Indices (in `lines`) of lines that held nothing but comments: as if they were not there (a comment inside
   * a relation tree does not end it, as an empty line does).
   */
  readonly commentOnly: ReadonlySet<number>;
  /** 1-based number of `lines[0]` in the file. */
  readonly firstLine: number;
}

/**
 * Splits an Argdown text into its front matter and its lines, and blanks `// line`, `/* block *\/` and
 * `<!-- HTML -->` comments. A comment starts at the beginning of a line or after white space, so that `http://…` in a text
 * stays text.
 */
export function sourceLines(text: string, problems: SourceProblem[]): SourceLines {
  const all = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let start = 0;
  let frontMatter: SourceLines['frontMatter'];
  while (start < all.length && all[start]!.trim() === '') start++;
  if (start < all.length && /^={3,}$/.test(all[start]!.trim())) {
    const close = all.findIndex((line, i) => i > start && /^={3,}$/.test(line.trim()));
    if (close < 0) {
      problems.push({
        severity: 'error',
        line: start + 1,
        column: 1,
        message: 'front matter opened with "===" is not closed by another "===" line',
      });
      start++;
    } else {
      frontMatter = { text: all.slice(start + 1, close).join('\n'), firstLine: start + 2 };
      start = close + 1;
    }
  } else start = 0;

  const lines = all.slice(start);
  // An open block comment: where it started, and what closes it (`*/`, or `-->` for an HTML comment).
  let inBlock: { line: number; column: number; close: string } | undefined;
  const out = lines.map((line, index) => {
    // Most lines have no comment at all: keep them as they are rather than copy them character by character.
    if (!inBlock && !line.includes('/') && !line.includes('<!--')) return line;
    let result = '';
    for (let i = 0; i < line.length; i++) {
      if (inBlock) {
        if (line.startsWith(inBlock.close, i)) {
          result += ' '.repeat(inBlock.close.length);
          i += inBlock.close.length - 1;
          inBlock = undefined;
        } else result += ' ';
        continue;
      }
      const c = line[i]!;
      if (c === '\\' && i + 1 < line.length && isEscapable(line[i + 1]!)) {
        result += c + line[i + 1];
        i++;
        continue;
      }
      const afterSpace = i === 0 || /\s/.test(line[i - 1]!);
      if (c === '/' && afterSpace && line[i + 1] === '/') {
        result += ' '.repeat(line.length - i);
        break;
      }
      if (c === '/' && afterSpace && line[i + 1] === '*') {
        inBlock = { line: start + index + 1, column: i + 1, close: '*/' };
        result += '  ';
        i++;
        continue;
      }
      if (c === '<' && afterSpace && line.startsWith('<!--', i)) {
        inBlock = { line: start + index + 1, column: i + 1, close: '-->' };
        result += '    ';
        i += 3;
        continue;
      }
      result += c;
    }
    return result;
  });
  if (inBlock) {
    const { line, column, close } = inBlock;
    const open = close === '*/' ? '/*' : '<!--';
    problems.push({
      severity: 'error',
      line,
      column,
      message: `comment "${open}" is not closed by "${close}"`,
    });
  }
  const commentOnly = new Set<number>();
  out.forEach((line, i) => {
    if (line !== lines[i] && line.trim() === '' && lines[i]!.trim() !== '') commentOnly.add(i);
  });
  return { frontMatter, lines: out, commentOnly, firstLine: start + 1 };
}
