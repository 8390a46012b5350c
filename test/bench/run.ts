/**
 * `npm run bench`: layout speed and drawing quality against dagre (the engine of Argdown and mermaid) and
 * Graphviz dot, side by side in one run on the same synthetic maps; the command line's whole-process times;
 * the built app's figures in headless Chromium; then every budget (docs/ARCHITECTURE.md, "Performance") with
 * this run's figure and met / NOT met. Figures are medians; the ratios are what to compare between machines.
 */
import { benchBrowser, type BrowserFigures } from './browser-bench.ts';
import { budgetTable, type BudgetFigures } from './budgets.ts';
import { cliTimes, type CliTime } from './cli-bench.ts';
import { benchEvaluation } from './evaluate-bench.ts';
import { benchLayout } from './layout-bench.ts';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,3000,10000').split(',').map(Number);
// dagre and Graphviz take minutes each at 10,000 nodes: above 3,000 they are timed only when asked
// (`npm run bench -- --all-peers`, or BENCH_PEERS_UP_TO=N for another bound); otherwise the figures of the last
// run that timed them on the same input and peer version are shown, marked as cached.
const allPeers = process.argv.includes('--all-peers');
// The command line's whole decks (PDF, PowerPoint, a PNG per page) take seconds each and have no
// budget: timed with `--decks`.
const decks = process.argv.includes('--decks');
const peersUpTo = allPeers ? Infinity : Number(process.env.BENCH_PEERS_UP_TO ?? 3000);
// Our layouts are timed over many runs (milliseconds each): on a shared machine a few slow ones, a collection
// or another process's burst, must not move the median that a budget is read from.
const runsFor = (size: number) => {
  const runs =
    size <= 100
      ? { ours: 21, peers: 11 }
      : size <= 1000
        ? { ours: 41, peers: 5 }
        : size <= 3000
          ? { ours: 11, peers: 1 }
          : { ours: 15, peers: 1 };
  return { ours: runs.ours, peers: { runs: size > peersUpTo ? 0 : runs.peers, cached: true } };
};

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0));
const mpx = (area: number) => (area / 1e6).toFixed(1);
const day = (iso: string) => iso.slice(0, 10);

type LayoutResult = Awaited<ReturnType<typeof benchLayout>>;

const started = performance.now();
const figures: BudgetFigures = {
  ...layoutFigures(await benchAllLayouts()),
  ...evaluationFigures(),
  ...(process.env.BENCH_CLI !== '0' ? cliFigures(printCli(cliTimes(decks))) : {}),
  ...(process.env.BENCH_BROWSER !== '0' ? browserFigures(await printBrowser()) : {}),
};

console.log('');
console.log(`Budgets (this run, ${((performance.now() - started) / 60000).toFixed(1)} min)`);
for (const line of budgetTable(figures)) console.log(line);

/** The Evaluate mode: one evaluation of 10,000 boxes, and the Trenin map's critical premises. */
function evaluationFigures(): BudgetFigures {
  const e = benchEvaluation();
  console.log('');
  console.log('Evaluation (grounded statuses, docs/EVALUATION.md), median of 21 runs');
  console.log(
    `evaluate 10,000 boxes: ${fmt(e.evaluate10000Ms)} ms a map just opened; ${fmt(e.evaluate10000ClickMs)} ms a click (a premise rejected)`,
  );
  console.log(
    `critical premises of the Trenin map (${e.treninStatements} statements, one evaluation each): ${fmt(e.treninSensitivityMs)} ms`,
  );
  console.log('');
  return { evaluate10000Ms: e.evaluate10000ClickMs, evaluate10000OpenedMs: e.evaluate10000Ms };
}

async function benchAllLayouts(): Promise<LayoutResult[]> {
  console.log('Layout: synthetic argument maps (seed 42, ~5 % cross-links), median ms over N runs');
  console.log(
    'Crossings: of straight centre-to-centre lines (placement alone), and of the lines as drawn (routing included)',
  );
  console.log(
    'nodes  edges |  argmap ms (N) |   dagre ms (N) | graphviz ms (N) | dagre/argmap | graphviz/argmap | crossings a / d / g |     drawn a / d / g | area Mpx² a / d / g',
  );
  const results: LayoutResult[] = [];
  for (const size of sizes) {
    const r = await benchLayout(size, runsFor(size));
    console.log(layoutRow(r));
    results.push(r);
  }
  const cached = results.flatMap((r) => [r.dagre, r.graphviz]).find((e) => e?.cachedOn);
  if (cached)
    console.log(
      `(cached, <date>): a peer not timed in this run (above ${peersUpTo.toLocaleString('en')} nodes; --all-peers times it), its figures ` +
        'from the last run that did, on the same input',
    );
  console.log('');
  for (const r of results) console.log(summary(r));
  return results;
}

