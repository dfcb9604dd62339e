import type pg from 'pg';
import { assessCoverage } from '../../analysis/coverage-gaps.ts';
import { loadSql } from '../../db/sql-file.ts';
import type { AreaCoverage, CaseManager } from '../../schemas/coverage.ts';
import { firstDay } from '../figures/figures.ts';

const sql = loadSql(import.meta.url, ['list-case-managers', 'list-area-coverage'] as const);

/** One decimal: workload figures are shares, not counts. */
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function listCaseManagers(pool: pg.Pool, cityAgs: string, month: string): Promise<CaseManager[]> {
  const { rows } = await pool.query(sql['list-case-managers'], [cityAgs, firstDay(month)]);
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    employer: r.employer,
    employerKind: r.employer_kind,
    funding: r.funding,
    languages: r.languages,
    fte: r.fte,
    office: r.office_key ? { key: r.office_key, name: r.office_name } : null,
    areaIds: r.area_ids,
    residentsPerFte: round1(r.ro_bg / r.fte),
    unregisteredPerFte: { low: round1(r.low / r.fte), high: round1(r.high / r.fte) },
    visits: r.visits,
    visitsPerFte: round1(r.visits / r.fte),
    synthetic: r.synthetic,
  }));
}

export async function listAreaCoverage(pool: pg.Pool, cityAgs: string, level: string, month: string): Promise<AreaCoverage[]> {
  const { rows } = await pool.query(sql['list-area-coverage'], [cityAgs, level, firstDay(month)]);
  return rows.map((r) => ({
    areaId: r.area_id,
    key: r.key,
    name: r.name,
    caseManagerIds: r.case_manager_ids,
    languages: r.languages,
    ro: r.ro,
    bg: r.bg,
    lastVisit: r.last_visit,
    ...assessCoverage({ ro: r.ro, bg: r.bg, caseManagerCount: r.case_manager_ids.length, languages: r.languages, lastVisit: r.last_visit, month }),
  }));
}
