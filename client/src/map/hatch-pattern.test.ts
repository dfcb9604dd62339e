import { describe, expect, it } from 'vitest';
import { hatchPattern, rgba } from './hatch-pattern.ts';

const inked = (image: ReturnType<typeof hatchPattern>, x: number, y: number) => image.data[(y * image.width + x) * 4 + 3] > 0;

describe('hatchPattern', () => {
  const image = hatchPattern(8, 2, [204, 51, 17, 255]);

  it('draws diagonal lines of the given width and leaves the rest transparent', () => {
    expect(image.data.length).toBe(8 * 8 * 4);
    expect([0, 1, 2, 3].map((x) => inked(image, x, 0))).toEqual([true, true, false, false]);
    expect(inked(image, 6, 2)).toBe(true); // (6 + 2) mod 8 = 0
    expect(inked(image, 3, 3)).toBe(false);
    expect([...image.data.slice(0, 4)]).toEqual([204, 51, 17, 255]);
  });

  it('tiles seamlessly: the last column continues into the first', () => {
    for (let y = 0; y < 8; y++) {
      // a line leaving at the right edge in row y enters at the left edge one row further down
      expect(inked(image, 7, y)).toBe(inked(image, 0, (y + 7) % 8));
    }
  });
});

describe('rgba', () => {
  it('reads a hex colour', () => {
    expect(rgba('#cc3311')).toEqual([204, 51, 17, 255]);
    expect(rgba('#0b4f9c', 128)).toEqual([11, 79, 156, 128]);
  });
});
