import { compiledResvg, fetchFonts, svgToPng, TooLargeError } from './export.ts';
import type { PictureJob, PictureReply, PictureSetup } from './png-worker.ts';

/** Most picture workers a deck is drawn on: each holds resvg and a full-size picture while it draws. */
const MOST_WORKERS = 4;
/** Fewer where the device says it has little memory (`navigator.deviceMemory`, in GB, where told). */
const MOST_WORKERS_LOW_MEMORY = 2;

/**
 * Pages drawn as PNG at `scale`, in order, on as many workers as the machine has cores (up to
 * MOST_WORKERS): drawing a deck's slides at twice their size is seconds of work per core, and the pages are
 * independent. One page, one core, or no workers: the pages are drawn here, one by one; a worker that does
 * not start or dies leaves its pages to be drawn here too. `progress` hears how many are done.
 */
export async function drawPictures(
  svgs: readonly string[],
  scale: number,
  progress: (done: number, total: number) => void = () => {},
): Promise<Uint8Array[]> {
  const count = Math.min(svgs.length, workerCount());
  const workers = count > 1 ? startWorkers(count) : [];
  if (workers.length === 0) return drawHere(svgs, scale, progress);
  try {
    const [module, fonts] = await Promise.all([compiledResvg(), fetchFonts()]);
    const setup: PictureSetup = { module, fonts };
    for (const worker of workers) worker.start(setup);
    const out = new Array<Uint8Array>(svgs.length);
    let next = 0;
    let done = 0;
    progress(0, svgs.length);
    await Promise.all(
      workers.map(async (worker) => {
        for (let id = next++; id < svgs.length; id = next++) {
          const job = { id, svg: svgs[id]!, scale };
          out[id] = (await worker.draw(job)) ?? (await svgToPng(job.svg, scale));
          progress(++done, svgs.length);
        }
      }),
    );
    return out;
  } finally {
    for (const worker of workers) worker.stop();
  }
}

function workerCount(): number {
  if (typeof navigator === 'undefined' || typeof Worker === 'undefined') return 1;
  const memory = (navigator as { deviceMemory?: number }).deviceMemory;
  const most = memory !== undefined && memory < 8 ? MOST_WORKERS_LOW_MEMORY : MOST_WORKERS;
  return Math.min(navigator.hardwareConcurrency || 1, most);
}

/** The workers that could be made (none where the browser refuses). */
function startWorkers(count: number): PictureWorker[] {
  const workers: PictureWorker[] = [];
  try {
    for (let i = 0; i < count; i++) workers.push(new PictureWorker());
  } catch {
    // Those made still draw; with none, the pages are drawn here.
  }
  return workers;
}

async function drawHere(
  svgs: readonly string[],
  scale: number,
  progress: (done: number, total: number) => void,
): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const svg of svgs) {
    progress(out.length, svgs.length);
    out.push(await svgToPng(svg, scale));
  }
  return out;
}

/**
 * A picture worker (`png-worker.ts`), listened to from its start: a worker whose script fails to load or
 * that dies says so by an `error` event, which may come before it is given a page.
 */
class PictureWorker {
  private readonly worker = new Worker(new URL('./png-worker.ts', import.meta.url), { type: 'module' });
  private dead = false;
  private pending: ((reply: PictureReply | undefined) => void) | undefined;

  constructor() {
    const die = () => {
      this.dead = true;
      this.pending?.(undefined);
    };
    this.worker.addEventListener('error', die);
    this.worker.addEventListener('messageerror', die);
    this.worker.addEventListener('message', (event: MessageEvent<PictureReply>) =>
      this.pending?.(event.data),
    );
  }

  start(setup: PictureSetup): void {
    this.worker.postMessage(setup);
  }

  /** The page's PNG; undefined when the worker is dead (the caller draws it then); a page it cannot draw throws. */
  async draw(job: PictureJob): Promise<Uint8Array | undefined> {
    if (this.dead) return undefined;
    const reply = await new Promise<PictureReply | undefined>((resolve) => {
      this.pending = resolve;
      this.worker.postMessage(job);
    });
    this.pending = undefined;
    if (reply === undefined) return undefined;
    if ('png' in reply) return reply.png;
    if (reply.suggestedScale !== undefined) throw new TooLargeError(reply.suggestedScale);
    throw new Error(reply.failed);
  }

  stop(): void {
    this.worker.terminate();
  }
}
