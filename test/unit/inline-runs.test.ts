import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isFormatted,
  parseInlineRuns,
  plainText,
  safeHref,
  type InlineRun,
} from '../../src/core/text/inline-runs.ts';

/** Runs written short: `**x**` for bold, `*x*` italic, `***x***` both, `[x](url)` a link, plain otherwise. */
function short(runs: readonly InlineRun[]): string {
  return runs
    .map((run) => {
      const marks = (run.bold ? '**' : '') + (run.italic ? '*' : '');
      const text = `${marks}${run.text}${[...marks].reverse().join('')}`;
      return run.href !== undefined ? `[${text}](${run.href})` : text;
    })
    .join('|');
}
const read = (text: string) => short(parseInlineRuns(text));

describe('parseInlineRuns', () => {
  it.each([
    ['This is **bold** and _italic_.', 'This is |**bold**| and |*italic*|.'],
    ['__bold__ and *italic*', '**bold**| and |*italic*'],
    ['***both*** and ___both___', '***both***| and |***both***'],
    ['*italic with **bold** inside*', '*italic with *|***bold***|* inside*'],
    ['**bold with _italic_ inside**', '**bold with **|***italic***|** inside**'],
  ])('reads bold, italic and their nesting: %j', (text, runs) => {
    expect(read(text)).toBe(runs);
  });

  it.each([
    ['a lone * star', 'a lone * star'],
    ['2 * 3 = 6 and 2*3*4', '2 * 3 = 6 and 2*3*4'],
    ['snake_case_name and file_v2_final', 'snake_case_name and file_v2_final'],
    ['**unclosed bold', '**unclosed bold'],
    ['unopened bold**', 'unopened bold**'],
    ['_unclosed italic', '_unclosed italic'],
    ['** spaced **', '** spaced **'],
    ['a ** b ** c', 'a ** b ** c'],
  ])('leaves text that was not meant as Markdown as it is: %j', (text, runs) => {
    expect(read(text)).toBe(runs);
    expect(isFormatted(parseInlineRuns(text))).toBe(false);
  });

  it('takes what closes, leaving a mark without its pair literal', () => {
    expect(read('**a*')).toBe('*|*a*');
    expect(read('*a**')).toBe('*a*|*');
    // A closing `*` ends a word (as in Argdown): the inner `**` opens, and only one of its marks is used.
    expect(parseInlineRuns('*foo**bar*')).toEqual([
      { text: '*foo*', bold: false, italic: false },
      { text: 'bar', bold: false, italic: true },
    ]);
  });

  it('resolves backslash escapes to the character, never to markup', () => {
    expect(read('\\*not italic\\*')).toBe('*not italic*');
    expect(read('\\_\\_not bold\\_\\_')).toBe('__not bold__');
    expect(read('\\[not a link](https://example.org)')).toBe('[not a link](https://example.org)');
    expect(read('a \\\\ backslash')).toBe('a \\ backslash');
    // A backslash before anything but punctuation is a backslash.
    expect(read('C:\\Users\\me')).toBe('C:\\Users\\me');
  });

  it('reads links, their text formatted, their address with balanced parentheses', () => {
    expect(read('see [the report](https://example.org/a) now')).toBe(
      'see |[the report](https://example.org/a)| now',
    );
    expect(read('[**bold** link](http://example.org)')).toBe(
      '[**bold**](http://example.org)|[ link](http://example.org)',
    );
    expect(read('[Foo](https://en.wikipedia.org/wiki/Foo_(bar))')).toBe(
      '[Foo](https://en.wikipedia.org/wiki/Foo_(bar))',
    );
    expect(read('(see [x](https://example.org))')).toBe('(see |[x](https://example.org)|)');
    expect(read('[mail me](mailto:someone@example.org)')).toBe('[mail me](mailto:someone@example.org)');
    expect(read('**[bold link](https://example.org)**')).toBe('[**bold link**](https://example.org)');
  });

  it('draws links to anything but web pages and mail as their text, never as a link', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      '#top',
      '/relative/path',
      'https://exa mple.org',
    ]) {
      const runs = parseInlineRuns(`a [link](${url}) here`);
      expect(runs.every((run) => run.href === undefined)).toBe(true);
      expect(plainText(`a [link](${url}) here`)).toBe(
        /\s/.test(url) ? `a [link](${url}) here` : 'a link here',
      );
    }
    expect(safeHref('https://example.org/?q=1')).toBe('https://example.org/?q=1');
    expect(safeHref('http://example.org')).toBe('http://example.org');
    expect(safeHref('https://example.org/\u0000')).toBeUndefined();
  });

  it('leaves brackets that make no link as text', () => {
    expect(read('[Title] and [] and [x]() and [x] (y)')).toBe('[Title] and [] and [x]() and [x] (y)');
    expect(read('[unclosed](https://example.org')).toBe('[unclosed](https://example.org');
  });

  it('gives back the text, less its markup, for any input; plain text as it is', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '*', '_', '[', ']', '(', ')', '\\', 'é', 'x') }),
        (text) => {
          const runs = parseInlineRuns(text);
          expect(runs.map((run) => run.text).join('')).toBe(plainText(text));
          expect(runs.every((run) => run.text !== '')).toBe(true);
          // The letters are all kept, in their order: markup only takes marks away (a link, its address too).
          if (!text.includes(']('))
            expect(plainText(text).replace(/[^aéx]/g, '')).toBe(text.replace(/[^aéx]/g, ''));
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/[*_[\\]/.test(text));
        expect(plainText(text)).toBe(text);
      }),
    );
  });

  it('reads hostile texts in one pass: long runs of marks and brackets, deep nesting', () => {
    const n = 40_000;
    const texts = [
      '*a _b '.repeat(n),
      '_a *b '.repeat(n),
      '['.repeat(n * 4),
      '[a]('.repeat(n),
      `${'[x'.repeat(n)}${'](https://e.org)'.repeat(n)}`,
      `${'*a '.repeat(n)}${' b*'.repeat(n)}`,
      `${'**a '.repeat(n)}${'b* '.repeat(n)}`,
      `[t](https://e.org/${'('.repeat(n)}`,
    ];
    for (const text of texts) {
      const runs = parseInlineRuns(text);
      const letters = (s: string) => s.replace(/[^ab]/g, '');
      if (!text.includes('](')) expect(letters(runs.map((run) => run.text).join(''))).toBe(letters(text));
    }
    // Nested emphasis as deep as the text is long formats every word.
    const nested = parseInlineRuns(`${'*a '.repeat(n)}${' b*'.repeat(n)}`);
    expect(nested.every((run) => run.italic || run.text.trim() === '')).toBe(true);
  });
});
