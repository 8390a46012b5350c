// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { loadMapText } from '../../src/core/load.ts';
import { indexMap } from '../../src/core/model/map-index.ts';
import { Exploration } from '../../src/ui/exploration.svelte.ts';
import type { ZoomControl } from '../../src/ui/zoom.ts';

const text = `[Thesis]: The thesis.
  + [Reason]: A reason for it.
    - [Objection]: An objection to the reason.
    - [Second]: A second objection, on a line long enough to make its box wide.
    - [Third]: A third objection, on a line long enough to make its box wide.
  + [Other]: Another reason.
`;
const { map } = await loadMapText(text, async () => undefined, { fileName: 'test.argdown' });
const index = indexMap(map!);

/** An exploration of the map above; the view records how far it was shifted. */
function explore(laidOut = (view: Exploration) => layoutMap(map!, { collapsed: view.collapsed })) {
  const shifts: [number, number][] = [];
  const zoom = { shiftBy: (dx: number, dy: number) => shifts.push([dx, dy]) } as unknown as ZoomControl;
  const view: Exploration = new Exploration({
    index: () => index,
    laidOut: () => laidOut(view),
    zoom: () => zoom,
    rendered: async () => undefined,
  });
  return { view, shifts };
}

beforeEach(() => history.replaceState(null, '', '/'));

describe('exploring a map', () => {
  it('each selection is a step in the address that the back button walks back', () => {
    const { view } = explore();
    const start = history.length;
    view.select('reason');
    view.select('reason');
    view.select('other');
    expect(location.hash).toBe('#node=other');
    expect(history.length).toBe(start + 2);
    view.select(undefined);
    expect(location.hash).toBe('');
    history.replaceState(null, '', '#node=objection');
    view.followAddress();
    expect(view.selected).toBe('objection');
  });

  it('lights up the chain of the hovered or selected box, else what passes the filters', () => {
    const { view } = explore();
    expect(view.highlight).toBeUndefined();
    view.setFilter({ roles: ['objection'], group: '', tag: '' });
    expect([...view.highlight!]).toEqual(['objection', 'second', 'third']);
    view.select('reason');
    expect(new Set(view.highlight)).toEqual(new Set(['thesis', 'reason', 'objection', 'second', 'third']));
    view.hovered = 'other';
    expect(new Set(view.highlight)).toEqual(new Set(['thesis', 'other']));
  });

  it('a box revealed inside a collapsed subtree expands its collapsed ancestors only', () => {
    const { view } = explore();
    view.collapsed = new Set(['thesis', 'reason', 'other']);
    view.expandTo('objection');
    expect([...view.collapsed]).toEqual(['other']);
  });

  it('the map changed by the editor keeps collapse and selection for the boxes still there', () => {
    const { view } = explore();
    view.collapsed = new Set(['reason', 'gone']);
    view.select('gone');
    view.keepFor(new Set(['thesis', 'reason']));
    expect([...view.collapsed]).toEqual(['reason']);
    expect(view.selected).toBeUndefined();
  });

  it('collapsing keeps the toggled box still on screen; another map starts with nothing collapsed or filtered', async () => {
    // A layout in which collapsing the reason moves it by (60, -20).
    const { view, shifts } = explore((view) => {
      const moved = view.collapsed.has('reason');
      const box = { id: 'reason', x: moved ? 100 : 40, y: moved ? 0 : 20, width: 80, height: 40, depth: 1 };
      return { ...layoutMap(map!), nodes: [box] } as unknown as ReturnType<typeof layoutMap>;
    });
    await view.toggle('reason');
    expect(view.collapsed.has('reason')).toBe(true);
    expect(shifts).toEqual([[60, -20]]);
    await view.toggle('reason');
    expect(view.collapsed.size).toBe(0);
    expect(shifts).toEqual([
      [60, -20],
      [-60, 20],
    ]);
    view.setFilter({ roles: ['reason'], group: '', tag: '' });
    view.clear(false);
    expect(view.collapsed.size).toBe(0);
    expect(view.filter.roles).toEqual(['reason']);
    view.clear(true);
    expect(view.filter.roles).toEqual([]);
  });
});
