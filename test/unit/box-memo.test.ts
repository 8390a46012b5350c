import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/layout/layout.ts';
import { cutMap } from '../../src/core/presentation/step-map.ts';
import type { ArgumentMap } from '../../src/core/model/types.ts';
import { createFontMeasurer, type TextMeasurer } from '../../src/core/text/measure.ts';
import { arbitraryMap } from './arbitraries.ts';
import { mapOf, readText } from './helpers.ts';

const trenin = mapOf(readText('data/trenin-2010.argmap.json'));
const lines = (map: ArgumentMap, id: string, textWidth?: number) =>
  layoutMap(map, { textWidth }).nodes.find((n) => n.id === id)!.textLines;

/** A measurer of its own: nothing it measures is shared with the layouts that use the common one. */
const freshMeasurer = (): TextMeasurer => {
  const font = createFontMeasurer();
  return { width: (...args) => font.width(...args) };
};

describe('boxes measured once per node (box-memo.ts)', () => {
  it('a map laid out again reuses the boxes of its nodes', () => {
    const id = trenin.nodes[3]!.id;
    expect(lines(trenin, id)).toBe(lines(trenin, id));
  });

  it('an edited node, a wider text or another role is measured anew', () => {
    const node = trenin.nodes[3]!;
    const before = lines(trenin, node.id);
    const edited = {
      ...trenin,
      nodes: trenin.nodes.map((n) => (n === node ? { ...n, text: `${n.text} and more` } : n)),
    };
    expect(lines(edited, node.id).join(' ')).toBe(`${before.join(' ')} and more`);
    expect(lines(trenin, node.id, 420)).not.toEqual(before);
    const roles = new Map(layoutMap(trenin).nodes.map((n) => [n.id, n.role]));
    const asThesis = layoutMap(trenin, { roles: roles.set(node.id, 'thesis') });
    expect(asThesis.nodes.find((n) => n.id === node.id)!.label).toBe('THESIS');
  });

  it('the same node under another source author names its speaker, or no longer does', () => {
    const node = trenin.nodes.find((n) => n.speaker === 'Interviewer')!;
    const speakerOf = (map: ArgumentMap) => layoutMap(map).nodes.find((n) => n.id === node.id)!.speaker;
    expect(speakerOf(trenin)).toBe('— Interviewer');
    // The same node objects, in a map whose source's author is the interviewer: no speaker to name.
    const byInterviewer = { ...trenin, source: { ...trenin.source!, author: 'Interviewer' } };
    expect(speakerOf(byInterviewer)).toBeUndefined();
    expect(speakerOf(trenin)).toBe('— Interviewer');
  });

  it('a step of the tour lays its boxes out again as they were measured for it', () => {
    const step = cutMap(trenin, new Set(trenin.nodes.slice(0, 12).map((n) => n.id)));
    const again = cutMap(trenin, new Set(trenin.nodes.slice(0, 12).map((n) => n.id)));
    const first = layoutMap(step, { textWidth: 300 }).nodes;
    const second = layoutMap(again, { textWidth: 300 }).nodes;
    expect(second.map((n) => n.textLines)).toEqual(first.map((n) => n.textLines));
    second.forEach((n, i) => expect(n.textLines).toBe(first[i]!.textLines));
  });

  it('a layout with remembered boxes equals one that measures every box', () => {
    fc.assert(
      fc.property(arbitraryMap, fc.constantFrom(undefined, 300, 420), (map, textWidth) => {
        layoutMap(map, { textWidth });
        const again = layoutMap(map, { textWidth });
        expect(again).toEqual(layoutMap(map, { textWidth, measurer: freshMeasurer() }));
      }),
      { numRuns: 40 },
    );
  });
});
