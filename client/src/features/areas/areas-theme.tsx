/**
 * The neutral theme: each area in a colour of its own (neighbours differ, see
 * map/area-colouring.ts), the city overview in the panel. It owns no URL keys and
 * requests nothing; it is the first in the registry, so an empty URL shows it.
 */
import { defineTheme, INACTIVE_VIEW, type ThemeView } from '../../app/theme.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AREA_PALETTE } from '../../map/layers/palette.ts';

/** Four of the neutral colours stand for all of them in the legend. */
const LEGEND_COLOURS = AREA_PALETTE.slice(0, 4);

export const areasTheme = defineTheme<Record<string, never>>({
  id: 'areas',
  label: ({ t }) => t('theme.areas'),
  url: { keys: [], defaults: {}, parse: () => ({}), format: () => {} },
  useView(ctx): ThemeView {
    const { t } = useI18n();
    if (!ctx.active) return INACTIVE_VIEW;
    return {
      ...INACTIVE_VIEW,
      legend: {
        borderOfLevel: false,
        items: ctx.areasVisible && (
          <li className="legend-item">
            <span className="swatch-palette" aria-hidden="true">
              {LEGEND_COLOURS.map((colour) => (
                <span key={colour} style={{ background: colour }} />
              ))}
            </span>
            <span>
              <strong className="legend-level">{t(`levels.${ctx.level}`)}</strong>
              <span className="legend-note">{t('legend.areasNote')}</span>
            </span>
          </li>
        ),
      },
      panel: { cityOverview: true },
    };
  },
});
