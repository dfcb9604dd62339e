/**
 * What the area fill shows (the theme, with the theme's own options under it), which area level to show (a radio
 * group) and which extra layers (checkboxes). Each non-official level carries its
 * provenance badge and, when chosen, a one-line why.
 */
import type { ReactNode } from 'react';
import type { LevelSummary } from '../../../../server/src/schemas/city.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AREA_LAYER_IDS, levelOfAreaLayer, type AreaLayerId } from '../../state/area-layer-id.ts';
import type { UrlState, ZensusMode } from '../../state/url-state.ts';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import './layer-switcher.css';

export interface LayerSwitcherProps {
  state: Pick<UrlState, 'level' | 'theme' | 'zensus' | 'zensusMode' | 'context' | 'labels' | 'problems'>;
  /** The registered themes in their order, with their names in the UI language. */
  themes: ReadonlyArray<{ id: string; label: string }>;
  /** The shown theme's own options (e.g. count or per 1,000), under the theme switch. */
  themeOptions?: ReactNode;
  levels: LevelSummary[];
  cityName: string;
  hasZensusGrid: boolean;
  onChange: (patch: Partial<UrlState>) => void;
}

export function LayerSwitcher({ state, themes, themeOptions, levels, cityName, hasZensusGrid, onChange }: LayerSwitcherProps) {
  const { t, integer } = useI18n();
  const summaryOf = (id: AreaLayerId) => levels.find((l) => l.level === levelOfAreaLayer(id));
  const current = summaryOf(state.level);
  const currentProvenance = current && current.count > 0 ? current.provenance : null;

  return (
    <section className="card-section" data-testid="layer-switcher" aria-labelledby="layer-switcher-title">
      <h2 id="layer-switcher-title" className="section-title">
        {t('switcher.title')}
      </h2>
      <fieldset className="field-group" disabled={!current || current.count === 0}>
        <legend className="field-group-title">{t('switcher.theme')}</legend>
        <div className="segmented segmented-grid" role="radiogroup" aria-label={t('switcher.theme')}>
          {themes.map((theme) => (
            <label key={theme.id} className="segment">
              <input
                type="radio"
                name="theme"
                value={theme.id}
                data-testid={`theme-${theme.id}`}
                checked={state.theme === theme.id}
                onChange={() => onChange({ theme: theme.id })}
              />
              <span>{theme.label}</span>
            </label>
          ))}
        </div>
        {themeOptions}
      </fieldset>

      <fieldset className="field-group">
        <legend className="field-group-title">{t('switcher.level')}</legend>
        {AREA_LAYER_IDS.map((id) => {
          const summary = summaryOf(id);
          const count = summary?.count ?? 0;
          return (
            <label key={id} className={`option${count === 0 ? ' option-disabled' : ''}`}>
              <input
                type="radio"
                name="area-level"
                value={id}
                checked={state.level === id}
                disabled={count === 0}
                onChange={() => onChange({ level: id })}
              />
              <span className="option-label">{t(`levels.${id}`)}</span>
              <span className="option-meta">
                {count > 0 ? integer(count) : t('switcher.empty')}
                {count > 0 && summary?.provenance && summary.provenance !== 'official' && (
                  <ProvenanceBadge provenance={summary.provenance} />
                )}
              </span>
            </label>
          );
        })}
        {currentProvenance && currentProvenance !== 'official' && (
          <p className="provenance-why" data-testid="provenance-why">
            <ProvenanceBadge provenance={currentProvenance} withReason /> {t(`provenance.why.${currentProvenance}`)}
          </p>
        )}
      </fieldset>

      <fieldset className="field-group">
        <legend className="field-group-title">{t('switcher.overlays')}</legend>
        <label className="option">
          <input
            type="checkbox"
            data-testid="toggle-problems"
            checked={state.problems}
            onChange={(e) => onChange({ problems: e.target.checked })}
          />
          <span className="option-label">{t('switcher.problems')}</span>
        </label>
        <label className={`option${hasZensusGrid ? '' : ' option-disabled'}`}>
          <input
            type="checkbox"
            data-testid="toggle-zensus"
            checked={hasZensusGrid && state.zensus}
            disabled={!hasZensusGrid}
            onChange={(e) => onChange({ zensus: e.target.checked })}
          />
          <span className="option-label">{t('switcher.zensus')}</span>
        </label>
        {!hasZensusGrid && <p className="hint">{t('switcher.noZensus', { city: cityName })}</p>}
        {hasZensusGrid && state.zensus && (
          <div className="sub-options" role="radiogroup" aria-label={t('switcher.zensusMode')}>
            {(['population', 'share'] satisfies ZensusMode[]).map((mode) => (
              <label key={mode} className="option option-small">
                <input
                  type="radio"
                  name="zensus-mode"
                  value={mode}
                  checked={state.zensusMode === mode}
                  onChange={() => onChange({ zensusMode: mode })}
                />
                <span className="option-label">
                  {t(mode === 'population' ? 'switcher.zensusPopulation' : 'switcher.zensusShare')}
                </span>
              </label>
            ))}
          </div>
        )}
        <label className="option">
          <input type="checkbox" checked={state.context} onChange={(e) => onChange({ context: e.target.checked })} />
          <span className="option-label">{t('switcher.context')}</span>
        </label>
        <label className={`option${current && current.count > 0 ? '' : ' option-disabled'}`}>
          <input
            type="checkbox"
            checked={state.labels}
            disabled={!current || current.count === 0}
            onChange={(e) => onChange({ labels: e.target.checked })}
          />
          <span className="option-label">{t('switcher.labels')}</span>
        </label>
      </fieldset>
    </section>
  );
}
