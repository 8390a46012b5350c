import { describe, expect, it } from 'vitest';
import { createGroupTest } from '../../src/core/model/groups.ts';

describe('group membership', () => {
  const inGroup = createGroupTest([
    { id: 'economy', title: 'Economy' },
    { id: 'retail', title: 'Retail', parent: 'economy' },
    { id: 'a', title: 'A', parent: 'b' },
    { id: 'b', title: 'B', parent: 'a' },
  ]);

  it('counts a group as in itself and in the groups around it', () => {
    expect(inGroup('retail', 'retail')).toBe(true);
    expect(inGroup('retail', 'economy')).toBe(true);
    expect(inGroup('economy', 'retail')).toBe(false);
    expect(inGroup(undefined, 'economy')).toBe(false);
  });

  it('ends on a cycle of parents', () => {
    expect(inGroup('a', 'b')).toBe(true);
    expect(inGroup('a', 'economy')).toBe(false);
  });
});
