/**
 * Who covers the selected area in the coverage mode: its case managers with their
 * languages, the languages its residents need (one group per nationality: any language
 * of a group will do) and which are missing, the last visit and the gaps.
 */
import type { AreaCoverage, Coverage } from '../../../../server/src/schemas/coverage.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { languageName } from '../../i18n/language-name.ts';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import { LanguageBadges } from './language-badges.tsx';
import './coverage.css';

export interface AreaCoverageCardProps {
  coverage: Coverage;
  areaId: number;
  onSelectCaseManager: (id: number) => void;
}

export function AreaCoverageCard({ coverage, areaId, onSelectCaseManager }: AreaCoverageCardProps) {
  const { t } = useI18n();
  const area = coverage.areas.find((a) => a.areaId === areaId);
  return (
    <section className="panel-card" data-testid="area-coverage" aria-labelledby="area-coverage-title">
      <div className="panel-card-header">
        <div className="panel-card-heading">
          <h2 id="area-coverage-title" className="panel-title panel-title-small">
            {t('areaCoverage.title')} {coverage.synthetic && <ProvenanceBadge provenance="synthetic" />}
          </h2>
        </div>
      </div>
      <div className="panel-body">
        {area ? <AreaCoverageFacts coverage={coverage} area={area} onSelectCaseManager={onSelectCaseManager} /> : <p className="muted">{t('areaCoverage.otherLevel')}</p>}
      </div>
    </section>
  );
}

function AreaCoverageFacts({ coverage, area, onSelectCaseManager }: { coverage: Coverage; area: AreaCoverage; onSelectCaseManager: (id: number) => void }) {
  const { t, locale, date, integer } = useI18n();
  const people = coverage.caseManagers.filter((cm) => area.caseManagerIds.includes(cm.id));
  const group = (codes: string[]) => codes.map((c) => languageName(locale, c)).join(` ${t('areaCoverage.or')} `);
  return (
    <>
      {area.gaps.length > 0 ? (
        <ul className="gap-list" data-testid="area-coverage-gaps">
          {area.gaps.map((gap) => (
            <li key={gap} className={`gap-badge gap-${gap}`}>
              {t(`gap.${gap}`, { days: coverage.rules.maxDaysWithoutVisit })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="ok-note">{t('areaCoverage.noGaps')}</p>
      )}
      <dl className="facts">
        <div className="fact">
          <dt>{t('areaCoverage.caseManagers')}</dt>
          <dd>
            {people.length === 0 ? (
              <span className="text-danger">{t('areaCoverage.nobody')}</span>
            ) : (
              <ul className="plain-list">
                {people.map((cm) => (
                  <li key={cm.id}>
                    <button type="button" className="link-button" onClick={() => onSelectCaseManager(cm.id)}>
                      {cm.key}
                    </button>{' '}
                    <LanguageBadges codes={cm.languages} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('areaCoverage.residents')}</dt>
          <dd>{t('areaCoverage.roBg', { ro: integer(area.ro), bg: integer(area.bg) })}</dd>
        </div>
        <div className="fact">
          <dt>{t('areaCoverage.needed')}</dt>
          <dd>
            {area.neededLanguages.length === 0 ? (
              <span className="muted">{t('areaCoverage.noneNeeded', { min: coverage.rules.minResidentsForLanguageNeed })}</span>
            ) : (
              <ul className="plain-list">
                {area.neededLanguages.map((g) => (
                  <li key={g.join()}>{group(g)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('areaCoverage.missing')}</dt>
          <dd data-testid="area-coverage-missing">
            {area.missingLanguages.length === 0 ? (
              <span className="muted">{t('areaCoverage.noneMissing')}</span>
            ) : (
              <ul className="plain-list text-danger">
                {area.missingLanguages.map((g) => (
                  <li key={g.join()}>{group(g)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('areaCoverage.lastVisit')}</dt>
          <dd>
            {area.lastVisit === null ? (
              <span className="muted">{t('areaCoverage.neverVisited')}</span>
            ) : (
              <>
                {date(area.lastVisit)}
                {area.daysSinceLastVisit !== null && <span className="muted"> · {t('areaCoverage.daysAgo', { days: integer(area.daysSinceLastVisit) })}</span>}
              </>
            )}
          </dd>
        </div>
      </dl>
    </>
  );
}
