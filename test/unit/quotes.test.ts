import { describe, expect, it } from 'vitest';
import { createQuoteFinder, normaliseForQuotes } from '../../src/core/quotes/anchor.ts';
import { readText } from './helpers.ts';

const interview = readText('data/trenin-2010.txt');
const find = createQuoteFinder(interview);
const passage = (quote: string): string | undefined => {
  const range = find(quote);
  return range && interview.slice(range.start, range.end);
};

describe('quote anchoring', () => {
  it('finds a quote typed with straight apostrophes in text with curly ones', () => {
    expect(passage("Russia's neighbors are also wary of its growing role in the region.")).toBe(
      'Russia’s neighbors are also wary of its growing role in the region.',
    );
  });

  it('finds a quote with straight double quotes where the text has curly ones', () => {
    expect(passage('the new "comprehensive approach"')).toBe('the new “comprehensive approach”');
  });

  it('treats the interview’s non-breaking spaces and line breaks as plain spaces', () => {
    // The text has a paragraph break (newline, NBSP, space, newline) between these two sentences.
    const across = passage('There needs to be more trust. New European and global challenges');
    expect(across).toBe('There needs to be more trust.\n\u00a0\nNew European and global challenges');
    expect(across).toContain('\u00a0');
  });

  it('tolerates runs of white space and a non-breaking space in the quote itself', () => {
    expect(passage('The  foundation\u00a0must be\n built on trust')).toBe(
      'The foundation must be built on trust',
    );
  });

  it('returns the exact range in the original text', () => {
    const range = find('Transnistria');
    expect(range).toEqual({
      start: interview.indexOf('Transnistria'),
      end: interview.indexOf('Transnistria') + 12,
    });
  });

  it.each([
    ['a changed word', 'Russia suffers from a trust deficit in relations with NATO'],
    ['a hyphen for a dash', 'not a binding agreement like the START treaty - it was'],
    ['an empty quote', '   '],
    ['a different case', 'RUSSIA SUFFERS FROM A SECURITY DEFICIT'],
  ])('does not match %s', (_name, quote) => {
    expect(find(quote)).toBeUndefined();
  });

  it('normalises curly quotes and space runs only', () => {
    expect(normaliseForQuotes(' “It’s”\u00a0\u00a0 a\t\ttest – ok ').text).toBe('"It\'s" a test – ok');
  });
});
