import type { Entry } from './document.ts';
import { normaliseSpace } from './syntax.ts';

/**
 * Untitled boxes in Argdown (docs/ARCHITECTURE.md, "Formats"). Argdown's own way to write a statement without
 * a title is a plain line of text; argmap reads such a line as an untitled box, its id made from its text.
 * Argdown cannot refer to a plain line again, though, so a box that a relation names gets a stand-in title:
 * the start of its text and "…" (`[Moscow is still concerned…]: Moscow is still concerned about …`), with a
 * number after it where two would be the same (`[Yes.… 2]`). A title of that form, followed by the text it
 * starts, reads back as no title; a real title of that form is written in data (`{title: …}`).
 */

const ellipsis = '…';
const handleForm = /^(.+?)…(?: (\d+))?$/su;

/** Words of the text a stand-in title starts with: enough to tell boxes apart at a glance. */
const handleLength = 32;

/** True when `title` is the stand-in title of a box whose text is `text`. */
export function isUntitledHandle(title: string, text: string): boolean {
  const match = handleForm.exec(title);
  if (!match) return false;
  const start = match[1]!;
  return start.trim() === start && normaliseSpace(text).startsWith(start);
}

/** The text an entry gives its box: `{text: …}` data first, else the first text written. */
function entryText(entry: Entry): string | undefined {
  const data = entry.data?.text;
  return typeof data === 'string' ? data : entry.texts[0]?.text;
}

/**
 * An entry that is an untitled box: a plain line, or a stand-in title with the text it starts. Data saying
 * `title` decides for itself.
 */
export function readsAsUntitled(entry: Entry): boolean {
  if (entry.title === undefined) return true;
  if (entry.data && Object.hasOwn(entry.data, 'title')) return false;
  const text = entryText(entry);
  return text !== undefined && isUntitledHandle(entry.title, text);
}

/** What an entry's id is made from: its title, or for an untitled box the text written on its line. */
export function idBaseOf(entry: Entry): string {
  if (entry.title !== undefined && !readsAsUntitled(entry)) return entry.title;
  return entry.texts[0]?.text ?? entryText(entry) ?? entry.title ?? '';
}

/**
 * A stand-in title for a box with this text that `taken` does not hold yet: the first words (about
 * `handleLength` characters, never cut inside a word), more words where those are taken, then a number.
 * Undefined for a text that gives none (empty after white space is folded).
 */
export function untitledHandle(text: string, taken: ReadonlySet<string>): string | undefined {
  const words = normaliseSpace(text).split(' ');
  if (words[0] === '') return undefined;
  let start = words[0]!;
  let next = 1;
  while (next < words.length && start.length + 1 + words[next]!.length <= handleLength) {
    start += ' ' + words[next++];
  }
  for (; ; next++) {
    const handle = start + ellipsis;
    if (!taken.has(handle)) return handle;
    if (next >= words.length) break;
    start += ' ' + words[next];
  }
  for (let n = 2; ; n++) if (!taken.has(`${start}${ellipsis} ${n}`)) return `${start}${ellipsis} ${n}`;
}