function layoutRow(r: LayoutResult): string {
  type Engine = NonNullable<LayoutResult['dagre']>;
  const peer = (e: Engine | undefined, f: (e: Engine) => string) => (e ? f(e) : '—');
  const timed = (e: Engine) =>
    e.cachedOn ? `${fmt(e.medianMs)} (cached, ${day(e.cachedOn)})` : `${fmt(e.medianMs)} (${e.runs})`;
  const triple = (f: (e: Engine) => string) =>
    `${f(r.ours)} / ${peer(r.dagre, f)} / ${peer(r.graphviz, f)}`.padStart(19);
  return [
    `${String(r.size).padStart(5)} ${String(r.edges).padStart(6)}`,
    `${fmt(r.ours.medianMs).padStart(10)} (${r.ours.runs})`.padStart(15),
    peer(r.dagre, timed).padStart(15),
    peer(r.graphviz, timed).padStart(16),
    peer(r.dagre, (e) => `${(e.medianMs / r.ours.medianMs).toFixed(0)}×`).padStart(12),
    peer(r.graphviz, (e) => `${(e.medianMs / r.ours.medianMs).toFixed(0)}×`).padStart(15),
    triple((e) => String(e.crossings)),
    triple((e) => String(e.drawnCrossings)),
    triple((e) => mpx(e.area)),
  ].join(' | ');
}

/** One line per size: the ratios to the peers (cached ones said so). */
function summary(r: LayoutResult): string {
  const parts = [
    `layout ${r.size} nodes: ${fmt(r.ours.medianMs)} ms (${fmt(r.firstMs)} ms a first layout, no box measured before)`,
  ];
  const ratio = (name: string, e: LayoutResult['dagre']) =>
    e &&
    parts.push(
      `${(e.medianMs / r.ours.medianMs).toFixed(0)}× faster than ${name}` +
        (e.cachedOn ? ` (cached, ${day(e.cachedOn)})` : ''),
    );
  ratio('dagre', r.dagre);
  ratio('Graphviz', r.graphviz);
  if (r.dagre)
    parts.push(
      `crossings ${(r.ours.crossings / Math.max(1, r.dagre.crossings)).toFixed(2)}× dagre's ` +
        `(drawn lines: ${(r.ours.drawnCrossings / Math.max(1, r.dagre.drawnCrossings)).toFixed(2)}×)`,
    );
  return parts.join('; ');
}

function layoutFigures(results: readonly LayoutResult[]): BudgetFigures {
  const at = (size: number) => results.find((r) => r.size === size);
  const thousand = at(1000);
  // The ratio budget compares two timings of this run: a cached dagre figure does not count.
  const dagre = thousand?.dagre && !thousand.dagre.cachedOn ? thousand.dagre : undefined;
  return {
    layout10000Ms: at(10000)?.ours.medianMs,
    dagreRatio1000: dagre && thousand ? dagre.medianMs / thousand.ours.medianMs : undefined,
  };
}

/** The command line, as a user runs it: the whole process, start to file. */
function printCli(times: CliTime[] | undefined): CliTime[] | undefined {
  if (!times) {
    console.log('\nCommand line figures skipped: the CLI is not built (npm run build:cli).');
    return undefined;
  }
  console.log('');
  console.log('Command line (node dist/cli/argmap.js, whole process, median of N runs)');
  for (const t of times) console.log(`${t.what.padEnd(44)} ${fmt(t.ms).padStart(8)} ms (${t.runs})`);
  if (!decks) console.log('(the decks as PDF, PowerPoint and PNG per page: npm run bench -- --decks)');
  return times;
}

function cliFigures(times: CliTime[] | undefined): BudgetFigures {
  const of = (task: CliTime['task']) => times?.find((t) => t.task === task)?.ms;
  return { cliValidateMs: of('validate'), cliSvgMs: of('svg'), cliPngMs: of('png') };
}

