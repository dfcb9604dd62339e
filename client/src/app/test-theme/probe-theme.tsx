/**
 * A theme that exists only for `register-theme.browser.test.ts`: it proves that a theme is
 * added by registering one module. It is built into a test bundle only (`main.tsx` here),
 * never into the production bundle (client/index.html does not import it).
 *
 * What it shows is chosen to be unmistakable: the areas of the level in pure magenta (a
 * colour no other layer uses), a legend block and a panel card naming its own URL state
 * (`?probe=<n>`, 1–9, default 1), and a button in the card that counts it up.
 */
import { useMemo } from 'react';
import { parseIntegerIn } from '../../state/url-params.ts';
import { defineTheme, INACTIVE_VIEW, type ThemeMapLayers, type ThemeView } from '../theme.ts';

export const PROBE_FILL_ID = 'probe-fill';
export const PROBE_COLOUR = '#ff00ff';

export interface ProbeState {
  /** @default 1 */
  n: number;
}

export const probeTheme = defineTheme<ProbeState>({
  id: 'probe',
  label: ({ locale }) => (locale === 'de' ? 'Sonde' : 'Probe'),
  url: {
    keys: ['probe'],
    defaults: { n: 1 },
    parse: (params) => ({ n: parseIntegerIn(params.get('probe'), 1, 9, 1) }),
    format: (state, params) => {
      if (state.n !== 1) params.set('probe', String(state.n));
    },
  },
  useView(ctx): ThemeView {
    const { level } = ctx;
    const layers = useMemo(
      (): ThemeMapLayers => ({
        fills: [{ id: PROBE_FILL_ID, type: 'fill', source: level, 'source-layer': level, paint: { 'fill-color': PROBE_COLOUR, 'fill-opacity': 1 } }],
        lines: [],
      }),
      [level],
    );
    if (!ctx.active || !ctx.areasVisible) return INACTIVE_VIEW;
    const { n } = ctx.own;
    return {
      maps: [{ layers, areaStates: null, labelDetails: null, labelDetailsSynthetic: false }],
      legend: { block: <p data-testid="probe-legend">probe legend {n}</p> },
      panel: {
        cards: (
          <p data-testid="probe-panel">
            <button type="button" data-testid="probe-next" onClick={() => ctx.update({ n: Math.min(n + 1, 9) })}>
              probe {n}
            </button>
          </p>
        ),
      },
      pending: false,
    };
  },
});
