/**
 * "Im Kartenausschnitt": totals over the properties inside the map view for the month,
 * asked again when the view settles. Ranges stay ranges; synthetic data says so.
 */
import type { BboxSummary } from '../../../../server/src/schemas/figures.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { RequestResult } from '../../lib/use-request.ts';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import { RequestErrorMessage } from '../../ui/request-error.tsx';
import './view-summary.css';

export function ViewSummary({ request }: { request: RequestResult<BboxSummary> }) {
  const { t, integer, range, month } = useI18n();
  const { state, reload } = request;
  const summary = state.data;
  return (
    <section className="panel-card" data-testid="view-summary" aria-labelledby="view-summary-title" aria-busy={state.status === 'loading'}>
      <div className="panel-card-header panel-card-header-compact">
        <div className="panel-card-heading">
          <h2 id="view-summary-title" className="panel-title panel-title-small">
            {t('summary.title')} {summary?.synthetic && <ProvenanceBadge provenance="synthetic" />}
          </h2>
          {summary && <p className="muted small">{month(summary.month)}</p>}
        </div>
      </div>
      {state.status === 'error' && <RequestErrorMessage message={t('error.summary')} error={state.error} onRetry={reload} />}
      {summary ? (
        <div className={state.status === 'loading' ? 'panel-body panel-body-dimmed' : 'panel-body'}>
          <dl className="summary-grid">
            <div className="summary-figure">
              <dt>{t('summary.registered')}</dt>
              <dd data-testid="view-summary-registered">{integer(summary.registered.roBg)}</dd>
              <dd className="summary-note">{t('figures.roBgSplit', { ro: integer(summary.registered.ro), bg: integer(summary.registered.bg) })}</dd>
            </div>
            <div className="summary-figure">
              <dt>{t('summary.unregistered')}</dt>
              <dd data-testid="view-summary-unregistered">{summary.unregistered ? range(summary.unregistered) : '–'}</dd>
              <dd className="summary-note">{t('summary.estimate')}</dd>
            </div>
            <div className="summary-figure">
              <dt>{t('summary.properties')}</dt>
              <dd>{integer(summary.properties)}</dd>
              <dd className="summary-note">{t('summary.problems', { count: integer(summary.problemProperties) })}</dd>
            </div>
            <div className="summary-figure">
              <dt>{t('summary.visits')}</dt>
              <dd>{integer(summary.visits)}</dd>
              <dd className="summary-note">{t('summary.inMonth')}</dd>
            </div>
          </dl>
        </div>
      ) : (
        state.status !== 'error' && <p className="panel-body muted">{t('summary.loading')}</p>
      )}
    </section>
  );
}
