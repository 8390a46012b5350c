/** A stretch of a text by character offsets, `end` excluded. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A part of a text, and whether it is an interviewer's question. */
export interface TextSegment extends TextRange {
  readonly question: boolean;
}

/** A question ends with "?", perhaps inside closing quotation marks or brackets. */
const endsAsQuestion = /\?["'”’»)\]]*$/;

/**
 * The paragraphs of a text (runs of lines that are not blank; a line of white space, no-break spaces
 * included, is blank), each without its surrounding white space.
 */
export function paragraphs(text: string): TextRange[] {
  const out: TextRange[] = [];
  let start: number | undefined;
  let end = 0;
  for (let at = 0; at <= text.length;) {
    const next = text.indexOf('\n', at);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(at, lineEnd);
    if (line.trim() === '') {
      if (start !== undefined) out.push({ start, end });
      start = undefined;
    } else {
      start ??= at + (line.length - line.trimStart().length);
      end = at + line.trimEnd().length;
    }
    at = lineEnd + 1;
  }
  if (start !== undefined) out.push({ start, end });
  return out;
}

/**
 * The interviewer's questions in the text of an interview: the paragraphs that end with "?" and are followed
 * by another paragraph (the answer). A question mark at the very end of the text answers nothing.
 */
export function questionParagraphs(text: string): TextRange[] {
  const all = paragraphs(text);
  return all.filter(
    (paragraph, i) => i + 1 < all.length && endsAsQuestion.test(text.slice(paragraph.start, paragraph.end)),
  );
}

/**
 * The text cut into segments, questions and the rest in turn, in order. The white space between a question
 * and its neighbours is left out: a question is drawn as a block of its own, which sets it apart already.
 */
export function textSegments(text: string, questions: readonly TextRange[]): TextSegment[] {
  if (questions.length === 0) return text.length > 0 ? [{ start: 0, end: text.length, question: false }] : [];
  const out: TextSegment[] = [];
  const rest = (start: number, end: number, afterQuestion: boolean, beforeQuestion: boolean) => {
    let from = start;
    let to = end;
    if (afterQuestion) while (from < to && /\s/.test(text[from]!)) from++;
    if (beforeQuestion) while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) out.push({ start: from, end: to, question: false });
  };
  let at = 0;
  questions.forEach((question, i) => {
    rest(at, question.start, i > 0, true);
    out.push({ ...question, question: true });
    at = question.end;
  });
  rest(at, text.length, true, false);
  return out;
}
