import type { Entry, Place, RelationRecord, Use } from './document.ts';
import type { Data } from './inline.ts';

/**
 * A premise–conclusion structure being read: numbered statements, and inference lines each opening a step
 * that the next numbered statement concludes. The steps are written to the argument's entry as they close.
 */
export class Reconstruction {
  /** Statements since the last inference (the last conclusion included: it may be a premise of the next). */
  private current: Use[] = [];
  private expected = 1;
  /** An inference line read, waiting for its conclusion. */
  private pending:
    { readonly place: Place; readonly data: Data | undefined; readonly rule: string } | undefined;

  constructor(
    readonly argument: number,
    private readonly entry: Entry,
  ) {}

  /** Takes the number of a numbered line; a warning when it is not the one that comes next. */
  numbered(number: number): string | undefined {
    const expected = this.expected;
    this.expected = number + 1;
    return number === expected ? undefined : `(${expected}) expected here, not (${number})`;
  }

  /**
   * A numbered statement: a premise, or the conclusion of the step an inference line opened. Returns the
   * inference a concluded step makes.
   */
  add(statement: Use): RelationRecord | undefined {
    const pending = this.pending;
    if (!pending) {
      this.current.push(statement);
      return undefined;
    }
    const { steps } = this.entry;
    steps.push({
      premises: this.current,
      conclusion: statement,
      data: pending.data,
      rule: pending.rule,
      place: pending.place,
    });
    this.pending = undefined;
    this.current = [statement];
    return { kind: 'inference', argument: this.argument, step: steps.length - 1, place: pending.place };
  }

  /** An inference line: opens the step it returns the index of, or says why it cannot. */
  openStep(
    place: Place,
    data: Data | undefined,
    rule: string,
  ): { readonly step: number } | { readonly error: string } {
    if (this.current.length === 0) return { error: inferenceWithoutPremises };
    if (this.pending) return { error: 'two inference lines in a row: a conclusion is missing' };
    this.pending = { place, data, rule };
    return { step: this.entry.steps.length };
  }

  /** What is wrong with the structure if it ends here. */
  endProblem(): { readonly place: Place; readonly message: string } | undefined {
    if (this.pending)
      return {
        place: this.pending.place,
        message: 'the inference line must be followed by a numbered conclusion',
      };
    if (this.entry.steps.length > 0) return undefined;
    return {
      // No statement could be read at all: the problem is placed before the first line.
      place: this.current[0]?.place ?? { line: 0, column: 1 },
      message: 'numbered statements need an inference line ("----") and a numbered conclusion after it',
    };
  }
}

export const inferenceWithoutPremises = 'an inference line needs numbered premises above it';
