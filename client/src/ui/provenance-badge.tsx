/**
 * "amtlich" / "approximativ" / "synthetisch" as a small badge. Non-official
 * geometry must never pass for official, so every place that shows an area level
 * or an area shows this badge.
 */
import type { Provenance } from '../../../server/src/schemas/common.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import './provenance-badge.css';

export function ProvenanceBadge({ provenance, withReason = false }: { provenance: Provenance; withReason?: boolean }) {
  const { t } = useI18n();
  return (
    <span
      className={`badge badge-${provenance}`}
      data-testid={`provenance-badge-${provenance}`}
      title={withReason ? undefined : t(`provenance.why.${provenance}`)}
    >
      {t(`provenance.${provenance}`)}
    </span>
  );
}
