import { describe, expect, it } from 'vitest';
import de from '../../i18n/messages/de.json';
import en from '../../i18n/messages/en.json';
import { translate, type MessageKey } from '../../i18n/translate.ts';
import { classify } from './classify.ts';
import { legendClasses } from './legend-classes.ts';
import { divergingPalette, sequentialPalette } from './palettes.ts';

// The fixtures of classify.test.ts: Herne's quarters and a set with mean 5, SD 2.
const herne = [173, 258, 203, 335, 396, 348, 384, 46, 33, 19, 364, 665, 615];
const textbook = [2, 4, 4, 4, 5, 5, 7, 9];

// Brackets show that every number went through the formatter.
const format = (v: number) => `[${v}]`;
const formatSd = (v: number) => `${v > 0 ? '+' : ''}${v}`;

describe('legendClasses', () => {
  it('gives one row per class with colour, bounds, count and label', () => {
    const c = classify(herne, { method: 'quantile', classes: 5 }); // breaks 95 250 350 400
    const colours = sequentialPalette('YlGnBu', c.classes);
    const rows = legendClasses(c, colours, format);
    expect(rows.map((r) => r.colour)).toEqual(colours);
    expect(rows.map((r) => [r.from, r.to])).toEqual([
      [null, 95],
      [95, 250],
      [250, 350],
      [350, 400],
      [400, null],
    ]);
    expect(rows.map((r) => r.count)).toEqual([3, 2, 3, 3, 2]);
    expect(rows.map((r) => r.label)).toEqual([
      { key: 'legend.rangeBelow', params: { to: '[95]' } },
      { key: 'legend.range', params: { from: '[95]', to: '[250]' } },
      { key: 'legend.range', params: { from: '[250]', to: '[350]' } },
      { key: 'legend.range', params: { from: '[350]', to: '[400]' } },
      { key: 'legend.rangeOpen', params: { from: '[400]' } },
    ]);
    expect(rows.some((r) => r.sdLabel)).toBe(false);
  });

  it('reads as the existing legend messages do, in German and English', () => {
    const rows = legendClasses(classify(herne, { method: 'quantile', classes: 3 }), sequentialPalette('PuBu', 3), String);
    // the value labels use keys that are already in the message files
    const text = (messages: typeof de) => rows.map((r) => translate(messages, r.label.key as MessageKey, r.label.params));
    // terciles (positions 4 and 8 of 13) 203 and 364 round to 200 and 350
    expect(text(de)).toEqual(['unter 200', '200 bis unter 350', '350 und mehr']);
    expect(text(en)).toEqual(['under 200', '200 to under 350', '350 and more']);
  });

  it('labels standard-deviation classes with the mean named and signed SD multiples', () => {
    const four = classify(textbook, { method: 'std_dev', classes: 4 });
    expect(legendClasses(four, divergingPalette('RdBu', 4), format, formatSd).map((r) => r.sdLabel)).toEqual([
      { key: 'legend.sdBelow', params: { to: '-1' } },
      { key: 'legend.sdToMean', params: { from: '-1' } },
      { key: 'legend.sdFromMean', params: { to: '+1' } },
      { key: 'legend.sdAbove', params: { from: '+1' } },
    ]);
    const five = classify(textbook, { method: 'std_dev', classes: 5 });
    expect(legendClasses(five, divergingPalette('RdBu', 5), format, formatSd).map((r) => r.sdLabel)).toEqual([
      { key: 'legend.sdBelow', params: { to: '-1.5' } },
      { key: 'legend.sdRange', params: { from: '-1.5', to: '-0.5' } },
      { key: 'legend.sdAroundMean', params: { from: '-0.5', to: '+0.5' } },
      { key: 'legend.sdRange', params: { from: '+0.5', to: '+1.5' } },
      { key: 'legend.sdAbove', params: { from: '+1.5' } },
    ]);
    const two = classify(textbook, { method: 'std_dev', classes: 2 });
    const rows = legendClasses(two, divergingPalette('RdBu', 2), format, formatSd);
    expect(rows.map((r) => r.sdLabel?.key)).toEqual(['legend.sdBelowMean', 'legend.sdAboveMean']);
    // the value labels are there as well: "under 5", "5 and more"
    expect(rows.map((r) => r.label)).toEqual([
      { key: 'legend.rangeBelow', params: { to: '[5]' } },
      { key: 'legend.rangeOpen', params: { from: '[5]' } },
    ]);
  });

  it('needs a formatter for SD multiples for a standard-deviation classification', () => {
    const c = classify(textbook, { method: 'std_dev', classes: 4 });
    expect(() => legendClasses(c, divergingPalette('RdBu', 4), format)).toThrow('a std_dev classification needs formatSd for its SD labels');
  });

  it('refuses colours that do not match the classes', () => {
    // 5 classes asked, 2 possible: the palette must be taken for the actual count
    const c = classify([10, 11, 12, 13, 14, 100], { method: 'quantile', classes: 5 });
    expect(() => legendClasses(c, sequentialPalette('PuBu', 5), format)).toThrow('5 colours for 2 classes: take the palette for classification.classes');
  });

  it('spans min to max with a single class', () => {
    const range = classify([1, 1, 1, 1, 2], { method: 'quantile', classes: 3, nice: false });
    expect(range.classes).toBe(1);
    expect(legendClasses(range, ['#abcdef'], format)).toEqual([
      { colour: '#abcdef', from: null, to: null, count: 5, label: { key: 'legend.rangeAll', params: { from: '[1]', to: '[2]' } } },
    ]);
    const single = classify([4, 4], { method: 'std_dev', classes: 3 });
    expect(legendClasses(single, ['#abcdef'], format, formatSd)[0].label).toEqual({ key: 'legend.value', params: { value: '[4]' } });
  });

  it('has no rows without values, but keeps manual classes', () => {
    expect(legendClasses(classify([null], { method: 'quantile', classes: 3 }), ['#abcdef'], format)).toEqual([]);
    const manual = classify([], { method: 'manual', classes: 2, manualBreaks: [10] });
    expect(legendClasses(manual, sequentialPalette('BuPu', 2), format).map((r) => [r.label.key, r.count])).toEqual([
      ['legend.rangeBelow', 0],
      ['legend.rangeOpen', 0],
    ]);
  });
});
