import { describe, expect, it } from 'vitest';
import {
  composeDeck,
  composeHandout,
  composeMap,
  composeStep,
  composeSubtree,
} from '../../src/core/export/pages/compose.ts';
import { PAGE_SIZES, type ComposedPage } from '../../src/core/export/pages/page.ts';
import { MIN_PAGE_SCALE } from '../../src/core/export/pages/page-svg.ts';
import { buildForest } from '../../src/core/layout/forest.ts';
import { descendants } from '../../src/core/model/graph.ts';
import { indexMap } from '../../src/core/model/map-index.ts';
import { stepPages } from '../../src/core/presentation/step-pages.ts';
import { escapeXml } from '../../src/core/render/escape.ts';
import { plainText } from '../../src/core/text/inline-runs.ts';
import { mapOf, readText } from './helpers.ts';

const trenin = mapOf(readText('data/trenin-2010.argmap.json'));
const example = mapOf(readText('data/example.argmap.json'));

/** Where the map is drawn on a page: the nested SVG's place and size (unclipped: see page-svg.ts), and its scale. */
function mapOnPage(page: ComposedPage) {
  const match =
    /<svg x="([\d.-]+)" y="([\d.-]+)" overflow="visible" viewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+" width="([\d.]+)" height="([\d.]+)">/.exec(
      page.svg,
    );
  if (!match) return undefined;
  const [x, y, viewWidth, width, height] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { x, y, width, height, scale: width / viewWidth };
}

/** The ids of the boxes drawn on a page. */
const drawnIds = (page: ComposedPage) => [...page.svg.matchAll(/data-node-id="([^"]+)"/g)].map((m) => m[1]!);

function expectReadableAndWhole(page: ComposedPage) {
  const placed = mapOnPage(page);
  expect(placed).toBeDefined();
  // 12 pt text at least (rounding of the written numbers aside), and the map inside the page.
  expect(placed!.scale).toBeGreaterThanOrEqual(MIN_PAGE_SCALE - 0.01);
  expect(placed!.x).toBeGreaterThanOrEqual(0);
  expect(placed!.y).toBeGreaterThanOrEqual(0);
  expect(placed!.x + placed!.width).toBeLessThanOrEqual(page.size.width + 0.01);
  expect(placed!.y + placed!.height).toBeLessThanOrEqual(page.size.height + 0.01);
}

describe('the deck', () => {
  const deck = composeDeck(trenin);
  const pages = stepPages(trenin);

  it('is a title page, then a 16:9 page per page of the presentation, each with its step’s title and boxes', () => {
    expect(deck.pages).toHaveLength(pages.length + 1);
    expect(deck.title).toBe(trenin.title);
    expect(deck.author).toBe('Dmitri Trenin');
    for (const page of deck.pages) expect(page.size).toEqual(PAGE_SIZES['16:9']);
    expect(deck.pages[0]!.svg).toContain(escapeXml(trenin.title!));
    pages.forEach((step, i) => {
      const page = deck.pages[i + 1]!;
      expect(page.title).toBe(step.title);
      expect(page.note).toBe(step.note);
      expect(page.svg).toContain(escapeXml(`${step.label}. ${step.title}`));
      expect(page.svg).toContain(`${i + 2} / ${deck.pages.length}`);
      expect(drawnIds(page).sort()).toEqual(step.scene.nodes.map((n) => n.id).sort());
      for (const id of step.current) expect(drawnIds(page)).toContain(id);
      expectReadableAndWhole(page);
    });
  });

  it('opens with a title page whose every line reads at 12 pt: the contents whole, a map only if readable', () => {
    const title = deck.pages[0]!;
    // The byline names the source without repeating the title, which is the page's heading.
    expect(title.svg.split(escapeXml(trenin.title!)).length - 1).toBe(1);
    expect(title.svg).toContain('Dmitri Trenin · The Valdai Discussion Club · 2010-11-23');
    // Every step's title in full: the columns are as wide as their lines, not cut with an ellipsis.
    for (const [i, step] of (trenin.tour ?? []).entries())
      expect(title.svg).toContain(escapeXml(`${i + 1}  ${step.title}`));
    expect(title.svg).not.toContain('…');
    // The overview of the Trenin map's five theses cannot be drawn at 12 pt beside the contents: left out.
    expect(mapOnPage(title)).toBeUndefined();
    // A small map's overview is drawn, readable.
    const small = composeDeck(example).pages[0]!;
    expectReadableAndWhole(small);
  });

  it('names the source on every page, and leaves the caption out when asked', () => {
    for (const page of deck.pages.slice(1))
      expect(page.svg).toContain('Dmitri Trenin, The Valdai Discussion Club');
    const bare = composeDeck(trenin, { caption: false });
    expect(bare.pages[1]!.svg).not.toContain('Valdai');
    expect(bare.pages[1]!.svg).not.toContain(` / ${bare.pages.length}`);
  });

  it('gives one step alone, all its pages', () => {
    const step5 = composeStep(trenin, 5);
    const labels = pages.filter((p) => p.step === 4).map((p) => p.label);
    expect(step5.pages.map((p) => p.title)).toEqual(labels.map(() => trenin.tour![4]!.title));
    expect(composeStep(trenin, 99).pages).toEqual([]);
    // Numbered among themselves, not as pages of the deck: one page has no number, parts count "n / N".
    expect(composeStep(trenin, 1).pages[0]!.svg).not.toMatch(/\d+ \/ \d+/);
    // A step shown in parts (on A4, narrower than a screen): its pages are "1 / N" … "N / N".
    let parts: readonly ComposedPage[] = [];
    for (let n = 1; n <= trenin.tour!.length && parts.length < 2; n++)
      parts = composeStep(trenin, n, { page: 'a4' }).pages;
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((page, i) => expect(page.svg).toContain(`${i + 1} / ${parts.length}`));
  });
});

