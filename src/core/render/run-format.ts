import type { InlineRun } from '../text/inline-runs.ts';

/** A run's presentation attributes, as the SVG writer and the app's view both set them on its tspan. */
export interface RunFormat {
  /** 600: the semibold face the layout measures bold text in (the bundled font has no heavier one). */
  readonly weight: 600 | undefined;
  readonly style: 'italic' | undefined;
  readonly decoration: 'underline' | undefined;
}

export function runFormat(run: InlineRun): RunFormat {
  return {
    weight: run.bold ? 600 : undefined,
    style: run.italic ? 'italic' : undefined,
    decoration: run.href !== undefined ? 'underline' : undefined,
  };
}