/** Browser figures (BENCH_BROWSER=0 skips them): the built app in headless Chromium. */
async function printBrowser(): Promise<BrowserFigures | undefined> {
  const browserSizes = (process.env.BENCH_BROWSER_SIZES ?? '1000,3000,10000').split(',').map(Number);
  const figures = await benchBrowser(browserSizes, decks);
  if (!figures) return undefined;
  console.log('');
  console.log('Browser (headless Chromium, built app)');
  console.log('map                          | boxes  | interactive ms');
  for (const f of figures.interactive)
    console.log(`${f.name.padEnd(28)} | ${String(f.boxes).padStart(6)} | ${fmt(f.ms).padStart(10)}`);
  console.log(`Trenin map painted, first visit (before any script): ${fmt(figures.firstPaintMs)} ms`);
  console.log(
    'pan/zoom gesture             | in view | with text | work p50 ms | work p95 ms | interval p95 ms | late / frames',
  );
  for (const f of figures.frames)
    console.log(
      [
        f.name.padEnd(28),
        String(f.inView).padStart(7),
        String(f.withText).padStart(9),
        fmt(f.workP50).padStart(11),
        fmt(f.workP95).padStart(11),
        fmt(f.intervalP95).padStart(15),
        `${f.late} / ${f.frames}`.padStart(13),
      ].join(' | '),
    );
  if (figures.collapse)
    console.log(
      `collapse / expand a subtree of ${figures.collapse.hidden} boxes: ${fmt(figures.collapse.collapseMs)} ms / ${fmt(figures.collapse.expandMs)} ms`,
    );
  if (figures.pngMs !== undefined)
    console.log(
      `PNG 2× export of the Trenin map (median of 3): ${fmt(figures.pngMs)} ms; the page's first: ${fmt(figures.firstPngMs ?? NaN)} ms`,
    );
  if (figures.deckMs !== undefined)
    console.log(`PDF deck of the Trenin tour (Export menu, click to file): ${fmt(figures.deckMs)} ms`);
  if (figures.pptxMs !== undefined)
    console.log(`PowerPoint deck of the Trenin tour (Export menu, click to file): ${fmt(figures.pptxMs)} ms`);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const v = figures.firstVisit;
  console.log(
    `First visit downloads (gzip): JavaScript ${kb(v.js)} KB, CSS ${kb(v.css)} KB, fonts ${kb(v.fonts)} KB; ` +
      `all the app's JavaScript, loaded as needed: ${kb(figures.bundle.allGzip)} KB`,
  );
  console.log('');
  for (const line of browserSummary(figures)) console.log(line);
  return figures;
}

/** The browser's figures that have budgets of their own, beyond the table's (large maps, frames). */
function browserSummary(figures: BrowserFigures): string[] {
  const largest = figures.interactive[figures.interactive.length - 1]!;
  const dense = figures.frames.find((f) => f.inView >= 2000 && f.name.startsWith('2,000'));
  const readable = figures.frames.reduce<(typeof figures.frames)[number] | undefined>(
    (best, f) => (f.withText > (best?.withText ?? 0) ? f : best),
    undefined,
  );
  const budget = (ms: number, limit: number) => (ms < limit ? 'met' : 'NOT met');
  return [
    `${largest.name} interactive: ${fmt(largest.ms)} ms; budget < 3000 ms: ${largest.boxes >= 10000 ? budget(largest.ms, 3000) : 'not measured at 10,000'}`,
    dense
      ? `pan/zoom with ${dense.inView} boxes in view (sketched: too small to read): p95 ${fmt(dense.workP95)} ms ` +
        `of work per frame (${dense.late} of ${dense.frames} frames late); budget < 16.7 ms: ${budget(dense.workP95, 16.7)}`
      : 'pan/zoom at 2,000 boxes in view: not measured',
    ...(readable
      ? [
          `pan/zoom with the most boxes drawn with text (${readable.withText}): p95 ${fmt(readable.workP95)} ms ` +
            `of work per frame (${readable.late} of ${readable.frames} frames late)`,
        ]
      : []),
  ];
}

function browserFigures(figures: BrowserFigures | undefined): BudgetFigures {
  if (!figures) return {};
  const v = figures.firstVisit;
  return {
    firstVisitBytes: v.js + v.css + v.fonts,
    treninFirstVisitMs: figures.interactive[0]?.ms,
    treninNextVisitsMs: figures.interactive[1]?.ms,
    browserPngMs: figures.pngMs,
  };
}
