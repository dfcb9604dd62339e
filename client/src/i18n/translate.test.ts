import { describe, expect, it } from 'vitest';
import de from './messages/de.json';
import { translate } from './translate.ts';

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate(de, 'app.city', { name: 'Herne' })).toBe('Stadt Herne');
    expect(translate(de, 'overview.countOf', { count: 13, official: 14 })).toBe('13 von 14');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(translate(de, 'app.city')).toBe('Stadt {name}');
    expect(translate(de, 'app.city', { other: 'x' })).toBe('Stadt {name}');
  });
});
