import { parseInline, readBody, type Data, type InlineElement, type LineProblem } from './inline.ts';
import type { SourceLines, SourceProblem } from './source-lines.ts';
import { relationSymbols, symbolMeaning, type RelationSymbol } from './syntax.ts';

/**
 * First stage of the Argdown reader: the lines become a document of entries (every statement and argument
 * named or written), headings, relation-tree edges and premise–conclusion steps, in text order. Nothing is
 * resolved yet; `build.ts` turns this into a map. Errors are collected and reading goes on with the next
 * line, so that one pass reports every error of a file.
 */

export interface Place {
  readonly line: number;
  readonly column: number;
}

export interface Entry {
  readonly kind: 'statement' | 'argument';
  readonly title: string | undefined;
  /** Texts given to it, in order (a statement may be defined more than once). */
  readonly texts: { text: string; place: Place }[];
  readonly tags: string[];
  data: Data | undefined;
  /** Index of the heading whose section it was first defined (or else first named) in. */
  heading: number | undefined;
  readonly place: Place;
  definedAt: Place | undefined;
  /** An argument drawn as a box: it has a text, tags or data, or a relation of its own. */
  usedAsNode: boolean;
  /** Premise–conclusion steps of an argument's reconstruction. */
  readonly steps: Step[];
}

export interface Use {
  readonly entry: number;
  readonly place: Place;
}

export interface Step {
  readonly premises: readonly Use[];
  readonly conclusion: Use;
  readonly data: Data | undefined;
  readonly rule: string;
  readonly place: Place;
}

export type RelationRecord =
  | {
      readonly kind: 'tree';
      readonly type: 'support' | 'attack' | 'undercut' | 'contradiction';
      readonly from: Use;
      readonly to: Use;
      readonly place: Place;
    }
  | { readonly kind: 'inference'; readonly argument: number; readonly step: number; readonly place: Place }
  | {
      /** `_ [U]` indented under an inference line: U undercuts that step of the reconstruction. */
      readonly kind: 'inference-undercut';
      readonly from: Use;
      readonly argument: number;
      readonly step: number;
      readonly place: Place;
    };

export interface Heading {
  readonly title: string;
  readonly level: number;
  readonly data: Data | undefined;
  readonly place: Place;
}

export interface ArgdownDocument {
  readonly entries: readonly Entry[];
  readonly relations: readonly RelationRecord[];
  readonly headings: readonly Heading[];
}

interface TreeLevel {
  readonly indent: number;
  readonly use: Use | undefined;
  /** An inference line of a reconstruction: relations under it undercut the step it opens. */
  readonly inference?: { readonly argument: number; readonly step: number };
}

interface OpenPcs {
  readonly argument: number;
  /** Statements since the last inference (the last conclusion included: it may be a premise of the next). */
  current: Use[];
  expected: number;
  pending: { place: Place; data: Data | undefined; rule: string } | undefined;
}

const relationLine = new RegExp(
  '^(' +
    relationSymbols.map((s) => s.replace(/[+\-_<>]/g, (c) => '\\' + c)).join('|') +
    ')(?:\\s+|$|(?=[[<]))',
);

