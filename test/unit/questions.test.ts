import { describe, expect, it } from 'vitest';
import { paragraphs, questionParagraphs, textSegments } from '../../src/core/text/questions.ts';
import { mapOf, readText } from './helpers.ts';

const slices = (text: string, ranges: readonly { start: number; end: number }[]) =>
  ranges.map((range) => text.slice(range.start, range.end));

describe("an interview's question paragraphs", () => {
  it('cuts a text into paragraphs at blank lines, white space and no-break spaces included', () => {
    const text = '  Title\n\nFirst line\nsecond line  \n\u00a0 \nLast';
    expect(slices(text, paragraphs(text))).toEqual(['Title', 'First line\nsecond line', 'Last']);
    expect(paragraphs('')).toEqual([]);
    expect(paragraphs('\n\n \n')).toEqual([]);
  });

  it('finds the paragraphs that end with "?" and have an answer after them', () => {
    const text = [
      'Title: why?',
      'Do you think it is possible?',
      'It is. But is it likely? Hardly.',
      '“Would NATO agree?”',
      'It might.',
      'And the last word?',
    ].join('\n\n');
    expect(slices(text, questionParagraphs(text))).toEqual([
      'Title: why?',
      'Do you think it is possible?',
      '“Would NATO agree?”',
    ]);
  });

  it('cuts the text into questions and the rest, leaving out only the white space around questions', () => {
    const text = 'Title\n\nQ?\n\nA.\n\nQ2?\n \nA2.\n';
    const segments = textSegments(text, questionParagraphs(text));
    expect(segments.map((s) => [text.slice(s.start, s.end), s.question])).toEqual([
      ['Title', false],
      ['Q?', true],
      ['A.', false],
      ['Q2?', true],
      ['A2.\n', false],
    ]);
    expect(textSegments(' plain \n', [])).toEqual([{ start: 0, end: 8, question: false }]);
    expect(textSegments('', [])).toEqual([]);
  });

  it('finds the questions of the fixture interview and of the Trenin interview', () => {
    const interview = mapOf(readText('test/fixtures/speaker/interview.argmap.json')).source!.text!;
    expect(slices(interview, questionParagraphs(interview))).toEqual([
      'Is NATO membership for Russia the answer to the security deficit?',
      'Could the NATO-Russia Council build that trust?',
    ]);
    const trenin = readText('data/trenin-2010.txt');
    const questions = slices(trenin, questionParagraphs(trenin));
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(questions[0]).toMatch(/^With the United States and Russia working to “reset” relations/);
    for (const question of questions) expect(question.trim().endsWith('?')).toBe(true);
  });
});
