import { afterAll, describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { stepPages } from '../../src/core/presentation/step-pages.ts';
import { Presentation } from '../../src/ui/presentation.svelte.ts';
import { openChannel, type PresentationMessage } from '../../src/ui/presentation-channel.ts';
import { mapOf, readText } from './helpers.ts';

type StepMessage = Extract<PresentationMessage, { type: 'step' }>;

const example = mapOf(readText('data/example.argmap.json'));
const map = {
  ...example,
  tour: [
    { focus: 'close-centre', minutes: 2 },
    { focus: 'pollution-high', show: ['close-centre', 'pollution-high'] },
    { focus: 'cars-cause', show: ['close-centre', 'pollution-high', 'cars-cause'], minutes: 4 },
  ],
};
const steps = stepPages(map);
const drawn: number[] = [];
const show = new Presentation(
  {
    steps: () => steps,
    map: () => map,
    laidOut: () => layoutMap(map),
    zoom: () => undefined,
    saveView: () => () => undefined,
    exploreAddress: () => '/',
    rendered: async () => undefined,
    tree: () => undefined,
    captionBand: () => 0,
    picture: (index) => {
      drawn.push(index);
      return index < steps.length ? `<svg data-step="${index}"/>` : undefined;
    },
  },
  true,
);
const received: StepMessage[] = [];
const presenter = openChannel((message) => {
  if (message.type === 'step') received.push(message);
});
afterAll(() => presenter.close());

/** The next step message the presenter view receives. */
async function nextMessage(): Promise<StepMessage> {
  const count = received.length;
  await expect.poll(() => received.length).toBeGreaterThan(count);
  return received.at(-1)!;
}

describe('what the presenter view is told of a step', () => {
  it('draws no pictures while no presenter view has said hello', async () => {
    show.step = 0;
    show.announce();
    const message = await nextMessage();
    expect(drawn).toEqual([]);
    expect(message.picture).toBeUndefined();
  });

  it('carries the pictures of this step and the next, and the plan (minutes from the tour)', async () => {
    show.step = 0;
    presenter.post({ type: 'hello' });
    const first = await nextMessage();
    expect(first).toMatchObject({
      index: 0,
      label: '1',
      steps: 3,
      picture: '<svg data-step="0"/>',
      nextPicture: '<svg data-step="1"/>',
    });
    // The step without minutes gets what remains of 15 minutes: 9.
    expect([first.plannedSeconds, first.plannedUntilEnd]).toEqual([120, 120]);
    show.step = 1;
    show.announce();
    const second = await nextMessage();
    expect([second.plannedSeconds, second.plannedUntilEnd]).toEqual([540, 660]);
  });

  it('has no next picture at the last step', async () => {
    show.step = 2;
    show.announce();
    const last = await nextMessage();
    expect(last.picture).toBe('<svg data-step="2"/>');
    expect(last).not.toHaveProperty('nextPicture');
    expect([last.plannedSeconds, last.plannedUntilEnd]).toEqual([240, 900]);
  });
});
