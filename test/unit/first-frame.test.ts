import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { loadMapText } from '../../src/core/load.ts';
import { escapeXml } from '../../src/core/render/escape.ts';
import { firstFrameGate, firstFrameHtml, firstViewArea } from '../../src/ui/first-frame-html.ts';
import type { LaidOutNode } from '../../src/core/layout/types.ts';
import { APP_RAN_KEY, FIRST_FRAME_ID } from '../../src/ui/first-frame.ts';
import { overviewFocus, readableScale } from '../../src/ui/first-view.ts';
import { expectInert, mapOf, readText } from './helpers.ts';

/** The default map, as the build reads it for index.html (vite.config.ts). */
const loaded = await loadMapText(readText('data/trenin-2010.argmap.json'), async (path) =>
  readText(`data/${path}`),
);
const map = loaded.map!;
const laidOut = layoutMap(map);
const html = firstFrameHtml(map, laidOut);

describe('the first frame prerendered into index.html', () => {
  it('draws every box the first view can show, with its text, as inert markup, and no other box', () => {
    const area = firstViewArea(laidOut, overviewFocus(laidOut)!);
    const shows = (n: LaidOutNode) =>
      n.x < area.x + area.width &&
      n.x + n.width > area.x &&
      n.y < area.y + area.height &&
      n.y + n.height > area.y;
    const [shown, left] = [laidOut.nodes.filter(shows), laidOut.nodes.filter((n) => !shows(n))];
    expect(shown.length).toBeGreaterThan(10);
    expect(left.length).toBeGreaterThan(10);
    expect((html.match(/<g class="node /g) ?? []).length).toBe(shown.length);
    for (const node of shown)
      for (const line of [...node.titleLines, ...node.textLines])
        expect(html).toContain(`>${escapeXml(line)}<`);
    expectInert(html);
    expect(html).not.toMatch(/<script/i);
  });

  it('names no box, relation or group the way the live map does, and uses marker ids of its own', () => {
    expect(html).not.toMatch(/data-(node|relation|group)-id=/);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids[0]).toBe(FIRST_FRAME_ID);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids.slice(1)) expect(id.startsWith(`${FIRST_FRAME_ID}-`)).toBe(true);
    const refs = [...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ids).toContain(ref);
  });

  it('puts the map where the first view does: the thesis centred across, the top at the readable scale', () => {
    const focus = overviewFocus(laidOut)!;
    const place = html.match(
      /<svg x="50%" y="(\d+)" overflow="visible"><g transform="scale\(([\d.]+)\) translate\((-?[\d.]+),(-?[\d.]+)\)">\n<svg [^>]*viewBox="(-?[\d.]+) (-?[\d.]+) /,
    );
    expect(place).not.toBeNull();
    const [, top, scale, dx, dy, viewX, viewY] = place!.map(Number);
    expect(top).toBe(24);
    expect(scale).toBe(readableScale);
    // A point of the map lies at (its place less the viewBox's corner) plus the translation: the focus
    // lands on x = 0 (the surface's middle), the bounds' top on y = 0 (24 px below the surface's top).
    expect(Math.abs(focus - viewX! + dx!)).toBeLessThan(0.01);
    expect(Math.abs(laidOut.bounds.y - viewY! + dy!)).toBeLessThan(0.01);
  });

  it("takes the app's toolbar as given, made inert, and refuses markup that is not a header", () => {
    const toolbar = '<header class="toolbar"><h1>T</h1><button>Present</button></header>';
    expect(firstFrameHtml(map, laidOut, toolbar)).toContain(
      '<header inert aria-hidden="true" class="toolbar"><h1>T</h1><button>Present</button></header>',
    );
    expect(() => firstFrameHtml(map, laidOut, '<div>no header</div>')).toThrow(/not a header/);
  });

  it('is refused for a map that the first view would show whole on a large screen', () => {
    const small = mapOf(readText('data/example.argmap.json'));
    expect(() => firstFrameHtml(small, layoutMap(small))).toThrow(/fits a large screen whole/);
  });
});

/**
 * Runs the gate as the page would, in a stand-in for the page's globals: whether it skips the frame, and
 * whether it took itself out of the page.
 */
function runGate(address: { search?: string; hash?: string }, stored: string | Error | null) {
  const attributes = new Map<string, string>();
  let removed = false;
  const page = {
    location: { search: address.search ?? '', hash: address.hash ?? '' },
    localStorage: {
      getItem: (key: string) => {
        if (stored instanceof Error) throw stored;
        return key === APP_RAN_KEY ? stored : null;
      },
    },
    document: {
      documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) },
      currentScript: { remove: () => (removed = true) },
    },
  };
  const gate = firstFrameGate('/assets/index-abc123.js');
  new Function('location', 'localStorage', 'document', gate)(page.location, page.localStorage, page.document);
  return { skipped: attributes.has('data-first-frame-skipped'), removed };
}

describe("the first frame's gate", () => {
  it('shows the frame on a first visit of the plain address, and where storage is refused', () => {
    expect(runGate({}, null)).toEqual({ skipped: false, removed: true });
    expect(runGate({ hash: '#' }, null).skipped).toBe(false);
    expect(runGate({}, '/assets/index-older1.js').skipped).toBe(false);
    expect(runGate({}, new Error('storage blocked')).skipped).toBe(false);
  });

  it('skips it once this code has run here, and for an address that asks for another view', () => {
    expect(runGate({}, '/assets/index-abc123.js')).toEqual({ skipped: true, removed: true });
    for (const address of [{ search: '?map=/maps/x.json' }, { hash: '#step=3' }, { search: '?presenter' }])
      expect(runGate(address, new Error('storage blocked')).skipped).toBe(true);
  });

  it('writes the entry so that it cannot end the script early', () => {
    expect(firstFrameGate('/a</script><script>alert(1)</script>.js')).not.toContain('</script>');
  });
});
