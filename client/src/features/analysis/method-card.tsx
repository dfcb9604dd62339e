/**
 * How a hotspot result was computed, next to the result itself: statistic, weights,
 * inference, correction, units, data month, smoothing and whether the data are
 * synthetic. It is the API's `card`, shown as it is, so the committee hears the same
 * method the server used. A refusal replaces the map and says why.
 */
import type { GlobalMoran, HotspotRefusal, MethodCard as Card } from '../../../../server/src/schemas/analysis.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import './analysis.css';

export function MethodCard({ card, global, refusal }: { card: Card; global: GlobalMoran | null; refusal: HotspotRefusal | null }) {
  const { t, integer, decimal, month } = useI18n();
  const w = card.weights;
  const weights = [
    t(`analysis.weights.${w.type}`),
    w.k !== null ? t('analysis.card.k', { k: w.k }) : null,
    w.thresholdMetres !== null ? t('analysis.card.band', { metres: integer(w.thresholdMetres) }) : null,
    t(`analysis.transform.${w.transform}`),
  ]
    .filter(Boolean)
    .join(', ');
  const rows: [string, string][] = [
    [t('analysis.card.statistic'), t(`analysis.statistic.${card.statistic}`)],
    [t('analysis.card.weights'), weights],
    // Before weights exist (too few units, no variance) there is nothing to say about neighbours.
    ...(refusal && refusal.reason !== 'no_neighbours'
      ? []
      : [[t('analysis.card.neighbours'), t('analysis.card.neighboursValue', { mean: decimal(w.meanNeighbors, 1), islands: integer(card.islands), crs: w.crs })] as [string, string]]),
    [
      t('analysis.card.inference'),
      card.permutations > 0
        ? t('analysis.card.permutations', { permutations: integer(card.permutations), seed: card.seed })
        : t('analysis.card.analytic'),
    ],
    [t('analysis.card.decidedBy'), t(`analysis.card.decidedBy.${card.decidedBy}`)],
    [t('analysis.card.fdr'), card.fdr ? t('analysis.card.fdrOn') : t('analysis.card.fdrOff')],
    [t('analysis.card.units'), t('analysis.card.unitsValue', { units: integer(card.units), min: integer(card.minUnits) })],
    [t('analysis.card.data'), [card.layer ? t(`analysis.indicator.${card.layer}` as 'analysis.indicator.registered') : null, card.month ? month(card.month) : null].filter(Boolean).join(' · ')],
    [t('analysis.card.smoothing'), t(`analysis.card.smoothing.${card.smoothing}`)],
  ];
  if (card.trendMonths) {
    rows.push([
      t('analysis.card.trend'),
      t('analysis.card.trendValue', { from: month(card.trendMonths.from), to: month(card.trendMonths.to), steps: integer(card.trendMonths.steps) }),
    ]);
  }
  if (global) {
    rows.push([
      t('analysis.card.global'),
      t('analysis.card.globalValue', {
        I: decimal(global.I, 3),
        z: decimal(global.z, 2),
        p: formatP(global.pseudoP ?? global.p, decimal),
      }),
    ]);
  }
  rows.push([t('analysis.card.compute'), t('analysis.card.computeValue', { ms: integer(Math.round(card.computeMs)) })]);

  return (
    <section className="panel-card method-card" data-testid="method-card" aria-labelledby="method-card-title">
      <div className="panel-body">
      <h3 id="method-card-title" className="section-title">
        {t('analysis.card.title')}
        {card.synthetic && <ProvenanceBadge provenance="synthetic" />}
      </h3>
      {refusal && (
        <p className="refusal" role="status" data-testid="hotspot-refusal">
          <strong>{t(`analysis.refusal.${refusal.reason}`)}</strong>{' '}
          {t(`analysis.refusal.${refusal.reason}.text`, {
            withValue: integer(refusal.values.withValue ?? 0),
            units: integer(refusal.values.units ?? 0),
            minUnits: integer(refusal.values.minUnits ?? 0),
            value: decimal(refusal.values.value ?? 0, 2),
          })}
        </p>
      )}
      {card.notes.map((note) => (
        <p key={note.code} className="hint method-card-note" data-testid={`method-note-${note.code}`}>
          {t(`analysis.note.${note.code}`, {
            permutations: integer(note.values.permutations ?? 0),
            units: integer(note.values.units ?? 0),
            smallestP: decimal(note.values.smallestP ?? 0, 4),
            liftedP: decimal(note.values.liftedP ?? 0, 3),
          })}
        </p>
      ))}
      <dl className="method-card-list">
        {rows.map(([term, value]) => (
          <div key={term} className="method-card-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <details className="method-card-references">
        <summary>{t('analysis.card.references')}</summary>
        <ul>
          {card.references.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
      </div>
    </section>
  );
}

/** p-values: "< 0.001" below a thousandth, else three decimals. */
export function formatP(p: number, decimal: (value: number, digits?: number) => string): string {
  return p < 0.001 ? `< ${decimal(0.001, 3)}` : decimal(p, 3);
}