export function readDocument(source: SourceLines, problems: SourceProblem[]): ArgdownDocument {
  const entries: Entry[] = [];
  const relations: RelationRecord[] = [];
  const headings: Heading[] = [];
  const byTitle = { statement: new Map<string, number>(), argument: new Map<string, number>() };
  let heading: number | undefined;

  let tree: TreeLevel[] = [];
  let lastWritten: { entry: number; hasText: boolean } | undefined;
  let pcs: OpenPcs | undefined;
  let multilineInference: { place: Place; lines: string[] } | undefined;
  /** The argument of the block before a blank line: a reconstruction may follow. */
  let pendingArgument: number | undefined;
  /** True while the current block is (or ended with) a reconstruction: its tree roots are its statements. */
  let pcsBlock = false;

  const report = (severity: 'error' | 'warning', line: number, column: number, message: string) =>
    problems.push({ severity, line, column, message });

  function use(element: InlineElement, place: Place): Use {
    let index = element.title !== undefined ? byTitle[element.kind].get(element.title) : undefined;
    if (index === undefined) {
      index = entries.length;
      entries.push({
        kind: element.kind,
        title: element.title,
        texts: [],
        tags: [],
        data: undefined,
        heading,
        place,
        definedAt: undefined,
        usedAsNode: false,
        steps: [],
      });
      if (element.title !== undefined) byTitle[element.kind].set(element.title, index);
    }
    const entry = entries[index]!;
    if (element.text !== undefined) {
      if (entry.texts.length === 0) {
        entry.heading = heading;
        entry.definedAt = place;
      }
      entry.texts.push({ text: element.text, place });
    }
    for (const tag of element.tags) if (!entry.tags.includes(tag)) entry.tags.push(tag);
    if (element.data) entry.data = { ...entry.data, ...element.data };
    if (
      element.kind === 'argument' &&
      (element.text !== undefined || element.tags.length > 0 || element.data)
    )
      entry.usedAsNode = true;
    return { entry: index, place };
  }

  function inline(content: string, line: number, column: number): InlineElement | undefined {
    const found: LineProblem[] = [];
    const element = parseInline(content, column, found);
    for (const p of found) report(p.severity, line, p.column, p.message);
    return element;
  }

  function closePcs(): void {
    if (pcs?.pending) {
      const { line, column } = pcs.pending.place;
      report('error', line, column, 'the inference line must be followed by a numbered conclusion');
    } else if (pcs && entries[pcs.argument]!.steps.length === 0) {
      const first = pcs.current[0]?.place ?? { line: 0, column: 1 };
      report(
        'error',
        first.line,
        first.column,
        'numbered statements need an inference line ("----") and a numbered conclusion after it',
      );
    }
    pcs = undefined;
  }

  function closeBlock(): void {
    closePcs();
    if (tree.length > 0) {
      // An argument block (with or without its relations) may be followed by its reconstruction.
      const root = tree[0]!.use;
      pendingArgument =
        root && !pcsBlock && entries[root.entry]!.kind === 'argument' ? root.entry : undefined;
    }
    pcsBlock = false;
    tree = [];
    lastWritten = undefined;
  }

  function startInference(place: Place, data: Data | undefined, rule: string): void {
    if (!pcs || pcs.current.length === 0) {
      report('error', place.line, place.column, 'an inference line needs numbered premises above it');
      return;
    }
    if (pcs.pending) {
      report('error', place.line, place.column, 'two inference lines in a row: a conclusion is missing');
      return;
    }
    pcs.pending = { place, data, rule };
    // Undercuts indented under the inference line attack the step it opens.
    tree = [
      {
        indent: place.column - 1,
        use: undefined,
        inference: { argument: pcs.argument, step: entries[pcs.argument]!.steps.length },
      },
    ];
  }

  /** A line that goes on with the text of the element written above it. */
  function continueText(content: string, line: number, column: number): void {
    const found: LineProblem[] = [];
    const body = readBody(content, column, found);
    for (const p of found) report(p.severity, line, p.column, p.message);
    const target = lastWritten && entries[lastWritten.entry];
    if (!target || !lastWritten?.hasText) {
      report('error', line, column, 'text here continues nothing: start a new element after an empty line');
      return;
    }
    const last = target.texts[target.texts.length - 1]!;
    if (body.text !== '') last.text += ' ' + body.text;
    for (const tag of body.tags) if (!target.tags.includes(tag)) target.tags.push(tag);
    if (body.data) target.data = { ...target.data, ...body.data };
  }

  source.lines.forEach((raw, index) => {
    const line = source.firstLine + index;
    if (multilineInference) {
      if (raw.trim() === '--') {
        const { place, lines } = multilineInference;
        multilineInference = undefined;
        const found: LineProblem[] = [];
        const body = readBody(lines.join(' '), 1, found);
        for (const p of found) report(p.severity, place.line, place.column, p.message);
        startInference(place, body.data, body.text);
      } else multilineInference.lines.push(raw.trim());
      return;
    }
    const content = raw.trim();
    if (content === '') {
      closeBlock();
      return;
    }
    const indentText = /^\s*/.exec(raw)![0];
    const indent = indentText.replace(/\t/g, '    ').length;
    const column = indentText.length + 1;

    const headingMatch = indent === 0 ? /^(#{1,6})\s+(.*)$/.exec(content) : null;
    if (headingMatch) {
      closeBlock();
      pendingArgument = undefined;
      const found: LineProblem[] = [];
      const body = readBody(headingMatch[2]!, headingMatch[1]!.length + 2, found);
      for (const p of found) report(p.severity, line, p.column, p.message);
      if (body.text === '') {
        report('error', line, 1, 'a heading needs a title');
        return;
      }
      heading = headings.length;
      headings.push({
        title: body.text,
        level: headingMatch[1]!.length,
        data: body.data,
        place: { line, column: 1 },
      });
      return;
    }

    const numbered = /^\((\d+)\)\s*/.exec(content);
    if (numbered) {
      if (!pcs) {
        const root = tree[0]?.use;
        let argument = root && entries[root.entry]!.kind === 'argument' ? root.entry : pendingArgument;
        if (argument === undefined) {
          argument = entries.length;
          entries.push({
            kind: 'argument',
            title: undefined,
            texts: [],
            tags: [],
            data: undefined,
            heading,
            place: { line, column },
            definedAt: undefined,
            usedAsNode: false,
            steps: [],
          });
        }
        tree = [];
        pendingArgument = undefined;
        pcsBlock = true;
        pcs = { argument, current: [], expected: 1, pending: undefined };
      }
      const number = Number(numbered[1]);
      if (number !== pcs.expected)
        report('warning', line, column, `(${pcs.expected}) expected here, not (${number})`);
      pcs.expected = number + 1;
      const element = inline(content.slice(numbered[0].length), line, column + numbered[0].length);
      if (!element) return;
      // Argdown itself numbers only statements; an argument here (argmap writes linked premises that
      // include an argument so) is read as that argument.
      const statement = use(element, { line, column });
      if (pcs.pending) {
        const entry = entries[pcs.argument]!;
        entry.steps.push({
          premises: pcs.current,
          conclusion: statement,
          data: pcs.pending.data,
          rule: pcs.pending.rule,
          place: pcs.pending.place,
        });
        relations.push({
          kind: 'inference',
          argument: pcs.argument,
          step: entry.steps.length - 1,
          place: pcs.pending.place,
        });
        pcs.pending = undefined;
        pcs.current = [statement];
      } else pcs.current.push(statement);
      lastWritten = { entry: statement.entry, hasText: element.text !== undefined };
      // Relations indented under a numbered statement are that statement's.
      tree = [{ indent, use: statement }];
      return;
    }

    if (/^-{2,}/.test(content) && !/^-\s/.test(content)) {
      const place = { line, column };
      if (content === '--') multilineInference = { place, lines: [] };
      else if (/^-+$/.test(content)) startInference(place, undefined, '');
      else {
        const oneLine = /^--(.*)--$/.exec(content);
        if (!oneLine) {
          report('error', line, column, 'an inference line is "----", or "-- rules {data} --"');
          return;
        }
        const found: LineProblem[] = [];
        const body = readBody(oneLine[1]!, column + 2, found);
        for (const p of found) report(p.severity, line, p.column, p.message);
        startInference(place, body.data, body.text);
      }
      return;
    }
    const startsElement = content.startsWith('[') || content.startsWith('<');
    const symbolMatch = relationLine.exec(content);
    if (pcs && !symbolMatch && !startsElement) {
      continueText(content, line, column);
      return;
    }
    // A reconstruction goes on past the relations of its statements; anything else ends it.
    if (pcs && !symbolMatch) closePcs();

    if (symbolMatch) {
      const symbol = symbolMatch[1] as RelationSymbol;
      while (tree.length > 0 && tree[tree.length - 1]!.indent >= indent) tree.pop();
      const parent = tree[tree.length - 1];
      const elementColumn = column + symbolMatch[0].length;
      const element = inline(content.slice(symbolMatch[0].length), line, elementColumn);
      if (!element) {
        if (symbolMatch[0].trim() === content)
          report('error', line, elementColumn, `a statement or argument is expected after "${symbol}"`);
        tree.push({ indent, use: undefined });
        return;
      }
      // Kept even when it relates to nothing: what the user wrote is not dropped.
      const child = use(element, { line, column: elementColumn });
      tree.push({ indent, use: child });
      lastWritten = { entry: child.entry, hasText: element.text !== undefined };
      if (!parent) {
        report(
          'error',
          line,
          column,
          `relation "${symbol}" has nothing to relate to: indent it under a statement or argument`,
        );
        return;
      }
      const meaning = symbolMeaning[symbol];
      if (parent.inference) {
        if (meaning.type === 'undercut' && meaning.childIsPremise) {
          const { argument, step } = parent.inference;
          relations.push({
            kind: 'inference-undercut',
            from: child,
            argument,
            step,
            place: { line, column },
          });
        } else
          report('error', line, column, 'only an undercut ("_" or "<_") can stand under an inference line');
        return;
      }
      if (!parent.use) return;
      const [from, to] = meaning.childIsPremise ? [child, parent.use] : [parent.use, child];
      for (const end of meaning.type === 'undercut' ? [from] : [from, to]) {
        const entry = entries[end.entry]!;
        if (entry.kind === 'argument') entry.usedAsNode = true;
      }
      relations.push({ kind: 'tree', type: meaning.type, from, to, place: { line, column } });
      return;
    }

    if (tree.length > 0 && !startsElement) {
      continueText(content, line, column);
      return;
    }

    closeBlock();
    pendingArgument = undefined;
    if (indent > 0 && !startsElement) {
      report('warning', line, column, 'indented text without a relation symbol is read as a new statement');
    }
    const element = inline(content, line, column);
    const top = element ? use(element, { line, column }) : undefined;
    tree = [{ indent, use: top }];
    lastWritten = top && { entry: top.entry, hasText: element?.text !== undefined };
  });
  if (multilineInference) {
    const { line, column } = multilineInference.place;
    report('error', line, column, 'inference opened with "--" is not closed by another "--" line');
  }
  closeBlock();
  return { entries, relations, headings };
}
