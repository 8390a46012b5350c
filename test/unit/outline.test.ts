import { describe, expect, it } from 'vitest';
import { outlineLoops } from '../../src/core/layout/outline.ts';
import { outlinePath } from '../../src/core/render/path.ts';

const rect = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('the outline of rectangles that share edges', () => {
  it('of one rectangle is its four corners', () => {
    const [loop, ...more] = outlineLoops([rect(0, 0, 10, 5)]);
    expect(more).toEqual([]);
    expect(new Set(loop!.map((p) => `${p.x},${p.y}`))).toEqual(new Set(['0,0', '10,0', '10,5', '0,5']));
  });

  it('of a narrow head on a wide body is one loop of eight corners, the shared edge left out', () => {
    const loops = outlineLoops([rect(40, 0, 20, 10), rect(0, 10, 100, 30)]);
    expect(loops).toHaveLength(1);
    expect(loops[0]).toHaveLength(8);
    expect(loops[0]!.some((p) => p.y === 10 && p.x > 40 && p.x < 60)).toBe(false);
  });

  it('of rectangles side by side with the same height is one rectangle', () => {
    const loops = outlineLoops([rect(0, 0, 10, 10), rect(10, 0, 10, 10), rect(20, 0, 5, 10)]);
    expect(loops).toHaveLength(1);
    expect(loops[0]).toHaveLength(4);
  });

  it('of a ring has a loop for the hole', () => {
    const ring = [rect(0, 0, 30, 10), rect(0, 10, 10, 10), rect(20, 10, 10, 10), rect(0, 20, 30, 10)];
    expect(outlineLoops(ring)).toHaveLength(2);
  });

  it('is drawn closed, each corner rounded, less where a run is short', () => {
    const d = outlinePath(outlineLoops([rect(0, 0, 100, 50)]), 10);
    expect(d.match(/Q/g)).toHaveLength(4);
    expect(d.endsWith('Z')).toBe(true);
    expect(d).toContain('Q0,0 ');
    const narrow = outlinePath(outlineLoops([rect(0, 0, 6, 50)]), 10);
    // A 6 px run leaves 3 px for each corner.
    expect(narrow).toContain('Q6,0 6,3');
  });
});
