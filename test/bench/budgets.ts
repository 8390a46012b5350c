/**
 * The performance budgets (docs/ARCHITECTURE.md, "Performance"), each with the figure this run measured and whether it
 * is met, printed as one table at the end of `npm run bench`. A figure this run did not measure (the browser
 * skipped, dagre not run at 1,000 nodes) is shown as not measured, never as met.
 */

/** What the budgets are checked against; a figure left undefined was not measured in this run. */
export interface BudgetFigures {
  /** Gzip bytes of the JavaScript, CSS and fonts a first visit downloads. */
  readonly firstVisitBytes?: number;
  readonly treninFirstVisitMs?: number;
  readonly treninNextVisitsMs?: number;
  readonly browserPngMs?: number;
  readonly cliValidateMs?: number;
  readonly cliSvgMs?: number;
  readonly cliPngMs?: number;
  readonly layout10000Ms?: number;
  /** dagre's median over ours on 1,000 boxes, both timed in this run. */
  readonly dagreRatio1000?: number;
  /** One evaluation of the 10,000-box map, its inference graph known: a click (docs/EVALUATION.md). */
  readonly evaluate10000Ms?: number;
  /** The same for a map just opened, its graph built first. */
  readonly evaluate10000OpenedMs?: number;
}

interface Budget {
  readonly name: string;
  readonly limit: string;
  readonly figure: (f: BudgetFigures) => number | undefined;
  readonly show: (value: number) => string;
  readonly met: (value: number) => boolean;
}

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
const atMost = (limit: number) => (value: number) => value <= limit;

export const BUDGETS: readonly Budget[] = [
  {
    name: 'first visit: JS + CSS + fonts, gzip',
    limit: '≤ 200 KB',
    figure: (f) => f.firstVisitBytes,
    show: (bytes) => `${(bytes / 1024).toFixed(1)} KB`,
    met: atMost(200 * 1024),
  },
  {
    name: 'Trenin map interactive, first visit',
    limit: '≤ 400 ms',
    figure: (f) => f.treninFirstVisitMs,
    show: ms,
    met: atMost(400),
  },
  {
    name: 'Trenin map interactive, later visits',
    limit: '≤ 200 ms',
    figure: (f) => f.treninNextVisitsMs,
    show: ms,
    met: atMost(200),
  },
  {
    name: 'PNG 2× export of Trenin, browser',
    limit: '≤ 500 ms',
    figure: (f) => f.browserPngMs,
    show: ms,
    met: atMost(500),
  },
  {
    name: 'CLI validate, whole process',
    limit: '≤ 150 ms',
    figure: (f) => f.cliValidateMs,
    show: ms,
    met: atMost(150),
  },
  {
    name: 'CLI SVG of Trenin, whole process',
    limit: '≤ 300 ms',
    figure: (f) => f.cliSvgMs,
    show: ms,
    met: atMost(300),
  },
  {
    name: 'CLI PNG 2× of Trenin, whole process',
    limit: '≤ 1 s',
    figure: (f) => f.cliPngMs,
    show: ms,
    met: atMost(1000),
  },
  {
    name: 'layout of 10,000 boxes, median (laid out again)',
    limit: '≤ 200 ms',
    figure: (f) => f.layout10000Ms,
    show: ms,
    met: atMost(200),
  },
  {
    name: 'layout of 1,000 boxes vs dagre, same run',
    limit: '≥ 100× faster',
    figure: (f) => f.dagreRatio1000,
    show: (ratio) => `${ratio.toFixed(0)}× faster`,
    met: (ratio) => ratio >= 100,
  },
  {
    name: 'evaluation of 10,000 boxes, a click, median',
    limit: '≤ 20 ms',
    figure: (f) => f.evaluate10000Ms,
    show: ms,
    met: atMost(20),
  },
  {
    name: 'evaluation of 10,000 boxes, map just opened',
    limit: '≤ 40 ms',
    figure: (f) => f.evaluate10000OpenedMs,
    show: ms,
    met: atMost(40),
  },
];

/** The table's lines: each budget, its limit, this run's figure and met / NOT met. */
export function budgetTable(figures: BudgetFigures): string[] {
  const rows = BUDGETS.map((budget) => {
    const value = budget.figure(figures);
    const measured = value !== undefined && Number.isFinite(value);
    return [
      budget.name,
      budget.limit,
      measured ? budget.show(value) : '—',
      measured ? (budget.met(value) ? 'met' : 'NOT met') : 'not measured',
    ];
  });
  const header = ['budget', 'limit', 'this run', ''];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
}
