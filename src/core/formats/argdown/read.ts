import type { ArgdownDocument, Heading, Place, RelationRecord, Use } from './document.ts';
import { EntryTable } from './entry-table.ts';
import {
  parseInline,
  readBody,
  type Body,
  type Data,
  type InlineElement,
  type LineProblem,
} from './inline.ts';
import { tokenizeLine, type LineToken } from './line-tokens.ts';
import {
  betweenBlocks,
  type BetweenBlocks,
  type BlockMode,
  type InBlock,
  type InInferenceLines,
  type InReconstruction,
  type InRelationTree,
  type Mode,
  type Written,
} from './reader-modes.ts';
import { inferenceWithoutPremises, Reconstruction } from './reconstruction.ts';
import { RelationTree, relationUnder } from './relation-tree.ts';
import type { SourceLines, SourceProblem } from './source-lines.ts';

/**
 * First stage of the Argdown reader: a line reader. Each line is made a token (`line-tokens.ts`) and read by
 * the method for its kind, in the mode the lines before it left (`reader-modes.ts`); the method returns the
 * mode for the next line. Errors are collected and reading goes on with the next line, so that one pass
 * reports every error of a file.
 */
export function readDocument(source: SourceLines, problems: SourceProblem[]): ArgdownDocument {
  const reader = new LineReader(problems);
  let mode: Mode = betweenBlocks(undefined);
  source.lines.forEach((raw, index) => {
    if (!source.commentOnly.has(index)) mode = reader.line(mode, raw, source.firstLine + index);
  });
  return reader.end(mode);
}

type Token<K extends LineToken['kind']> = Extract<LineToken, { kind: K }>;

class LineReader {
  private readonly entries = new EntryTable();
  private readonly relations: RelationRecord[] = [];
  private readonly headings: Heading[] = [];
  /** The heading on the line before: a line of plain text goes on with its title, as Argdown wraps them. */
  private openHeading: number | undefined;

  constructor(private readonly problems: SourceProblem[]) {}

  line(mode: Mode, raw: string, line: number): Mode {
    if (mode.kind === 'inference-lines') return this.inferenceLinesLine(mode, raw);
    const token = tokenizeLine(raw, line);
    const heading = this.openHeading;
    this.openHeading = undefined;
    switch (token.kind) {
      case 'blank':
        return this.closeBlock(mode);
      case 'heading':
        return this.headingLine(mode, token);
      case 'numbered':
        return this.numberedLine(mode, token);
      case 'inference':
        return this.inferenceLine(mode, token);
      case 'relation':
        return this.relationLine(mode, token);
      case 'text':
        if (heading !== undefined && mode.kind === 'between-blocks' && !token.startsElement)
          return this.continueHeading(heading, token, mode);
        return this.textLine(mode, token);
    }
  }

  end(mode: Mode): ArgdownDocument {
    if (mode.kind === 'inference-lines') {
      const { line, column } = mode.place;
      this.report('error', line, column, 'inference opened with "--" is not closed by another "--" line');
    }
    this.closeBlock(mode.kind === 'inference-lines' ? mode.within : mode);
    return { entries: this.entries.entries, relations: this.relations, headings: this.headings };
  }

  private headingLine(mode: BlockMode, token: Token<'heading'>): BetweenBlocks {
    this.closeBlock(mode);
    const body = this.body(token.title, token.line, token.level + 2);
    if (body.text === '') this.report('error', token.line, 1, 'a heading needs a title');
    else {
      this.entries.heading = this.headings.length;
      const place = { line: token.line, column: 1 };
      this.headings.push({ title: body.text, level: token.level, data: body.data, place });
      this.openHeading = this.headings.length - 1;
    }
    // A heading starts a section: no argument above it is reconstructed below it.
    return betweenBlocks(undefined);
  }

  private continueHeading(index: number, token: Token<'text'>, mode: BetweenBlocks): BetweenBlocks {
    const body = this.body(token.content, token.line, token.column);
    const heading = this.headings[index]!;
    const data = body.data ? { ...heading.data, ...body.data } : heading.data;
    this.headings[index] = { ...heading, title: `${heading.title} ${body.text}`.trim(), data };
    this.openHeading = index;
    return mode;
  }

