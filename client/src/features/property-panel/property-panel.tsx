/**
 * One property, opened from the map: address and areas, the building, the current
 * WohnStG status with its timeline, residents over time (chart), the month's age groups,
 * overcrowding as ranges with a verdict, and visits by topic. It replaces the area panel
 * while open. Residents are counts only; every estimate is a range.
 */
import type { AreaRef } from '../../../../server/src/schemas/area.ts';
import type { PropertyDetail, PropertyStatus, ResidentMonth, VisitTopic } from '../../../../server/src/schemas/property.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { RequestResult } from '../../lib/use-request.ts';
import { NO_PROCEDURE, STATUS_COLOURS } from '../../map/layers/palette.ts';
import { ProgressBar } from '../../ui/progress-bar.tsx';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import { RequestErrorMessage } from '../../ui/request-error.tsx';
import { ResidentsChart } from './residents-chart.tsx';
import { CloseButton } from '../../ui/close-button.tsx';
import './property-panel.css';

export interface PropertyPanelProps {
  request: RequestResult<PropertyDetail>;
  /** The month the figures refer to; null: the latest. */
  month: string | null;
  onClose: () => void;
  /** Select an area the property lies in (closes this panel). */
  onSelectArea: (id: number) => void;
}

/** Visits of at most this many recent months are listed. */
const VISIT_MONTHS = 12;

export function PropertyPanel({ request, month, onClose, onSelectArea }: PropertyPanelProps) {
  const { t } = useI18n();
  const { state, reload } = request;
  const property = state.data;
  return (
    <section className="panel-card property-panel" data-testid="property-panel" aria-label={t('property.label')} aria-busy={state.status === 'loading'}>
      <div className="panel-card-header">
        <div className="panel-card-heading">
          <p className="panel-kicker">
            {t('property.kicker')}
            {property && <span className="kicker-key"> · {property.key}</span>}
          </p>
          <h2 className="panel-title" data-testid="property-panel-address">
            {property?.address ?? t('property.loading')}
          </h2>
          {property?.synthetic && <ProvenanceBadge provenance="synthetic" />}
        </div>
        <CloseButton label={t('property.close')} onClick={onClose} />
      </div>
      {state.status === 'loading' && <ProgressBar label={t('property.loading')} />}
      {state.status === 'error' && <RequestErrorMessage message={t('error.property')} error={state.error} onRetry={reload} />}
      {property && (
        <div className={state.status === 'loading' ? 'panel-body panel-body-dimmed' : 'panel-body'}>
          <PropertyFacts property={property} onSelectArea={onSelectArea} />
          <StatusSection property={property} />
          <ResidentsSection property={property} month={month} />
          <OvercrowdingSection property={property} />
          <VisitsSection property={property} month={month} />
        </div>
      )}
    </section>
  );
}

function StatusDot({ status }: { status: PropertyStatus | null }) {
  return <span className="status-dot" style={{ background: status ? STATUS_COLOURS[status] : NO_PROCEDURE }} aria-hidden="true" />;
}

function AreaLinks({ areas, onSelectArea }: { areas: AreaRef[]; onSelectArea: (id: number) => void }) {
  const shown = areas.filter((a) => a.level !== 'city');
  return (
    <>
      {shown.map((a, i) => (
        <span key={a.id}>
          {i > 0 && <span className="muted"> · </span>}
          <button type="button" className="link-button" onClick={() => onSelectArea(a.id)}>
            {a.name}
          </button>
        </span>
      ))}
    </>
  );
}

function PropertyFacts({ property, onSelectArea }: { property: PropertyDetail; onSelectArea: (id: number) => void }) {
  const { t, integer, decimal, date } = useI18n();
  return (
    <dl className="facts">
      <div className="fact">
        <dt>{t('property.areas')}</dt>
        <dd>
          <AreaLinks areas={property.areas} onSelectArea={onSelectArea} />
        </dd>
      </div>
      <div className="fact">
        <dt>{t('property.building')}</dt>
        <dd>{t('property.buildingValue', { flats: integer(property.flats), m2: decimal(property.livingAreaM2, 1) })}</dd>
      </div>
      <div className="fact">
        <dt>{t('property.owner')}</dt>
        <dd>{t(`owner.${property.ownerType}`)}</dd>
      </div>
      <div className="fact">
        <dt>{t('property.problem')}</dt>
        <dd>{property.isProblem ? <strong>{t('property.problemYes')}</strong> : t('property.problemNo')}</dd>
      </div>
      <div className="fact">
        <dt>{t('property.lastVisit')}</dt>
        <dd>{property.lastVisit ? date(property.lastVisit) : <span className="muted">{t('property.never')}</span>}</dd>
      </div>
    </dl>
  );
}

