import fc from 'fast-check';

/**
 * Small Argdown documents generated from the grammar: statement and argument definitions and references,
 * untitled statements, relation trees with every relation symbol in both directions (nested, with
 * comments between their lines), premise–conclusion structures of one or more steps under an argument's
 * title (with rules and relations of their statements), undercuts of reconstructed arguments, headings
 * (some wrapped over two lines), tags and front matter, some in strict mode (`model: {mode: strict}`, where
 * relations between statements mean entails and contrary). They stay within what both argmap and Argdown's reference read the same: no
 * relation twice between the same two elements, and no relation between an argument and the statements
 * of its own reconstruction.
 */

const statementTitles = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'];
const argumentTitles = ['First argument', 'Second argument', 'Third argument'];
const words = ['trust', 'reform', 'the council', 'prices', 'safety', 'costs'];
const symbols = ['+', '-', '<+', '<-', '+>', '->', '><'] as const;
const treeSymbols = ['+', '-', '<+', '<-', '+>', '->'] as const;
type Symbol = (typeof treeSymbols)[number];

type Element =
  | { readonly kind: 'statement'; readonly title: string; readonly define: boolean; readonly tag: boolean }
  | { readonly kind: 'untitled' }
  | { readonly kind: 'argument'; readonly title: string };

const element: fc.Arbitrary<Element> = fc.oneof(
  fc.record({
    kind: fc.constant('statement' as const),
    title: fc.constantFrom(...statementTitles),
    define: fc.boolean(),
    tag: fc.boolean(),
  }),
  fc.constant({ kind: 'untitled' as const }),
  fc.record({ kind: fc.constant('argument' as const), title: fc.constantFrom(...argumentTitles) }),
);

interface Child {
  readonly symbol: (typeof symbols)[number] | '_';
  readonly element: Element;
  readonly comment: boolean;
  readonly children: readonly Child[];
}

const child: fc.Arbitrary<Child> = fc.letrec<{ child: Child }>((tie) => ({
  child: fc.record({
    symbol: fc.constantFrom(...symbols),
    element,
    comment: fc.boolean(),
    children: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant([]),
      fc.array(tie('child'), { maxLength: 2 }),
    ),
  }),
})).child;

type Block =
  | { readonly kind: 'element'; readonly element: Element }
  | { readonly kind: 'tree'; readonly root: Element; readonly children: readonly Child[] }
  | {
      readonly kind: 'reconstruction';
      readonly argument: string;
      readonly steps: readonly {
        readonly premises: readonly Element[];
        readonly rule: boolean;
        /** A relation of the first premise and of the conclusion to a new statement, on a line under it. */
        readonly related: readonly (Symbol | undefined)[];
      }[];
      readonly undercut: boolean;
      readonly attack: boolean;
    }
  | { readonly kind: 'heading'; readonly level: number; readonly title: string; readonly wrapped: boolean }
  | { readonly kind: 'comment' };

