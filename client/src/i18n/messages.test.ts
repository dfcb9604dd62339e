import { describe, expect, it } from 'vitest';
import de from './messages/de.json';
import en from './messages/en.json';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message files', () => {
  it('have identical key sets', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it.each([
    ['de', de],
    ['en', en],
  ] as const)('%s has no empty strings', (_locale, messages) => {
    const empty = Object.entries(messages).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('use the same placeholders for each key', () => {
    const mismatched = Object.keys(de).filter(
      (key) => placeholders(de[key as keyof typeof de]).join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
