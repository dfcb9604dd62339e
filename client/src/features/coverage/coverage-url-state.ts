/**
 * The coverage theme's URL key: `cm`, the case manager whose areas are highlighted. It
 * only means something in this theme, so it is dropped when another theme is chosen.
 */
import { parseId, type ThemeUrlCodec } from '../../state/url-state.ts';

export interface CoverageState {
  /** `CaseManager.id` of the highlighted case manager, or null. */
  caseManager: number | null;
}

export const coverageUrl: ThemeUrlCodec<CoverageState> = {
  keys: ['cm'],
  defaults: { caseManager: null },
  parse: (params) => ({ caseManager: parseId(params.get('cm')) }),
  format: (state, params) => {
    if (state.caseManager !== null) params.set('cm', String(state.caseManager));
  },
  resetOnLeave: true,
};
