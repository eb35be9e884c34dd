import { describe, expect, it } from 'vitest';
import { lockTree, sparkline } from '../../src/tui/health/rows.js';

describe('Health pane drawing helpers', () => {
  it('draws a sparkline scaled between the samples\' min and max', () => {
    expect(sparkline([10, 10, 10], 10)).toBe('▁▁▁');
    expect(sparkline([0, 50, 100], 10)).toBe('▁▄█');
    expect(sparkline([1, 2, 3, 4, 5], 3)).toBe('▁▄█');
    expect(sparkline([], 5)).toBe('');
  });
  it('draws who blocks whom as a tree, roots first, and stops at a cycle', () => {
    const b = (pid: number, by: number[], q = 'q') => ({ pid, blockedBy: by, seconds: 3, mode: 'AccessShareLock', relation: 't', query: q });
    expect(lockTree([b(2, [1], 'SELECT 2'), b(3, [2], 'SELECT 3')])).toEqual([
      'pid 1 blocks',
      '  └─ pid 2 waits 3 s for AccessShareLock on t: SELECT 2',
      '    └─ pid 3 waits 3 s for AccessShareLock on t: SELECT 3',
    ]);
    const cycle = lockTree([b(1, [2]), b(2, [1])]);
    expect(cycle[0]).toBe('pid 2 blocks');
    expect(cycle).toHaveLength(3);
  });
});
