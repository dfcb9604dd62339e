import { describe, expect, it } from 'vitest';
import { requestLocale } from './request-locale.ts';

describe('requestLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['de', 'de'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['en-US,de;q=0.5', 'en'],
    ['fr,de;q=0.3', 'de'],
    ['de;q=0.2, en;q=0.9', 'en'],
    ['de;q=0', 'en'],
    ['ro', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(requestLocale(header)).toBe(expected);
  });
});
