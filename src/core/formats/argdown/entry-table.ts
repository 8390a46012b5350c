import type { Entry, Place, Use } from './document.ts';
import type { Body, InlineElement } from './inline.ts';

/**
 * The statements and arguments of a document, one entry for each title (and one for each untitled
 * statement), in order of first appearance. A title named again is the same entry: what each line says of
 * it (text, tags, data) is added to it.
 */
export class EntryTable {
  readonly entries: Entry[] = [];
  private readonly byTitle = { statement: new Map<string, number>(), argument: new Map<string, number>() };
  /** Index of the heading whose section the lines being read are in. */
  heading: number | undefined;

  /** The entry an element names (made on its first naming), with what the element says of it added. */
  use(element: InlineElement, place: Place): Use {
    let index = element.title !== undefined ? this.byTitle[element.kind].get(element.title) : undefined;
    if (index === undefined) {
      index = this.add(element.kind, element.title, place);
      if (element.title !== undefined) this.byTitle[element.kind].set(element.title, index);
    }
    const entry = this.entries[index]!;
    if (element.text !== undefined) this.addText(entry, element.text, place);
    for (const tag of element.tags) if (!entry.tags.includes(tag)) entry.tags.push(tag);
    if (element.data) entry.data = { ...entry.data, ...element.data };
    if (
      element.kind === 'argument' &&
      (element.text !== undefined || element.tags.length > 0 || element.data)
    )
      entry.usedAsNode = true;
    return { entry: index, place };
  }

  private addText(entry: Entry, text: string, place: Place): void {
    if (entry.texts.length === 0) {
      entry.heading = this.heading;
      entry.definedAt = place;
    }
    entry.texts.push({ text, place });
  }

  /** An argument with no title: the one a reconstruction written on its own reconstructs. */
  untitledArgument(place: Place): number {
    return this.add('argument', undefined, place);
  }

  isArgument(use: Use | undefined): use is Use {
    return use !== undefined && this.entries[use.entry]!.kind === 'argument';
  }

  /** An argument in a relation is drawn as a box (a statement always is). */
  drawAsNode(use: Use): void {
    const entry = this.entries[use.entry]!;
    if (entry.kind === 'argument') entry.usedAsNode = true;
  }

  /**
   * A line going on with the last text given to an entry: its text, tags and data are added. After
   * `[Title]:` with nothing behind the colon (`first`), the line starts a text of the entry.
   */
  continueText(index: number, body: Body, first?: Place): void {
    const entry = this.entries[index]!;
    if (first) {
      this.addText(entry, body.text, first);
      if (entry.kind === 'argument') entry.usedAsNode = true;
    } else if (body.text !== '') entry.texts[entry.texts.length - 1]!.text += ' ' + body.text;
    for (const tag of body.tags) if (!entry.tags.includes(tag)) entry.tags.push(tag);
    if (body.data) entry.data = { ...entry.data, ...body.data };
  }

  private add(kind: Entry['kind'], title: string | undefined, place: Place): number {
    this.entries.push({
      kind,
      title,
      texts: [],
      tags: [],
      data: undefined,
      heading: this.heading,
      place,
      definedAt: undefined,
      usedAsNode: false,
      steps: [],
    });
    return this.entries.length - 1;
  }
}
