import { stripRows, type EncodedStrip } from '../core/export/png-encode.ts';
import type { StripJob, StripReply } from './png-strip-worker.ts';

/** The pixels in one strip: small enough that the last strip's encoding, which nothing overlaps, is short. */
const STRIP_PIXELS = 4_000_000;

/** The strips a picture is drawn, read and encoded in, top to bottom. */
export const stripsOf = (width: number, height: number) =>
  stripRows(height, Math.ceil((width * height) / STRIP_PIXELS));

/** How long the encoders stay after an export, for the next: loaded and compiled, they encode at once. */
const KEPT_MS = 60_000;

/**
 * Workers that encode the strips of a large PNG at the same time (`png-strip-worker.ts`). They are started
 * before the picture is drawn, so that their code has loaded by the time the first strip is read back, and
 * kept a while after it for the next export.
 */
export class StripEncoders {
  static #kept: { encoders: StripEncoders; expiry: ReturnType<typeof setTimeout> } | undefined;

  /** The idle encoders of an export just made, or new ones; `release` gives them back. */
  static take(): StripEncoders {
    const kept = StripEncoders.#kept;
    StripEncoders.#kept = undefined;
    if (!kept) return new StripEncoders();
    clearTimeout(kept.expiry);
    if (!kept.encoders.#broken) return kept.encoders;
    kept.encoders.#terminate();
    return new StripEncoders();
  }

  readonly #workers: Worker[];
  readonly #ready: Promise<unknown>;
  #failed: ((error: Error) => void) | undefined;
  #broken = false;

  private constructor() {
    const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    this.#workers = Array.from(
      { length: count },
      () => new Worker(new URL('./png-strip-worker.ts', import.meta.url), { type: 'module' }),
    );
    this.#ready = Promise.all(
      this.#workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.onmessage = () => resolve();
            worker.onerror = (event) => {
              const error = new Error(
                `The PNG could not be encoded: ${event.message || 'its worker failed'}`,
              );
              this.#broken = true;
              reject(error);
              this.#failed?.(error);
            };
          }),
      ),
    );
    // A worker that fails while the encoders wait for an export is reported by that export.
    this.#ready.catch(() => undefined);
  }

  /**
   * Reads the picture a strip at a time (`read(top, rows)` gives rows of RGBA pixels) and hands each strip
   * to the next worker, so that reading a strip and encoding the ones before it happen at once. Each strip
   * carries the last row of the strip above, which the "Up" filter of its first row needs: that row as it
   * was read and encoded, since a row drawn again in another strip may differ in a pixel's last bit.
   */
  async encode(
    strips: ReadonlyArray<{ readonly from: number; readonly to: number }>,
    width: number,
    opaque: boolean,
    read: (top: number, rows: number) => Uint8ClampedArray,
  ): Promise<EncodedStrip[]> {
    await this.#ready;
    const done: EncodedStrip[] = new Array(strips.length);
    return new Promise((resolve, reject) => {
      this.#failed = reject;
      let left = strips.length;
      for (const worker of this.#workers)
        worker.onmessage = ({ data }: MessageEvent<StripReply>) => {
          done[data.id] = data;
          if (--left === 0) resolve(done);
        };
      let above: Uint8ClampedArray | undefined;
      strips.forEach(({ from, to }, id) => {
        const rgba = read(from, to - from);
        const last = id === strips.length - 1;
        const job: StripJob = { id, rgba, width, rows: to - from, opaque, last, ...(above ? { above } : {}) };
        // The row as this strip holds it: the next strip's first row is filtered against it.
        above = rgba.slice(rgba.length - width * 4);
        this.#workers[id % this.#workers.length]!.postMessage(job, [rgba.buffer]);
      });
    });
  }

  /** Kept for the next export a while, then stopped; stopped at once if a worker failed. */
  release(): void {
    this.#failed = undefined;
    if (this.#broken) return this.#terminate();
    const previous = StripEncoders.#kept;
    if (previous) {
      clearTimeout(previous.expiry);
      previous.encoders.#terminate();
    }
    const expiry = setTimeout(() => {
      if (StripEncoders.#kept?.encoders === this) StripEncoders.#kept = undefined;
      this.#terminate();
    }, KEPT_MS);
    StripEncoders.#kept = { encoders: this, expiry };
  }

  #terminate(): void {
    for (const worker of this.#workers) worker.terminate();
  }
}