function StatusSection({ property }: { property: PropertyDetail }) {
  const { t, date } = useI18n();
  const since = property.status ? [...property.timeline].reverse().find((e) => e.status === property.status)?.date : undefined;
  return (
    <section className="panel-section" aria-labelledby="property-status-title">
      <h3 id="property-status-title" className="subsection-title">
        {t('property.status')}
      </h3>
      <p className="status-line" data-testid="property-status">
        <StatusDot status={property.status} />
        <strong>{t(property.status ? `status.${property.status}` : 'status.none')}</strong>
        {since && <span className="muted"> · {t('property.since', { date: date(since) })}</span>}
      </p>
      {property.timeline.length > 0 && (
        <ol className="timeline" data-testid="property-timeline" aria-label={t('property.timeline')}>
          {property.timeline.map((event, i) => (
            <li key={`${event.date}-${event.status}-${i}`} className="timeline-event">
              <StatusDot status={event.status} />
              <div className="timeline-body">
                <span className="timeline-head">
                  <time dateTime={event.date} className="timeline-date">
                    {date(event.date)}
                  </time>{' '}
                  <span className="timeline-status">{t(`status.${event.status}`)}</span>
                </span>
                {event.note && <span className="timeline-note">{event.note}</span>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The residents entry of `month`, else the latest one. */
function residentsOf(property: PropertyDetail, month: string | null): ResidentMonth | null {
  if (property.residents.length === 0) return null;
  return property.residents.find((r) => r.month === month) ?? property.residents[property.residents.length - 1];
}

function ResidentsSection({ property, month }: { property: PropertyDetail; month: string | null }) {
  const { t, integer, range, month: formatMonth } = useI18n();
  const current = residentsOf(property, month);
  const groups = current
    ? [
        { label: t('property.ageUnder6'), value: current.registered.roBgUnder6 },
        { label: t('property.age6to17'), value: current.registered.roBg6to17 },
        { label: t('property.age18plus'), value: current.registered.roBg - current.registered.roBgUnder6 - current.registered.roBg6to17 },
      ]
    : [];
  const largest = Math.max(1, ...groups.map((g) => g.value));
  return (
    <section className="panel-section" aria-labelledby="property-residents-title">
      <h3 id="property-residents-title" className="subsection-title">
        {t('property.residents')}
      </h3>
      <ResidentsChart residents={property.residents} month={month} />
      {current && (
        <>
          <h4 className="minor-title">{t('property.ageGroups', { month: formatMonth(current.month) })}</h4>
          <ul className="bars" data-testid="property-age-groups">
            {groups.map((g) => (
              <li key={g.label} className="bar-row">
                <span className="bar-label">{g.label}</span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${(g.value / largest) * 100}%` }} />
                </span>
                <span className="bar-value">{integer(g.value)}</span>
              </li>
            ))}
          </ul>
          <dl className="facts facts-compact">
            <div className="fact">
              <dt>{t('property.roBg')}</dt>
              <dd>
                {integer(current.registered.roBg)}{' '}
                <span className="muted">{t('figures.roBgSplit', { ro: integer(current.registered.ro), bg: integer(current.registered.bg) })}</span>
              </dd>
            </div>
            <div className="fact">
              <dt>{t('property.over5y')}</dt>
              <dd>{integer(current.registered.roBgOver5y)}</dd>
            </div>
            <div className="fact">
              <dt>{t('property.other')}</dt>
              <dd>{integer(current.registered.other)}</dd>
            </div>
            <div className="fact">
              <dt>{t('property.unregistered')}</dt>
              <dd>
                {current.unregistered ? (
                  <>
                    {range(current.unregistered)}
                    {current.basis && <span className="fact-note">{t('property.basis', { basis: current.basis })}</span>}
                  </>
                ) : (
                  <span className="muted">{t('property.noEstimate')}</span>
                )}
              </dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

function OvercrowdingSection({ property }: { property: PropertyDetail }) {
  const { t, range, decimal, month } = useI18n();
  const o = property.overcrowding;
  return (
    <section className="panel-section" data-testid="property-overcrowding" aria-labelledby="property-overcrowding-title">
      <h3 id="property-overcrowding-title" className="subsection-title">
        {t('property.overcrowding')}
        {o && <span className={`verdict verdict-${o.verdict}`} data-testid="property-overcrowding-verdict">{t(`verdict.${o.verdict}`)}</span>}
      </h3>
      {!o ? (
        <p className="muted">{t('property.noOvercrowding')}</p>
      ) : (
        <>
          <dl className="facts facts-compact">
            <div className="fact">
              <dt>{t('property.persons')}</dt>
              <dd>{range(o.persons)}</dd>
            </div>
            <div className="fact">
              <dt>{t('property.requiredM2')}</dt>
              <dd>{range(o.requiredM2)} m²</dd>
            </div>
            <div className="fact">
              <dt>{t('property.livingArea')}</dt>
              <dd>{decimal(o.livingAreaM2, 1)} m²</dd>
            </div>
            <div className="fact">
              <dt>{t('property.m2PerPerson')}</dt>
              <dd>{o.m2PerPerson ? `${range(o.m2PerPerson, 1)} m²` : <span className="muted">–</span>}</dd>
            </div>
          </dl>
          <p className="hint">{t('property.overcrowdingRule', { month: month(o.month) })}</p>
        </>
      )}
    </section>
  );
}

/** Visits of the months up to the one shown (a look back from there), newest first. */
function VisitsSection({ property, month: shown }: { property: PropertyDetail; month: string | null }) {
  const { t, integer, month } = useI18n();
  const recent = [...property.visits]
    .filter((v) => v.visits > 0 && (shown === null || v.month <= shown))
    .sort((a, b) => b.month.localeCompare(a.month))
    .slice(0, VISIT_MONTHS);
  return (
    <section className="panel-section" aria-labelledby="property-visits-title">
      <h3 id="property-visits-title" className="subsection-title">
        {t('property.visits')}
      </h3>
      {recent.length === 0 ? (
        <p className="muted">{t('property.noVisits')}</p>
      ) : (
        <table className="data-table visits-table" data-testid="property-visits">
          <thead>
            <tr>
              <th scope="col">{t('property.visitMonth')}</th>
              <th scope="col" className="numeric">
                {t('property.visitCount')}
              </th>
              <th scope="col">{t('property.visitTopics')}</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((v) => (
              <tr key={v.month}>
                <td className="nowrap">{month(v.month, 'short')}</td>
                <td className="numeric">{integer(v.visits)}</td>
                <td>
                  {Object.entries(v.byTopic)
                    .sort((a, b) => b[1] - a[1])
                    .map(([topic, n]) => `${t(`topic.${topic as VisitTopic}`)} ${integer(n)}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
