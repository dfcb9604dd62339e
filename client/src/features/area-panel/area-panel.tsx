/**
 * Details of the selected area: name, level, parent, area, Zensus population,
 * source, provenance and method, and the official names one level below that have
 * no public boundary yet. The close button and Escape (handled by the app) clear it.
 */
import type { AreaDetail, AreaLevel } from '../../../../server/src/schemas/area.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { ProgressBar } from '../../ui/progress-bar.tsx';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import type { RequestResult } from '../../lib/use-request.ts';
import { RequestErrorMessage } from '../../ui/request-error.tsx';
import { CloseButton } from '../../ui/close-button.tsx';
import './area-panel.css';

export interface AreaPanelProps {
  /** From `useArea(id)`; the app holds it because the map needs the area's level too. */
  request: RequestResult<AreaDetail>;
  onClose: () => void;
  /** Select another area (the parent). */
  onSelect: (id: number) => void;
}

const OFFICIAL_NAMES_TITLE: Partial<Record<AreaLevel, MessageKey>> = {
  city: 'panel.officialNames.borough',
  borough: 'panel.officialNames.quarter',
  quarter: 'panel.officialNames.district',
};

export function AreaPanel({ request, onClose, onSelect }: AreaPanelProps) {
  const { t } = useI18n();
  const { state, reload } = request;
  // While the next area loads, the previous one stays visible, dimmed.
  const area = state.data;

  return (
    <section className="panel-card area-panel" data-testid="area-panel" aria-label={t('panel.label')} aria-busy={state.status === 'loading'}>
      <div className="panel-card-header">
        <div className="panel-card-heading">
          <p className="panel-kicker">{area ? t(`level.${area.level}`) : '\u00a0'}</p>
          <h2 className="panel-title" data-testid="area-panel-name">
            {area?.name ?? t('panel.loading')}
          </h2>
        </div>
        <CloseButton label={t('panel.close')} onClick={onClose} />
      </div>
      {state.status === 'loading' && <ProgressBar label={t('panel.loading')} />}
      {state.status === 'error' && <RequestErrorMessage message={t('error.area')} error={state.error} onRetry={reload} />}
      {area && <AreaFacts area={area} dimmed={state.status === 'loading'} onSelect={onSelect} />}
    </section>
  );
}

function AreaFacts({ area, dimmed, onSelect }: { area: AreaDetail; dimmed: boolean; onSelect: (id: number) => void }) {
  const { t, km2, integer, locale } = useI18n();
  const officialNamesTitle = OFFICIAL_NAMES_TITLE[area.level];
  return (
    <div className={dimmed ? 'panel-body panel-body-dimmed' : 'panel-body'}>
      <dl className="facts">
        <div className="fact">
          <dt>{t('panel.level')}</dt>
          <dd data-testid="area-panel-level">{t(`level.${area.level}`)}</dd>
        </div>
        {area.parent && (
          <div className="fact">
            <dt>{t('panel.parent')}</dt>
            <dd>
              <button type="button" className="link-button" onClick={() => onSelect(area.parent!.id)}>
                {area.parent.name}
              </button>{' '}
              <span className="muted">({t(`level.${area.parent.level}`)})</span>
            </dd>
          </div>
        )}
        <div className="fact">
          <dt>{t('panel.area')}</dt>
          <dd data-testid="area-panel-area">{km2(area.areaKm2)}</dd>
        </div>
        <div className="fact">
          <dt>{t('panel.population')}</dt>
          <dd data-testid="area-panel-population">
            {area.zensusPopulation === null ? <span className="muted">{t('panel.populationUnknown')}</span> : integer(area.zensusPopulation)}
          </dd>
        </div>
        {area.childCount > 0 && (
          <div className="fact">
            <dt>{t('panel.children')}</dt>
            <dd>{integer(area.childCount)}</dd>
          </div>
        )}
        <div className="fact">
          <dt>{t('panel.provenance')}</dt>
          <dd>
            <ProvenanceBadge provenance={area.provenance} withReason />
            <span className="fact-note">{t(`provenance.why.${area.provenance}`)}</span>
          </dd>
        </div>
        <div className="fact">
          <dt>{t('panel.source')}</dt>
          <dd data-testid="area-panel-source">{area.source[locale]}</dd>
        </div>
        {area.method && (
          <div className="fact">
            <dt>{t('panel.method')}</dt>
            <dd className="fact-text" data-testid="area-panel-method">
              {area.method[locale]}
            </dd>
          </div>
        )}
      </dl>
      {officialNamesTitle && area.officialNames.length > 0 && (
        <div className="official-names" data-testid="area-panel-official-names">
          <p className="official-names-title">{t(officialNamesTitle)}</p>
          <p className="official-names-list">{area.officialNames.join(', ')}</p>
        </div>
      )}
    </div>
  );
}
