import { describe, expect, it } from 'vitest';
import { bandPaths, linePath, linearScale, monthNumber, niceDomainTicks, niceTicks, tickStep } from './chart-scales.ts';

describe('linearScale', () => {
  it('maps the domain onto the range, also reversed (SVG y grows downwards)', () => {
    const y = linearScale([0, 40], [100, 0]);
    expect([y(0), y(10), y(40)]).toEqual([100, 75, 0]);
  });
  it('puts every value of an empty domain in the middle', () => {
    expect(linearScale([5, 5], [0, 200])(5)).toBe(100);
  });
});

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten and ends at or above the maximum', () => {
    expect(tickStep(18)).toBe(5);
    expect(niceTicks(18)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(25)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(160)).toEqual([0, 50, 100, 150, 200]);
  });
  it('never steps by less than one person', () => {
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('monthNumber', () => {
  it('counts months across year ends', () => {
    expect(monthNumber('2022-01') - monthNumber('2021-12')).toBe(1);
    expect(monthNumber('2026-10') - monthNumber('2021-10')).toBe(60);
  });
});

describe('linePath', () => {
  it('draws through the points and breaks at a gap', () => {
    expect(linePath([[0, 10], [5, 8], null, [15, 4], [20, 2.04]])).toBe('M0,10L5,8M15,4L20,2');
    expect(linePath([])).toBe('');
  });
});

describe('bandPaths', () => {
  it('closes one polygon per run of months with an estimate', () => {
    const paths = bandPaths([
      { x: 0, low: 10, high: 5 },
      { x: 10, low: 9, high: 4 },
      null,
      { x: 30, low: 8, high: 2 },
    ]);
    expect(paths).toEqual(['M0,5L10,4L10,9L0,10Z', 'M28.5,2L31.5,2L31.5,8L28.5,8Z']);
  });
  it('draws nothing without estimates', () => {
    expect(bandPaths([null, null])).toEqual([]);
  });
});

describe('niceDomainTicks', () => {
  it('spans negative and positive values with a 1-2-5 step and keeps 0', () => {
    expect(niceDomainTicks(-37, 112)).toEqual([-50, 0, 50, 100, 150]);
    // at most 4 steps: 9 / 4 = 2.25 → step 5
    expect(niceDomainTicks(3, 9)).toEqual([0, 5, 10]);
  });

  it('allows fractional steps for small rates', () => {
    expect(niceDomainTicks(0, 0.9)).toEqual([0, 0.5, 1]);
    expect(niceDomainTicks(0, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('gives a unit domain when everything is 0', () => {
    expect(niceDomainTicks(0, 0)).toEqual([0, 1]);
  });
});
