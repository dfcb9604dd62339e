import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_STATE, DEFAULT_URL_STATE, formatViewHash, parseUrlState, parseViewHash, serialiseUrlState, type UrlState } from './url-state.ts';

const roundTrip = (state: UrlState) => {
  const { search, hash } = serialiseUrlState(state);
  return parseUrlState(search, hash);
};

describe('URL state', () => {
  it('parses an empty URL to the defaults', () => {
    expect(parseUrlState('', '')).toEqual(DEFAULT_URL_STATE);
  });

  it('writes nothing for the defaults', () => {
    expect(serialiseUrlState(DEFAULT_URL_STATE)).toEqual({ search: '', hash: '' });
  });

  it('round-trips every field', () => {
    const state: UrlState = {
      level: 'districts',
      month: '2026-09',
      theme: 'residents',
      residentsMode: 'per1000',
      zensus: true,
      zensusMode: 'share',
      context: false,
      labels: false,
      problems: false,
      area: 12,
      property: 7,
      caseManager: 3,
      lang: 'en',
      view: { zoom: 12.5, lat: 51.54123, lon: 7.21945 },
      analysis: DEFAULT_ANALYSIS_STATE,
    };
    expect(roundTrip(state)).toEqual(state);
    expect(serialiseUrlState(state)).toEqual({
      search: '?level=districts&month=2026-09&theme=residents&rmode=per1000&zensus=1&zmode=share&context=0&labels=0&problems=0&area=12&property=7&cm=3&lang=en',
      hash: '#12.5/51.54123/7.21945',
    });
  });

  it('round-trips every analysis setting, and leaves defaults out', () => {
    const state: UrlState = {
      ...DEFAULT_URL_STATE,
      theme: 'analysis',
      analysis: {
        indicator: 'registered_per_1000',
        grid: 'h3_9',
        classification: 'manual',
        classes: 4,
        manualBreaks: [1.5, 10, 40],
        palette: 'viridis',
        statistic: 'local_moran',
        weights: 'distance_band',
        k: 6,
        bandMetres: 1200,
        transform: 'binary',
        permutations: 499,
        seed: 7,
        fdr: false,
        compareMonth: '2021-10',
        hex: '891f1d48177ffff',
      },
    };
    expect(roundTrip(state)).toEqual(state);
    expect(serialiseUrlState({ ...DEFAULT_URL_STATE, theme: 'analysis' }).search).toBe('?theme=analysis');
  });

  it('drops analysis values it cannot use instead of guessing', () => {
    const parsed = parseUrlState('?theme=analysis&ind=nonsense&classes=9&breaks=5,3&stat=kriging&perm=-1&hex=zzz&grid=h3_7&pal=rainbow', '');
    expect(parsed.analysis).toEqual(DEFAULT_ANALYSIS_STATE);
  });

  it('round-trips a partial state', () => {
    const state: UrlState = { ...DEFAULT_URL_STATE, level: 'boroughs', area: 3 };
    expect(roundTrip(state)).toEqual(state);
  });

  it('round-trips month, thematic mode and the selected property', () => {
    for (const theme of ['areas', 'residents', 'coverage'] as const) {
      const state: UrlState = { ...DEFAULT_URL_STATE, month: '2021-10', theme, property: 250 };
      expect(roundTrip(state)).toEqual(state);
    }
    expect(serialiseUrlState({ ...DEFAULT_URL_STATE, theme: 'coverage', caseManager: 4 }).search).toBe('?theme=coverage&cm=4');
  });

  it('rejects a month that is not YYYY-MM, an unknown theme and bad ids', () => {
    for (const month of ['2026-13', '2026-1', '26-10', '2026-10-01', '']) {
      expect(parseUrlState(`?month=${month}`, '').month).toBeNull();
    }
    expect(parseUrlState('?theme=heat&rmode=share', '')).toMatchObject({ theme: 'areas', residentsMode: 'count' });
    expect(parseUrlState('?property=0&cm=x', '')).toMatchObject({ property: null, caseManager: null });
    expect(parseUrlState('?property=99999999999', '').property).toBeNull();
  });

  it('parses the documented example link', () => {
    expect(parseUrlState('?level=quarters&zensus=1&area=12&lang=en', '#13/51.54/7.22')).toEqual({
      ...DEFAULT_URL_STATE,
      level: 'quarters',
      zensus: true,
      area: 12,
      lang: 'en',
      view: { zoom: 13, lat: 51.54, lon: 7.22 },
    });
  });

  it('falls back to defaults for invalid values', () => {
    expect(parseUrlState('?level=cities&zensus=maybe&zmode=x&area=-4&lang=fr', '#a/b/c')).toEqual(DEFAULT_URL_STATE);
    expect(parseUrlState('?area=1.5', '').area).toBeNull();
  });

  it('rejects views out of range', () => {
    expect(parseViewHash('#30/51/7')).toBeNull();
    expect(parseViewHash('#12/95/7')).toBeNull();
    expect(parseViewHash('#12/51')).toBeNull();
    expect(parseViewHash('#12//7')).toBeNull();
  });

  it('rounds views to 0.01 zoom and 5 decimals', () => {
    expect(formatViewHash({ zoom: 11.23456, lat: 51.5412345, lon: 7.2194567 })).toBe('#11.23/51.54123/7.21946');
  });
});
