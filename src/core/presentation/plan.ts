/** How long a talk lasts when its tour plans no time: a seminar slot's opening. */
export const DEFAULT_TALK_MINUTES = 15;

/** The time planned for one step of a talk, in seconds. */
export interface StepPlan {
  /** Seconds planned for this step. */
  readonly seconds: number;
  /** Seconds planned from the start of the talk to the end of this step. */
  readonly endsAt: number;
}

/**
 * The time planned for each step: what a step sets (`minutes`) it gets; the steps that set nothing share
 * what remains of the talk's default length equally (nothing, when the set minutes already fill it). When
 * every step sets minutes, the talk lasts their sum, longer or shorter than the default.
 */
export function planSteps(
  steps: readonly { readonly minutes?: number }[],
  talkMinutes: number = DEFAULT_TALK_MINUTES,
): StepPlan[] {
  const set = steps.reduce((sum, step) => sum + (step.minutes ?? 0), 0);
  const unset = steps.filter((step) => step.minutes === undefined).length;
  const share = unset > 0 ? Math.max(0, talkMinutes - set) / unset : 0;
  let endsAt = 0;
  return steps.map((step) => {
    const seconds = (step.minutes ?? share) * 60;
    endsAt += seconds;
    return { seconds, endsAt };
  });
}

/** A page of a step, as far as the plan needs it: the step it belongs to, its place, and the step's minutes. */
interface PlannedPage {
  readonly step: number;
  readonly page: number;
  readonly pages: number;
  readonly minutes?: number;
}

/**
 * The time planned for each page of a presentation: a step's time shared equally among its pages (a step
 * too large for one screen is shown in several), the steps planned as `planSteps` does.
 */
export function planPages(
  pages: readonly PlannedPage[],
  talkMinutes: number = DEFAULT_TALK_MINUTES,
): StepPlan[] {
  const firsts = pages.filter((page) => page.page === 0);
  const steps = planSteps(firsts, talkMinutes);
  return pages.map((page) => {
    const step = steps[firsts.findIndex((first) => first.step === page.step)]!;
    const seconds = step.seconds / page.pages;
    return { seconds, endsAt: step.endsAt - (page.pages - 1 - page.page) * seconds };
  });
}