const pcsStatement: fc.Arbitrary<Element> = fc.oneof(
  fc.record({
    kind: fc.constant('statement' as const),
    title: fc.constantFrom(...statementTitles),
    define: fc.boolean(),
    tag: fc.constant(false),
  }),
  fc.constant({ kind: 'untitled' as const }),
);

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constant('element' as const), element }),
  fc.record({
    kind: fc.constant('tree' as const),
    root: element,
    children: fc.array(child, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('reconstruction' as const),
    argument: fc.constantFrom(...argumentTitles),
    steps: fc.array(
      fc.record({
        premises: fc.array(pcsStatement, { minLength: 1, maxLength: 3 }),
        rule: fc.boolean(),
        related: fc.tuple(
          fc.option(fc.constantFrom(...treeSymbols), { nil: undefined }),
          fc.option(fc.constantFrom(...treeSymbols), { nil: undefined }),
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    undercut: fc.boolean(),
    attack: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('heading' as const),
    level: fc.integer({ min: 1, max: 2 }),
    title: fc.constantFrom('Costs', 'Benefits', 'Open questions'),
    wrapped: fc.boolean(),
  }),
  fc.constant({ kind: 'comment' as const }),
);

/** A generated document: its text, from blocks written one after another. */
export const arbitraryArgdown: fc.Arbitrary<string> = fc
  .record({
    frontMatter: fc.boolean(),
    strict: fc.boolean(),
    blocks: fc.array(block, { minLength: 1, maxLength: 8 }),
  })
  .map(({ frontMatter, strict, blocks }) => new Writer().document(frontMatter, strict, blocks));

/** Writes blocks as text, keeping what the two readers must agree on: see the module comment. */
class Writer {
  private untitled = 0;
  private readonly pairs = new Set<string>();
  /** The statements of each argument's reconstruction: no relation may join them to it. */
  private readonly own = new Map<string, Set<string>>();
  private readonly reconstructed = new Set<string>();
  private readonly arguments = new Set<string>();

  document(frontMatter: boolean, strict: boolean, blocks: readonly Block[]): string {
    // Reconstructions first in thought: which statements are an argument's own decides which relations may be.
    const parts = blocks.map((b) => this.block(b)).filter((p) => p !== '');
    const defined = [...this.arguments].map((a, i) => `<${a}>: ${words[i % words.length]} matters.`);
    const settings = [
      ...(frontMatter ? ['title: Generated'] : []),
      ...(strict ? ['model:\n  mode: strict'] : []),
    ];
    const header = settings.length > 0 ? [`===\n${settings.join('\n')}\n===`] : [];
    // A document of comments and headings only is empty: the reference reports it as an error.
    return [...header, ...parts, ...defined, '[Omega]: omega holds.'].join('\n\n') + '\n';
  }

  private block(b: Block): string {
    switch (b.kind) {
      case 'element':
        return this.element(b.element).text;
      case 'tree':
        return this.tree(b.root, b.children);
      case 'reconstruction':
        return this.reconstruction(b);
      case 'heading':
        // A wrapped heading goes on on the next line.
        return `${'#'.repeat(b.level)} ${b.title}${b.wrapped ? '\nof the debate' : ''}`;
      case 'comment':
        return '// a comment between blocks';
    }
  }

  /** The element's text and the key it is told apart by. */
  private element(e: Element): { text: string; key: string } {
    if (e.kind === 'untitled') {
      this.untitled++;
      return { text: `Plain claim ${this.untitled}.`, key: `u${this.untitled}` };
    }
    if (e.kind === 'argument') {
      this.arguments.add(e.title);
      return { text: `<${e.title}>`, key: `<${e.title}>` };
    }
    const text = e.define ? `: ${e.title.toLowerCase()} holds.${e.tag ? ' #key' : ''}` : '';
    return { text: `[${e.title}]${text}`, key: `[${e.title}]` };
  }

  private tree(root: Element, children: readonly Child[]): string {
    const top = this.element(root);
    const lines = [top.text];
    const visit = (parent: string, list: readonly Child[], depth: number) => {
      for (const c of list) {
        // Argdown's contradictions are between statements only.
        const argumentEnd = c.element.kind === 'argument' || parent.startsWith('<');
        if (argumentEnd && c.symbol === '><') continue;
        const preview = c.element.kind === 'untitled' ? `u${this.untitled + 1}` : this.keyOf(c.element);
        if (!this.mayRelate(parent, preview)) continue;
        const written = this.element(c.element);
        this.pairs.add(pair(parent, written.key));
        if (c.comment) lines.push(`${'  '.repeat(depth)}// a comment inside the tree`);
        lines.push(`${'  '.repeat(depth)}${c.symbol} ${written.text}`);
        visit(written.key, c.children, depth + 1);
      }
    };
    visit(top.key, children, 1);
    return lines.join('\n');
  }

  private keyOf(e: Element): string {
    return e.kind === 'argument' ? `<${e.title}>` : e.kind === 'statement' ? `[${e.title}]` : '';
  }

  /**
   * No relation twice, none between an argument and its own statements, and none that the reference would
   * drop as following from another: it leaves out a relation of an element to an argument when the element
   * has a relation to one of the argument's statements.
   */
  private mayRelate(a: string, b: string): boolean {
    if (a === b || this.pairs.has(pair(a, b))) return false;
    if (this.own.get(a)?.has(b) || this.own.get(b)?.has(a)) return false;
    const explained = (x: string, y: string): boolean =>
      [...(this.own.get(y) ?? [])].some((s) => this.pairs.has(pair(x, s))) ||
      [...this.own].some(([argument, own]) => own.has(y) && this.pairs.has(pair(x, argument)));
    return !explained(a, b) && !explained(b, a);
  }

  /** A relation of a numbered statement to a new untitled one, which nothing else relates to. */
  private relatedLine(symbol: Symbol | undefined): string[] {
    return symbol === undefined ? [] : [`  ${symbol} ${this.element({ kind: 'untitled' }).text}`];
  }

  private reconstruction(b: Extract<Block, { kind: 'reconstruction' }>): string {
    if (this.reconstructed.has(b.argument)) return '';
    const argument = `<${b.argument}>`;
    const own = new Set<string>();
    const lines: string[] = [];
    let n = 0;
    const number = (e: Element): string | undefined => {
      const key = e.kind === 'untitled' ? `u${this.untitled + 1}` : this.keyOf(e);
      if (own.has(key) || this.pairs.has(pair(argument, key))) return undefined;
      for (const p of this.pairs) {
        const [x, y] = p.split('|');
        const partner = x === key ? y : y === key ? x : undefined;
        if (partner !== undefined && this.pairs.has(pair(partner, argument))) return undefined;
      }
      own.add(key);
      return `(${++n}) ${this.element(e).text}`;
    };
    b.steps.forEach((step) => {
      const premises = step.premises.flatMap((p) => number(p) ?? []);
      lines.push(
        ...premises.slice(0, 1),
        ...this.relatedLine(premises.length > 0 ? step.related[0] : undefined),
      );
      lines.push(...premises.slice(1));
      if (lines.length === 0) return;
      lines.push(step.rule ? '-- Modus ponens {uses: [1, 2]} --' : '----');
      const conclusion = number({ kind: 'untitled' });
      lines.push(conclusion!, ...this.relatedLine(step.related[1]));
    });
    if (lines.length === 0) return '';
    this.reconstructed.add(b.argument);
    this.arguments.add(b.argument);
    this.own.set(argument, own);
    // An undercut of the argument, in a tree of its own under the argument's title.
    const undercuts = b.undercut && !this.pairs.has(pair(argument, '[Undercutter]'));
    if (undercuts) this.pairs.add(pair(argument, '[Undercutter]'));
    const undercut = undercuts ? `\n\n${argument}\n  _ [Undercutter]: the rule fails here.` : '';
    return `${argument}\n\n${lines.join('\n')}${undercut}`;
  }
}

const pair = (a: string, b: string): string => [a, b].sort().join('|');