describe('the handout', () => {
  it('puts each step on an A4 page with its speaker note and the quotes of its boxes', () => {
    const handout = composeHandout(trenin);
    const index = indexMap(trenin);
    expect(handout.pages.length).toBeGreaterThanOrEqual(trenin.tour!.length);
    for (const page of handout.pages) {
      expect(page.size).toEqual(PAGE_SIZES.a4);
      expectReadableAndWhole(page);
      if (page.note) expect(page.svg).toContain(escapeXml(page.note.split(' ').slice(0, 3).join(' ')));
      for (const quote of page.quotes) {
        expect(index.node(quote.nodeId)?.quote).toBe(quote.text);
        expect(page.svg).toContain(escapeXml(quote.text.split(' ').slice(0, 3).join(' ')));
      }
    }
  });
});

describe('the handout’s picture', () => {
  it('has the room its step’s note and quotes leave: the first step whole on one page, above its text', () => {
    const handout = composeHandout(trenin);
    expect(handout.pages.filter((page) => page.title === trenin.tour![0]!.title)).toHaveLength(1);
    // Fewer pages than steps shown in half a page each would take.
    expect(handout.pages.length).toBeLessThan(trenin.tour!.length * 1.4);
    // The picture is drawn in the room it was laid out for: the first step's text runs on to the foot of the
    // page, its last line (before the caption's) within a few lines of the caption.
    const baselines = [...handout.pages[0]!.svg.matchAll(/<text x="[\d.]+" y="([\d.]+)"[^>]*font-size="24"/g)]
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    const [lastLine, caption] = baselines.slice(-2) as [number, number];
    expect(caption - lastLine).toBeLessThan(100);
    for (const page of handout.pages) {
      if (!page.note) continue;
      const placed = mapOnPage(page)!;
      const start = escapeXml(page.note.split(' ').slice(0, 3).join(' '));
      const noteTop = Number(new RegExp(`<text x="[\\d.]+" y="([\\d.]+)"[^>]*>${start}`).exec(page.svg)?.[1]);
      // The note's first line (24 px text, its capitals 18 px over its baseline) starts below the picture.
      expect(noteTop - 18).toBeGreaterThanOrEqual(placed.y + placed.height);
    }
  });
});