  private numberedLine(mode: BlockMode, token: Token<'numbered'>): InReconstruction {
    const { line, column } = token;
    const into = mode.kind === 'reconstruction' ? mode : this.openReconstruction(mode, token);
    const misnumbered = into.reconstruction.numbered(token.number);
    if (misnumbered) this.report('warning', line, column, misnumbered);
    const element = this.inline(token.element, line, token.elementColumn);
    if (!element) return into;
    // Argdown itself numbers only statements; an argument here (argmap writes linked premises that include
    // an argument so) is read as that argument.
    const statement = this.entries.use(element, { line, column });
    const inference = into.reconstruction.add(statement);
    if (inference) this.relations.push(inference);
    into.lastWritten = written(statement, element);
    // Relations indented under a numbered statement are that statement's.
    into.tree = new RelationTree({ indent: token.indent, use: statement });
    return into;
  }

  /** The first numbered line of a block: it reconstructs the block's argument, or the one above, or a new one. */
  private openReconstruction(
    mode: BetweenBlocks | InRelationTree,
    token: Token<'numbered'>,
  ): InReconstruction {
    const root = mode.kind === 'relation-tree' ? mode.tree.root : undefined;
    const argument =
      (this.entries.isArgument(root) ? root.entry : mode.argumentAbove) ??
      this.entries.untitledArgument({ line: token.line, column: token.column });
    return {
      kind: 'reconstruction',
      reconstruction: new Reconstruction(argument, this.entries.entries[argument]!),
      tree: new RelationTree(),
      lastWritten: mode.kind === 'relation-tree' ? mode.lastWritten : undefined,
    };
  }

  private inferenceLine(mode: BlockMode, token: Token<'inference'>): Mode {
    const place = { line: token.line, column: token.column };
    switch (token.form) {
      case 'opens-lines':
        return { kind: 'inference-lines', place, lines: [], within: mode };
      case 'dashes':
        return this.startInference(mode, place, undefined, '');
      case 'one-line': {
        const body = this.body(token.body, token.line, token.column + 2);
        return this.startInference(mode, place, body.data, body.text);
      }
      case 'malformed':
        this.report(
          'error',
          token.line,
          token.column,
          'an inference line is "----", or "-- rules {data} --"',
        );
        return mode;
    }
  }

  private inferenceLinesLine(mode: InInferenceLines, raw: string): Mode {
    if (raw.trim() !== '--') {
      mode.lines.push(raw.trim());
      return mode;
    }
    const found: LineProblem[] = [];
    const body = readBody(mode.lines.join(' '), 1, found);
    // Columns in the joined lines are no columns of the file: the problems are placed at the opening line.
    for (const p of found) this.report(p.severity, mode.place.line, mode.place.column, p.message);
    return this.startInference(mode.within, mode.place, body.data, body.text);
  }

  private startInference(mode: BlockMode, place: Place, data: Data | undefined, rule: string): BlockMode {
    if (mode.kind !== 'reconstruction') {
      this.report('error', place.line, place.column, inferenceWithoutPremises);
      return mode;
    }
    const opened = mode.reconstruction.openStep(place, data, rule);
    if ('error' in opened) {
      this.report('error', place.line, place.column, opened.error);
      return mode;
    }
    // Undercuts indented under the inference line attack the step it opens.
    const inference = { argument: mode.reconstruction.argument, step: opened.step };
    mode.tree = new RelationTree({ indent: place.column - 1, use: undefined, inference });
    return mode;
  }

  private relationLine(mode: BlockMode, token: Token<'relation'>): InBlock {
    const { line, column, indent, symbol } = token;
    // Between blocks a relation relates to nothing, but starts a block that lines may go under.
    const block: InBlock =
      mode.kind === 'between-blocks'
        ? {
            kind: 'relation-tree',
            tree: new RelationTree(),
            lastWritten: undefined,
            argumentAbove: mode.argumentAbove,
          }
        : mode;
    const parent = block.tree.parentAt(indent);
    const { element, details } = relationData(this.inline(token.element, line, token.elementColumn));
    if (!element) {
      const expected = `a statement or argument is expected after "${symbol}"`;
      if (token.bare) this.report('error', line, token.elementColumn, expected);
      block.tree.open({ indent, use: undefined });
      return block;
    }
    // Kept even when it relates to nothing: what the user wrote is not dropped.
    const child = this.entries.use(element, { line, column: token.elementColumn });
    block.tree.open({ indent, use: child });
    block.lastWritten = written(child, element);
    const relation = parent
      ? relationUnder(parent, child, symbol, { line, column })
      : { error: `relation "${symbol}" has nothing to relate to: indent it under a statement or argument` };
    if (relation === undefined) return block;
    if ('error' in relation) {
      this.report('error', line, column, relation.error);
      return block;
    }
    if (relation.kind === 'tree') {
      this.entries.drawAsNode(relation.from);
      if (relation.type !== 'undercut') this.entries.drawAsNode(relation.to);
    }
    this.relations.push(relation.kind === 'tree' && details ? { ...relation, details } : relation);
    return block;
  }

