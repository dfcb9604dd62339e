/**
 * The URL state with the real theme registry: every shared key and every theme's keys
 * parse, print and round-trip, and links written before themes were modules (issue 10)
 * read the same.
 */
import { describe, expect, it } from 'vitest';
import { THEMES } from '../app/themes.ts';
import { DEFAULT_ANALYSIS_STATE, type AnalysisState } from '../features/analysis/analysis-url-state.ts';
import {
  defaultUrlState,
  formatViewHash,
  parseUrlState as parseWith,
  parseViewHash,
  serialiseUrlState as serialiseWith,
  type UrlState,
} from './url-state.ts';

const parseUrlState = (search: string, hash: string) => parseWith(search, hash, THEMES);
const serialiseUrlState = (state: UrlState) => serialiseWith(state, THEMES);
const DEFAULT_URL_STATE = defaultUrlState(THEMES);
/** The default state with some themes' own states patched. */
const withThemes = (themes: Record<string, unknown>, state: Partial<UrlState> = {}): UrlState => ({
  ...DEFAULT_URL_STATE,
  ...state,
  themes: { ...DEFAULT_URL_STATE.themes, ...themes },
});

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
    const state = withThemes(
      { residents: { mode: 'per1000' }, coverage: { caseManager: 3 } },
      {
        level: 'districts',
        month: '2026-09',
        theme: 'residents',
        zensus: true,
        zensusMode: 'share',
        context: false,
        labels: false,
        problems: false,
        area: 12,
        property: 7,
        lang: 'en',
        view: { zoom: 12.5, lat: 51.54123, lon: 7.21945 },
      },
    );
    expect(roundTrip(state)).toEqual(state);
    expect(serialiseUrlState(state)).toEqual({
      search: '?level=districts&month=2026-09&theme=residents&zensus=1&zmode=share&context=0&labels=0&problems=0&area=12&property=7&lang=en&rmode=per1000&cm=3',
      hash: '#12.5/51.54123/7.21945',
    });
  });

  it('reads a link written before themes were modules exactly as before (issue 10)', () => {
    // The order of the keys as the app wrote them then: theme keys among the shared ones.
    const old = parseUrlState(
      '?level=districts&month=2026-09&theme=residents&rmode=per1000&zensus=1&zmode=share&context=0&labels=0&problems=0&area=12&property=7&cm=3&lang=en',
      '#12.5/51.54123/7.21945',
    );
    expect(old).toEqual(roundTrip(old));
    expect(old).toMatchObject({ level: 'districts', theme: 'residents', area: 12, property: 7, lang: 'en' });
    expect(old.themes).toMatchObject({ residents: { mode: 'per1000' }, coverage: { caseManager: 3 } });
  });

  it('gives every theme its own keys, and no two themes the same one', () => {
    const keys = THEMES.flatMap((t) => [...t.url.keys]);
    expect(new Set(keys).size).toBe(keys.length);
    const shared = ['level', 'month', 'theme', 'zensus', 'zmode', 'context', 'labels', 'problems', 'area', 'property', 'lang'];
    expect(keys.filter((k) => shared.includes(k))).toEqual([]);
    // Each key a theme prints is one it declares.
    const all = withThemes({
      residents: { mode: 'per1000' },
      coverage: { caseManager: 3 },
      analysis: { ...DEFAULT_ANALYSIS_STATE, indicator: 'visits', grid: 'h3_8', classes: 4, compareMonth: '2026-01', hex: '881f1d4817fffff' },
    });
    for (const theme of THEMES) {
      const params = new URLSearchParams();
      theme.url.format(all.themes[theme.id], params);
      for (const key of params.keys()) expect(theme.url.keys).toContain(key);
    }
  });

  it('round-trips every analysis setting, and leaves defaults out', () => {
    const analysis: AnalysisState = {
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
    };
    const state = withThemes({ analysis }, { theme: 'analysis' });
    expect(roundTrip(state)).toEqual(state);
    expect(serialiseUrlState({ ...DEFAULT_URL_STATE, theme: 'analysis' }).search).toBe('?theme=analysis');
  });

  it('drops analysis values it cannot use instead of guessing', () => {
    const parsed = parseUrlState('?theme=analysis&ind=nonsense&classes=9&breaks=5,3&stat=kriging&perm=-1&hex=zzz&grid=h3_7&pal=rainbow', '');
    expect(parsed.themes.analysis).toEqual(DEFAULT_ANALYSIS_STATE);
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
    expect(serialiseUrlState(withThemes({ coverage: { caseManager: 4 } }, { theme: 'coverage' })).search).toBe('?theme=coverage&cm=4');
  });

  it('rejects a month that is not YYYY-MM, an unknown theme and bad ids', () => {
    for (const month of ['2026-13', '2026-1', '26-10', '2026-10-01', '']) {
      expect(parseUrlState(`?month=${month}`, '').month).toBeNull();
    }
    expect(parseUrlState('?theme=heat&rmode=share', '')).toMatchObject({ theme: 'areas', themes: { residents: { mode: 'count' } } });
    expect(parseUrlState('?property=0&cm=x', '')).toMatchObject({ property: null, themes: { coverage: { caseManager: null } } });
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