describe('the map on pages', () => {
  it.each([
    ['a4-landscape', trenin],
    ['letter', trenin],
    ['16:9', example],
  ] as const)('on %s: every box on some page, each page readable, nothing cut', (pageName, map) => {
    const doc = composeMap(map, { page: pageName });
    const drawn = new Set(doc.pages.flatMap(drawnIds));
    expect([...drawn].sort()).toEqual(map.nodes.map((n) => n.id).sort());
    for (const page of doc.pages) {
      expect(page.size).toEqual(PAGE_SIZES[pageName]);
      expectReadableAndWhole(page);
      // The "+n" pills of the boxes whose branches follow on other pages are inside the drawing, not cut.
      const view =
        /<svg x="[\d.-]+" y="[\d.-]+" overflow="visible" viewBox="([\d.-]+) ([\d.-]+) ([\d.]+) ([\d.]+)"/
          .exec(page.svg)!
          .slice(1)
          .map(Number) as [number, number, number, number];
      for (const [, x, y, w, h] of page.svg.matchAll(
        /<g class="badge"><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g,
      )) {
        expect(Number(x)).toBeGreaterThanOrEqual(view[0]);
        expect(Number(y)).toBeGreaterThanOrEqual(view[1]);
        expect(Number(x) + Number(w)).toBeLessThanOrEqual(view[0] + view[2]);
        expect(Number(y) + Number(h)).toBeLessThanOrEqual(view[1] + view[3]);
      }
    }
  });

  it.each(['a4-landscape', 'letter', '16:9'] as const)(
    'on %s keeps a linked argument on one page, and says "continued" only of a box the page repeats',
    (pageName) => {
      const doc = composeMap(trenin, { page: pageName });
      const index = indexMap(trenin);
      // The premises each linked relation hangs under its conclusion (a shared premise hangs elsewhere).
      const units = new Map<string, string[]>();
      for (const tree of buildForest(index).all.values())
        for (const child of tree.children)
          if (child.relation !== undefined && (index.relation(child.relation)?.from.length ?? 0) > 1)
            units.set(child.relation, [...(units.get(child.relation) ?? []), child.id]);
      expect([...units.values()].some((unit) => unit.length > 2)).toBe(true);
      for (const [i, page] of doc.pages.entries()) {
        const drawn = new Set(drawnIds(page));
        // A page that draws one premise of a linked argument under its conclusion draws all of them.
        for (const [relation, premises] of units) {
          const shown = premises.filter((id) => drawn.has(id) && drawn.has(index.relation(relation)!.to));
          if (shown.length > 0) expect(shown, `${relation} on page ${i + 1}`).toEqual(premises);
        }
        const continued = /continued: ([^<·]+?) ·/.exec(page.svg)?.[1];
        if (continued === undefined) continue;
        // The caption names the box by its title, else its text (cut with "…" when long).
        const names = [...drawn].map((id) => {
          const node = index.node(id)!;
          return escapeXml(node.title ?? plainText(node.text));
        });
        expect(
          names.some((name) => name.startsWith(continued.trim().replace(/…$/, ''))),
          continued,
        ).toBe(true);
      }
    },
  );

  it('splits a linked argument too wide for one page rather than draw it under 12 pt', () => {
    const premises = Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`,
      type: 'statement' as const,
      text: `Premise ${i} of one linked argument, long enough to take two or three lines of a box.`,
    }));
    const wide = {
      ...example,
      nodes: [{ id: 't', type: 'statement' as const, text: 'The thesis.' }, ...premises],
      relations: [{ id: 'r', type: 'support' as const, from: premises.map((p) => p.id), to: 't' }],
      groups: [],
      tour: undefined,
    };
    const doc = composeMap(wide, { page: 'a4' });
    expect(doc.pages.length).toBeGreaterThan(1);
    for (const page of doc.pages) expectReadableAndWhole(page);
    expect(new Set(doc.pages.flatMap(drawnIds))).toEqual(new Set(wide.nodes.map((n) => n.id)));
  });

  it('draws a small map whole on one page, and one too large for 12 pt over several', () => {
    const small = { ...example, nodes: example.nodes.slice(0, 3), tour: undefined };
    expect(composeMap(small, { page: '16:9' }).pages).toHaveLength(1);
    expect(composeMap(trenin, { page: '16:9' }).pages.length).toBeGreaterThan(1);
  });

  it('draws a subtree: exactly that box and everything below it', () => {
    const index = indexMap(trenin);
    const id = 'more-trust-needed';
    const doc = composeSubtree(trenin, id);
    const drawn = new Set(doc.pages.flatMap(drawnIds));
    expect([...drawn].sort()).toEqual([id, ...descendants(index, id)].sort());
    // The subtree's top keeps its role in the whole map.
    expect(doc.pages[0]!.svg).toContain('REASON');
    expect(doc.pages[0]!.svg).not.toContain('THESIS');
  });
});
