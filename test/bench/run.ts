/**
 * `npm run bench`: layout speed and drawing quality against dagre (the engine of Argdown and mermaid) and
 * Graphviz dot, side by side in one run on the same synthetic maps. Figures are medians; the ratios are
 * what to compare between machines.
 */
import { benchBrowser } from './browser-bench.ts';
import { cliExportTimes } from './cli-bench.ts';
import { benchLayout } from './layout-bench.ts';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,3000,10000').split(',').map(Number);
// dagre and Graphviz are timed up to 3,000 nodes unless BENCH_PEERS_UP_TO says more: at 10,000 nodes they take
// minutes each (BENCH_PEERS_UP_TO=10000 runs them there too).
const peersUpTo = Number(process.env.BENCH_PEERS_UP_TO ?? 3000);
const runsFor = (size: number) => {
  const runs =
    size <= 100 ? { ours: 21, peers: 11 } : size <= 1000 ? { ours: 11, peers: 3 } : { ours: 7, peers: 1 };
  return size > peersUpTo ? { ...runs, peers: 0 } : runs;
};

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0));
const mpx = (area: number) => (area / 1e6).toFixed(1);

console.log('Layout: synthetic argument maps (seed 42, ~5 % cross-links), median ms over N runs');
console.log(
  'Crossings: of straight centre-to-centre lines (placement alone), and of the lines as drawn (routing included)',
);
console.log(
  'nodes  edges |  argmap ms (N) |   dagre ms (N) | graphviz ms (N) | dagre/argmap | graphviz/argmap | crossings a / d / g |     drawn a / d / g | area Mpx² a / d / g',
);
const summaries: string[] = [];
for (const size of sizes) {
  const r = await benchLayout(size, runsFor(size));
  const peer = (e: typeof r.dagre, f: (e: NonNullable<typeof r.dagre>) => string) => (e ? f(e) : '—');
  console.log(
    [
      `${String(size).padStart(5)} ${String(r.edges).padStart(6)}`,
      `${fmt(r.ours.medianMs).padStart(10)} (${r.ours.runs})`.padStart(15),
      peer(r.dagre, (e) => `${fmt(e.medianMs).padStart(10)} (${e.runs})`).padStart(15),
      peer(r.graphviz, (e) => `${fmt(e.medianMs).padStart(11)} (${e.runs})`).padStart(16),
      peer(r.dagre, (e) => `${(e.medianMs / r.ours.medianMs).toFixed(0)}×`).padStart(12),
      peer(r.graphviz, (e) => `${(e.medianMs / r.ours.medianMs).toFixed(0)}×`).padStart(15),
      `${r.ours.crossings} / ${peer(r.dagre, (e) => String(e.crossings))} / ${peer(r.graphviz, (e) => String(e.crossings))}`.padStart(
        19,
      ),
      `${r.ours.drawnCrossings} / ${peer(r.dagre, (e) => String(e.drawnCrossings))} / ${peer(r.graphviz, (e) => String(e.drawnCrossings))}`.padStart(
        19,
      ),
      `${mpx(r.ours.area)} / ${peer(r.dagre, (e) => mpx(e.area))} / ${peer(r.graphviz, (e) => mpx(e.area))}`.padStart(
        19,
      ),
    ].join(' | '),
  );
  summaries.push(summary(r));
}

// The command line, as a user runs it: the whole process, start to file.
const cli = cliExportTimes();
if (cli) {
  console.log('');
  console.log('Command line (node dist/cli/argmap.js, whole process, median of 3)');
  for (const [what, ms] of cli) console.log(`${what.padEnd(44)} ${fmt(ms).padStart(8)} ms`);
}

// Browser figures (BENCH_BROWSER=0 skips them): the built app in headless Chromium.
if (process.env.BENCH_BROWSER !== '0') {
  const browserSizes = (process.env.BENCH_BROWSER_SIZES ?? '1000,3000,10000').split(',').map(Number);
  const figures = await benchBrowser(browserSizes);
  if (figures) {
    console.log('');
    console.log('Browser (headless Chromium, built app)');
    console.log('map                          | boxes  | interactive ms');
    for (const f of figures.interactive)
      console.log(`${f.name.padEnd(28)} | ${String(f.boxes).padStart(6)} | ${fmt(f.ms).padStart(10)}`);
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
    if (figures.pngMs !== undefined) console.log(`PNG 2× export of the Trenin map: ${fmt(figures.pngMs)} ms`);
    if (figures.deckMs !== undefined)
      console.log(`PDF deck of the Trenin tour (Export menu, click to file): ${fmt(figures.deckMs)} ms`);
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    console.log(
      `JavaScript of a first visit: ${kb(figures.bundle.entryGzip)} KB gzip (all chunks, loaded as needed: ${kb(figures.bundle.allGzip)} KB)`,
    );

    const [firstVisit, nextVisits] = figures.interactive;
    const largest = figures.interactive[figures.interactive.length - 1]!;
    const dense = figures.frames.find((f) => f.inView >= 2000 && f.name.startsWith('2,000'));
    const readable = figures.frames.reduce<(typeof figures.frames)[number] | undefined>(
      (best, f) => (f.withText > (best?.withText ?? 0) ? f : best),
      undefined,
    );
    const budget = (ms: number, limit: number) => (ms < limit ? 'met' : 'NOT met');
    summaries.push(
      `Trenin map interactive: first visit ${fmt(firstVisit!.ms)} ms (${budget(firstVisit!.ms, 300)}), ` +
        `next visits ${fmt(nextVisits!.ms)} ms (${budget(nextVisits!.ms, 300)}); budget < 300 ms`,
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
      `JS bundle of a first visit: ${kb(figures.bundle.entryGzip)} KB gzip; budget < 150 KB: ${figures.bundle.entryGzip < 150 * 1024 ? 'met' : 'NOT met'}`,
    );
  }
}

console.log('');
for (const line of summaries) console.log(line);

/** One line per figure: the ratio to its peer, or the budget it must meet. */
function summary(r: Awaited<ReturnType<typeof benchLayout>>): string {
  const parts = [`layout ${r.size} nodes: ${fmt(r.ours.medianMs)} ms`];
  if (r.dagre) parts.push(`${(r.dagre.medianMs / r.ours.medianMs).toFixed(0)}× faster than dagre`);
  if (r.graphviz) parts.push(`${(r.graphviz.medianMs / r.ours.medianMs).toFixed(0)}× faster than Graphviz`);
  if (r.dagre)
    parts.push(
      `crossings ${(r.ours.crossings / Math.max(1, r.dagre.crossings)).toFixed(2)}× dagre's ` +
        `(drawn lines: ${(r.ours.drawnCrossings / Math.max(1, r.dagre.drawnCrossings)).toFixed(2)}×)`,
    );
  if (r.size === 1000 && r.dagre)
    parts.push(`budget ≥ 50× dagre: ${r.dagre.medianMs / r.ours.medianMs >= 50 ? 'met' : 'NOT met'}`);
  if (r.size === 10000) parts.push(`budget < 300 ms: ${r.ours.medianMs < 300 ? 'met' : 'NOT met'}`);
  return parts.join('; ');
}
