import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseArgmapJson } from '../../src/core/formats/argmap-json/parse.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { stepPages, type StepPage } from '../../src/core/presentation/step-pages.ts';
import { presentationSteps } from '../../src/core/presentation/steps.ts';
import { dropFile } from './drop-file.ts';

const read = (file: string) => readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8');
const mapIn = (text: string): ArgumentMap => parseArgmapJson(text).map!;
const trenin = mapIn(read('trenin-2010.argmap.json'));
/** The example map without its tour: presented in the automatic order. */
const exampleWithoutTourText = (() => {
  const { tour: _tour, ...rest } = JSON.parse(read('example.argmap.json')) as Record<string, unknown>;
  return JSON.stringify(rest);
})();
const exampleWithoutTour = mapIn(exampleWithoutTourText);

/** The screens a lecturer meets, and the least size body text must have on them to read from the back. */
const screens = [
  { width: 1920, height: 1080, minText: 22 },
  { width: 1280, height: 720, minText: 16 },
] as const;

interface DrawnBox {
  readonly id: string;
  readonly step: string | null;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Body text size on screen: the font's size times the zoom it is drawn at. */
  readonly textPx: number;
}

/** Every drawn box as the audience sees it. */
async function drawnBoxes(page: Page): Promise<DrawnBox[]> {
  return page.locator('[data-node-id]').evaluateAll((groups) =>
    groups.map((g) => {
      const rect = g.querySelector('rect.box')!.getBoundingClientRect();
      const text = g.querySelector('text.text, text.title') as SVGTextElement | null;
      const scale = text?.getScreenCTM()?.a ?? 0;
      const size = text ? parseFloat(getComputedStyle(text).fontSize) : 0;
      return {
        id: g.getAttribute('data-node-id')!,
        step: g.getAttribute('data-step'),
        x: rect.x,
        y: rect.y,
        width: rect.width,
        height: rect.height,
        textPx: size * scale,
      };
    }),
  );
}

const overlap = (a: DrawnBox, b: DrawnBox) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** Checks one page of the presentation as the room sees it. */
async function checkPage(page: Page, expected: StepPage, screen: (typeof screens)[number], total: number) {
  const where = `${screen.width}×${screen.height}, step ${expected.label}`;
  const caption = page.locator('[data-step-caption]');
  await expect(caption, where).toContainText(`step ${expected.label} / ${total}`);
  if (expected.title !== undefined) await expect(caption, where).toContainText(expected.title);
  const marked = async () =>
    (await drawnBoxes(page))
      .filter((box) => box.step === 'current')
      .map((box) => box.id)
      .sort();
  await expect.poll(marked, { message: where }).toEqual([...expected.current].sort());
  // The camera has settled (no glide under reduced motion, but the frame follows the render).
  await page.waitForTimeout(50);
  const boxes = await drawnBoxes(page);
  const band = (await caption.boundingBox())!;
  for (const box of boxes.filter((b) => b.step === 'current')) {
    const at = `${where}: ${box.id}`;
    expect(box.x, at).toBeGreaterThanOrEqual(0);
    expect(box.y, at).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, at).toBeLessThanOrEqual(screen.width);
    expect(box.y + box.height, at).toBeLessThanOrEqual(screen.height);
    expect(box.y + box.height, `${at} is under the caption`).toBeLessThanOrEqual(band.y);
    expect(box.textPx, `${at}: body text on screen`).toBeGreaterThanOrEqual(screen.minText);
  }
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${where}: ${a.id} over ${b.id}`).toBe(false);
  const drawn = new Set(boxes.map((box) => box.id));
  for (const id of expected.revealed) {
    if (drawn.has(id)) {
      const box = boxes.find((b) => b.id === id)!;
      expect(box.step, `${where}: ${id}`).toBe(expected.current.includes(id) ? 'current' : 'past');
    }
  }
}

/** The steps the tests photograph, for looking at them as the room would. */
const photographed = new Set(['1', '5', '10', '15', '20'].flatMap((n) => [n, `${n}a`]));

async function walk(page: Page, pages: readonly StepPage[], total: number, screen: (typeof screens)[number]) {
  for (const [i, expected] of pages.entries()) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(new RegExp(`#step=${expected.label}$`));
    await checkPage(page, expected, screen, total);
    if (photographed.has(expected.label) && total === trenin.tour!.length)
      await page.screenshot({
        path: `test-results/screenshots/projector-${screen.width}-step${expected.label}.png`,
      });
  }
}

