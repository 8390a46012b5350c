/** A problem found in a map: where it is (JSON pointer and/or line:column) and what it is. */

export type Severity = 'error' | 'warning';

export type ProblemCode =
  | 'syntax' // the text is not well-formed JSON / Argdown / AIF
  | 'schema' // a value has the wrong shape or type
  | 'unknown-type' // a node or relation `type` this version does not know
  | 'duplicate-id'
  | 'missing-node' // a reference to a node id that does not exist
  | 'missing-relation' // an undercut aimed at a relation id that does not exist
  | 'undercut-target' // an undercut whose target is a node, not a relation
  | 'empty-text'
  | 'unknown-group'
  | 'group-cycle' // a group that is (indirectly) its own parent
  | 'self-relation' // a node that supports or attacks itself
  | 'quote-not-found'
  | 'implicit-quoted' // an implicit statement with a quote: what the text leaves unstated has no passage
  | 'no-source-text'
  | 'step-paged' // a tour step too large for one projector screen, shown in parts
  | 'limit'; // input too large for the tool to handle safely

export interface Problem {
  readonly severity: Severity;
  readonly code: ProblemCode;
  readonly message: string;
  /** RFC 6901 pointer into the JSON document, when the input is JSON. */
  readonly pointer?: string;
  /** 1-based position in the input text, when known. */
  readonly line?: number;
  readonly column?: number;
  /** The node the problem is about, for the UI to select it. */
  readonly nodeId?: string;
  /** The line that stands for problems left out (`capProblems`): how many errors among them. */
  readonly errorsLeftOut?: number;
}

export const isError = (problem: Problem): boolean => problem.severity === 'error';

/** How many errors a list of problems holds, those a capped list leaves out included. */
export const errorCount = (problems: readonly Problem[]): number =>
  problems.reduce((n, p) => n + (p.errorsLeftOut ?? (isError(p) ? 1 : 0)), 0);

/** Builds an RFC 6901 JSON pointer from path segments. */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** `where: message` as the CLI prints it: `file:line:col: msg` for text positions, `file: /ptr: msg` else. */
export function formatProblem(problem: Problem, file: string): string {
  const level = problem.severity === 'warning' ? 'warning: ' : '';
  if (problem.line !== undefined) {
    const pointer = problem.pointer ? ` ${problem.pointer}:` : '';
    return `${file}:${problem.line}:${problem.column ?? 1}:${pointer} ${level}${problem.message}`;
  }
  if (problem.pointer !== undefined) return `${file}: ${problem.pointer || '/'}: ${level}${problem.message}`;
  return `${file}: ${level}${problem.message}`;
}

/** At most this many problems are kept for a file; one more line says how many were left out. */
export const maxProblems = 1000;

/**
 * The first `max` problems, and a last one that counts the rest: a file with a hundred thousand broken
 * references is reported in a screenful, and placing each problem in the text stays cheap.
 */
export function capProblems(problems: readonly Problem[], max = maxProblems): Problem[] {
  if (problems.length <= max) return [...problems];
  const rest = problems.slice(max);
  const count = rest.length;
  return [
    ...problems.slice(0, max),
    {
      severity: rest.some(isError) ? 'error' : 'warning',
      code: 'limit',
      errorsLeftOut: rest.filter(isError).length,
      message: `… and ${count.toLocaleString('en-US')} more problem${count === 1 ? '' : 's'} (only the first ${max.toLocaleString('en-US')} are listed)`,
    },
  ];
}