  private textLine(mode: BlockMode, token: Token<'text'>): InBlock {
    const { line, column } = token;
    if (mode.kind !== 'between-blocks' && !token.startsElement) {
      this.continueText(mode, token);
      return mode;
    }
    this.closeBlock(mode);
    if (token.indent > 0 && !token.startsElement && !token.listItem)
      this.report(
        'warning',
        line,
        column,
        'indented text without a relation symbol is read as a new statement',
      );
    const element = this.inline(token.content, line, column);
    const top = element ? this.entries.use(element, { line, column }) : undefined;
    return {
      kind: 'relation-tree',
      tree: new RelationTree({ indent: token.indent, use: top }),
      lastWritten: top && written(top, element!),
      argumentAbove: undefined,
    };
  }

  /** A line that goes on with the text of the element written above it (or gives it, after `[Title]:`). */
  private continueText(mode: InBlock, token: Token<'text'>): void {
    const body = this.body(token.content, token.line, token.column);
    const lastWritten = mode.lastWritten;
    if (lastWritten?.textFollows && body.text !== '') {
      this.entries.continueText(lastWritten.entry, body, { line: token.line, column: token.column });
      mode.lastWritten = { entry: lastWritten.entry, hasText: true };
    } else if (lastWritten?.hasText) this.entries.continueText(lastWritten.entry, body);
    else {
      const message = 'text here continues nothing: start a new element after an empty line';
      this.report('error', token.line, token.column, message);
    }
  }

  /**
   * Ends the block being read. An argument block (with or without its relations) may be followed by its
   * reconstruction after blank lines; a reconstruction that ends here must be complete.
   */
  private closeBlock(mode: BlockMode): BetweenBlocks {
    switch (mode.kind) {
      case 'between-blocks':
        return mode;
      case 'reconstruction': {
        const problem = mode.reconstruction.endProblem();
        if (problem) this.report('error', problem.place.line, problem.place.column, problem.message);
        return betweenBlocks(undefined);
      }
      case 'relation-tree': {
        const root = mode.tree.root;
        return betweenBlocks(this.entries.isArgument(root) ? root.entry : undefined);
      }
    }
  }

  private inline(content: string, line: number, column: number): InlineElement | undefined {
    const found: LineProblem[] = [];
    const element = parseInline(content, column, found);
    for (const p of found) this.report(p.severity, line, p.column, p.message);
    return element;
  }

  private body(raw: string, line: number, column: number): Body {
    const found: LineProblem[] = [];
    const body = readBody(raw, column, found);
    for (const p of found) this.report(p.severity, line, p.column, p.message);
    return body;
  }

  private report(severity: 'error' | 'warning', line: number, column: number, message: string): void {
    this.problems.push({ severity, line, column, message });
  }
}

const written = (use: Use, element: InlineElement): Written => ({
  entry: use.entry,
  hasText: element.text !== undefined,
  ...(element.textFollows ? { textFollows: true } : {}),
});

/**
 * `{relation: {…}}` in the data of a relation line's element holds the relation's own id, tags, note and
 * other keys (Argdown has no data for relations; its tools keep the key as the element's data).
 */
function relationData(element: InlineElement | undefined): {
  element: InlineElement | undefined;
  details: Readonly<Record<string, unknown>> | undefined;
} {
  const data = element?.data;
  if (!data || !Object.prototype.hasOwnProperty.call(data, 'relation'))
    return { element, details: undefined };
  const { relation, ...rest } = data;
  const details =
    relation !== null && typeof relation === 'object' && !Array.isArray(relation)
      ? (relation as Record<string, unknown>)
      : undefined;
  return { element: { ...element!, data: Object.keys(rest).length > 0 ? rest : undefined }, details };
}