for (const screen of screens) {
  test(`every page of the Trenin tour reads on a ${screen.width}×${screen.height} projector`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(screen);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#step=1');
    await page.locator('[data-node-id]').first().waitFor();
    await walk(page, stepPages(trenin), trenin.tour!.length, screen);
  });

  test(`the example map's automatic steps read on a ${screen.width}×${screen.height} projector`, async ({
    page,
  }) => {
    await page.setViewportSize(screen);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await page.locator('[data-node-id]').first().waitFor();
    await dropFile(page, 'no-tour.argmap.json', exampleWithoutTourText);
    await expect(page.locator('[data-node-id]')).toHaveCount(exampleWithoutTour.nodes.length);
    await page.keyboard.press('p');
    const steps = presentationSteps(exampleWithoutTour);
    await walk(page, stepPages(exampleWithoutTour, steps), steps.length, screen);
  });

  test(`the overview shows the tour compact and readable at ${screen.width}×${screen.height}, the talk's progress marked`, async ({
    page,
  }) => {
    await page.setViewportSize(screen);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const at = stepPages(trenin).find((p) => p.label.startsWith('10'))!;
    await page.goto(`/#step=${at.label}`);
    await page.locator('[data-step="current"]').first().waitFor();
    await page.keyboard.press('o');
    // Fewer boxes than the map has (it is collapsed), all readable and inside the screen.
    await expect.poll(async () => (await drawnBoxes(page)).length).toBeLessThan(trenin.nodes.length);
    await page.waitForTimeout(50);
    const boxes = await drawnBoxes(page);
    expect(boxes.length).toBeGreaterThan(1);
    for (const box of boxes) {
      expect(box.textPx, box.id).toBeGreaterThanOrEqual(12);
      expect(box.x, box.id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, box.id).toBeLessThanOrEqual(screen.width);
    }
    expect(boxes.filter((b) => b.step === 'current').length).toBeGreaterThan(0);
    expect(boxes.filter((b) => b.step === 'past').length).toBeGreaterThan(0);
    // Boxes the talk has not reached yet are neither.
    expect(boxes.filter((b) => b.step === null).length).toBeGreaterThan(0);
    await page.screenshot({ path: `test-results/screenshots/projector-${screen.width}-overview.png` });
    await page.keyboard.press('o');
    await expect
      .poll(async () => (await drawnBoxes(page)).map((b) => b.id).sort())
      .toEqual(at.scene.nodes.map((n) => n.id).sort());
  });
}

test('a step is framed again when the screen changes size (full screen, another projector)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const pages = stepPages(trenin);
  const at = pages.findIndex((p) => p.label.startsWith('5'));
  await page.goto(`/#step=${pages[at]!.label}`);
  await checkPage(page, pages[at]!, screens[1], trenin.tour!.length);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect
    .poll(async () => Math.min(...(await drawnBoxes(page)).map((box) => box.textPx)))
    .toBeGreaterThanOrEqual(22);
  await checkPage(page, pages[at]!, screens[0], trenin.tour!.length);
});

test('the map’s name stays in the toolbar on a projector’s screen, its controls in two rows beside it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toBeVisible();
  const box = (await title.boundingBox())!;
  // Cut with an ellipsis, but a name to read: wider than the widest word of "Russia Suffers From …".
  expect(box.width).toBeGreaterThanOrEqual(140);
  // The toolbar keeps to two rows of controls, leaving the screen to the map.
  const toolbar = (await page.locator('header.toolbar').boundingBox())!;
  expect(toolbar.height).toBeLessThanOrEqual(90);
});

test('on a 1280×720 screen a box’s details are read whole and apart from the source text; the Evaluate panel is inset', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#node=black-sea-clash');
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Near-clash in the Black Sea' })).toBeVisible();
  /** Whether a panel shows all it holds (no part scrolled out of its box). */
  const whole = (region: typeof details) =>
    region.evaluate((element) => element.scrollHeight <= element.clientHeight + 1);
  expect(await whole(details)).toBe(true);
  // The text scrolls under a gap of its own, not up to the panel's edge, where a cut line of each would meet.
  const detailsBottom = (await details.boundingBox())!;
  const source = (await page.getByRole('region', { name: 'Source text' }).boundingBox())!;
  expect(source.y - (detailsBottom.y + detailsBottom.height)).toBeGreaterThanOrEqual(8);

  await page.getByRole('button', { name: 'Evaluate' }).click();
  const evaluation = page.getByRole('region', { name: 'Evaluation' });
  await expect(evaluation.getByRole('heading', { name: 'Evaluate' })).toBeVisible();
  // Inset like Details: its text does not touch the panel's edge.
  const [panel, heading] = await Promise.all([
    evaluation.boundingBox(),
    evaluation.getByRole('heading', { name: 'Evaluate' }).boundingBox(),
  ]);
  expect(heading!.x - panel!.x).toBeGreaterThanOrEqual(12);
  // With three panels sharing the side, the source text keeps a few lines of its own.
  expect(
    (await page.getByRole('region', { name: 'Source text' }).boundingBox())!.height,
  ).toBeGreaterThanOrEqual(90);
});
