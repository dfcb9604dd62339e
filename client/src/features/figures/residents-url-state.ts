/** The residents theme's URL key: `rmode=per1000` (counts are the default and left out). */
import type { ThemeUrlCodec } from '../../state/url-state.ts';

/** Residents as a count per area, or per 1,000 inhabitants of the Zensus 2011. */
export type ResidentsMode = 'count' | 'per1000';

export interface ResidentsState {
  /** @default 'count' */
  mode: ResidentsMode;
}

export const residentsUrl: ThemeUrlCodec<ResidentsState> = {
  keys: ['rmode'],
  defaults: { mode: 'count' },
  parse: (params) => ({ mode: params.get('rmode') === 'per1000' ? 'per1000' : 'count' }),
  format: (state, params) => {
    if (state.mode !== 'count') params.set('rmode', state.mode);
  },
};
