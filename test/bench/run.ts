/**
 * `npm run bench`: layout speed and drawing quality against dagre (the engine of Argdown and mermaid) and
 * Graphviz dot, side by side in one run on the same synthetic maps. Figures are medians; the ratios are
 * what to compare between machines.
 */
import { benchLayout } from './layout-bench.ts';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,3000,10000').split(',').map(Number);
const runsFor = (size: number) =>
  size <= 100 ? { ours: 21, peers: 11 } : size <= 1000 ? { ours: 11, peers: 3 } : { ours: 7, peers: 1 };

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0));
const mpx = (area: number) => (area / 1e6).toFixed(1);

console.log('Layout: synthetic argument maps (seed 42, ~5 % cross-links), median ms over N runs');
console.log(
  'nodes  edges |  argmap ms (N) |   dagre ms (N) | graphviz ms (N) | dagre/argmap | graphviz/argmap | crossings a / d / g | area Mpx² a / d / g',
);
for (const size of sizes) {
  const r = await benchLayout(size, runsFor(size));
  console.log(
    [
      `${String(size).padStart(5)} ${String(r.edges).padStart(6)}`,
      `${fmt(r.ours.medianMs).padStart(10)} (${r.ours.runs})`.padStart(15),
      `${fmt(r.dagre.medianMs).padStart(10)} (${r.dagre.runs})`.padStart(15),
      `${fmt(r.graphviz.medianMs).padStart(11)} (${r.graphviz.runs})`.padStart(16),
      `${(r.dagre.medianMs / r.ours.medianMs).toFixed(0)}×`.padStart(12),
      `${(r.graphviz.medianMs / r.ours.medianMs).toFixed(0)}×`.padStart(15),
      `${r.ours.crossings} / ${r.dagre.crossings} / ${r.graphviz.crossings}`.padStart(19),
      `${mpx(r.ours.area)} / ${mpx(r.dagre.area)} / ${mpx(r.graphviz.area)}`.padStart(19),
    ].join(' | '),
  );
}
