import { describe, expect, it } from 'vitest';
import { DEFAULT_TALK_MINUTES, planPages, planSteps } from '../../src/core/presentation/plan.ts';

const seconds = (steps: readonly { minutes?: number }[]) => planSteps(steps).map((step) => step.seconds);
const endsAt = (steps: readonly { minutes?: number }[]) => planSteps(steps).map((step) => step.endsAt);

describe('the time planned for each step of a talk', () => {
  it('shares the default 15 minutes equally when no step sets minutes', () => {
    expect(DEFAULT_TALK_MINUTES).toBe(15);
    expect(seconds([{}, {}, {}, {}, {}])).toEqual([180, 180, 180, 180, 180]);
    expect(endsAt([{}, {}, {}])).toEqual([300, 600, 900]);
    expect(planSteps([])).toEqual([]);
  });

  it('gives a step its own minutes, and the others share what remains of 15 minutes', () => {
    expect(seconds([{ minutes: 5 }, {}, { minutes: 2 }, {}])).toEqual([300, 240, 120, 240]);
    expect(endsAt([{ minutes: 5 }, {}, { minutes: 2 }, {}])).toEqual([300, 540, 660, 900]);
    expect(seconds([{ minutes: 0.5 }, {}])).toEqual([30, 870]);
  });

  it('lasts the sum of the minutes when every step sets them, longer or shorter than 15', () => {
    expect(endsAt([{ minutes: 10 }, { minutes: 20 }])).toEqual([600, 1800]);
    expect(endsAt([{ minutes: 1 }, { minutes: 2 }])).toEqual([60, 180]);
  });

  it('leaves nothing to share, never less, when the set minutes already pass 15', () => {
    expect(seconds([{ minutes: 12 }, {}, { minutes: 8 }, {}])).toEqual([720, 0, 480, 0]);
    expect(endsAt([{ minutes: 12 }, {}, { minutes: 8 }, {}])).toEqual([720, 720, 1200, 1200]);
    expect(seconds([{ minutes: 15 }, {}])).toEqual([900, 0]);
  });

  it('takes another talk length when asked', () => {
    expect(planSteps([{}, {}], 30).map((step) => step.seconds)).toEqual([900, 900]);
  });
});

describe('the plan of the pages', () => {
  it('shares a step’s time among its pages, and pages of one-page steps keep their step’s plan', () => {
    const pages = [
      { step: 0, page: 0, pages: 1, minutes: 2 },
      { step: 1, page: 0, pages: 3, minutes: 6 },
      { step: 1, page: 1, pages: 3, minutes: 6 },
      { step: 1, page: 2, pages: 3, minutes: 6 },
      { step: 2, page: 0, pages: 1 },
    ];
    expect(planPages(pages)).toEqual([
      { seconds: 120, endsAt: 120 },
      { seconds: 120, endsAt: 240 },
      { seconds: 120, endsAt: 360 },
      { seconds: 120, endsAt: 480 },
      { seconds: 420, endsAt: 900 },
    ]);
  });
});
