import { describe, expect, it } from 'vitest';
import { colour, evaluatePaint } from '../testing/evaluate-paint.ts';
import { NO_DATA, RESIDENTS_RAMP, RESIDENTS_ZERO } from './palette.ts';
import { residentsClasses, residentsFillColour } from './residents-layer.ts';

const at = (breaks: number[], state: Record<string, unknown>) =>
  evaluatePaint('fill', 'fill-color', residentsFillColour(breaks), { id: 1, properties: {} }, state);

describe('residentsFillColour', () => {
  const breaks = [95, 250, 350, 400];

  it('colours each class from the feature state', () => {
    expect(at(breaks, { value: 19 })).toEqual(colour(RESIDENTS_RAMP[0]));
    expect(at(breaks, { value: 95 })).toEqual(colour(RESIDENTS_RAMP[1]));
    expect(at(breaks, { value: 349.9 })).toEqual(colour(RESIDENTS_RAMP[2]));
    expect(at(breaks, { value: 400 })).toEqual(colour(RESIDENTS_RAMP[4]));
    expect(at(breaks, { value: 665 })).toEqual(colour(RESIDENTS_RAMP[4]));
  });

  it('keeps "nobody" and "no figure" apart from the classes', () => {
    expect(at(breaks, { value: 0 })).toEqual(colour(RESIDENTS_ZERO));
    expect(at(breaks, { value: 0.4 })).toEqual(colour(RESIDENTS_RAMP[0]));
    expect(at(breaks, {})).toEqual(colour(NO_DATA));
    expect(at(breaks, { value: -1 })).toEqual(colour(NO_DATA));
  });

  it('works with a single class (no breaks)', () => {
    expect(at([], { value: 3 })).toEqual(colour(residentsClasses([])[0].colour));
    expect(at([], { value: 0 })).toEqual(colour(RESIDENTS_ZERO));
  });
});

describe('residentsClasses', () => {
  it('spreads fewer classes over the whole ramp, light to dark', () => {
    expect(residentsClasses([10, 20]).map((c) => c.colour)).toEqual([RESIDENTS_RAMP[0], RESIDENTS_RAMP[2], RESIDENTS_RAMP[4]]);
    expect(residentsClasses([10, 20]).map((c) => [c.from, c.to])).toEqual([
      [0, 10],
      [10, 20],
      [20, null],
    ]);
  });
});
