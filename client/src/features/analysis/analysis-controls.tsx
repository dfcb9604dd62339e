/**
 * What the analysis theme shows and how: the indicator, the units (an area level or
 * an H3 grid), classes or a hotspot statistic, and the statistic's settings. Every
 * choice lands in the URL (AnalysisState), so a result can be shared and re-run.
 */
import { useEffect, useState } from 'react';
import { HOTSPOT_LIMITS, INDICATORS, type Indicator } from '../../../../server/src/schemas/analysis.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { SEQUENTIAL_PALETTES, type SequentialPaletteName } from '../../map/classification/palettes.ts';
import { MAX_CLASSES, MIN_CLASSES } from '../../map/classification/class-count.ts';
import type { AreaLayerId } from '../../state/area-layer-id.ts';
import {
  CLASSIFICATION_METHODS,
  MAP_WEIGHTS,
  STATISTICS,
  isHotspotIndicator,
  type AnalysisState,
  type Grid,
} from './analysis-url-state.ts';
import './analysis.css';

/** Permutation counts offered (0: analytic p-values only). */
const PERMUTATIONS = [0, 99, 499, 999, 9999];

export interface AnalysisControlsProps {
  settings: AnalysisState;
  /** Area levels with areas, coarse to fine. */
  levels: readonly AreaLayerId[];
  level: AreaLayerId;
  onChange: (patch: Partial<AnalysisState>) => void;
  onLevel: (level: AreaLayerId) => void;
}

type UnitChoice = AreaLayerId | Grid;

export function AnalysisControls({ settings, levels, level, onChange, onLevel }: AnalysisControlsProps) {
  const { t } = useI18n();
  const unit: UnitChoice = settings.grid ?? level;
  const canTest = isHotspotIndicator(settings.indicator);
  const chooseUnit = (choice: UnitChoice) => {
    if (choice === 'h3_8' || choice === 'h3_9') onChange({ grid: choice, hex: null });
    else {
      onChange({ grid: null, hex: null });
      onLevel(choice);
    }
  };

  return (
    <section className="analysis-controls" data-testid="analysis-controls" aria-label={t('analysis.controls')}>
      <label className="field">
        <span className="field-label">{t('analysis.indicator')}</span>
        <select data-testid="analysis-indicator" value={settings.indicator} onChange={(e) => onChange({ indicator: e.target.value as Indicator })}>
          {INDICATORS.map((indicator) => (
            <option key={indicator} value={indicator}>
              {t(`analysis.indicator.${indicator}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('analysis.units')}</span>
        <select data-testid="analysis-units" value={unit} onChange={(e) => chooseUnit(e.target.value as UnitChoice)}>
          {levels.map((id) => (
            <option key={id} value={id}>
              {t(`levels.${id}`)}
            </option>
          ))}
          <option value="h3_8">{t('analysis.units.h3_8')}</option>
          <option value="h3_9">{t('analysis.units.h3_9')}</option>
        </select>
      </label>
      <div className="segmented" role="radiogroup" aria-label={t('analysis.show')}>
        {STATISTICS.map((statistic) => (
          <label key={statistic} className={`segment${statistic !== 'none' && !canTest ? ' option-disabled' : ''}`}>
            <input
              type="radio"
              name="analysis-statistic"
              value={statistic}
              data-testid={`analysis-statistic-${statistic}`}
              checked={settings.statistic === statistic}
              disabled={statistic !== 'none' && !canTest}
              onChange={() => onChange({ statistic })}
            />
            <span>{t(`analysis.statistic.${statistic}`)}</span>
          </label>
        ))}
      </div>
      {!canTest && <p className="hint">{t('analysis.rangeNoStatistic')}</p>}

      {settings.statistic === 'none' || !canTest ? (
        <ClassControls settings={settings} onChange={onChange} />
      ) : (
        <StatisticControls settings={settings} onChange={onChange} />
      )}
    </section>
  );
}

function ClassControls({ settings, onChange }: Pick<AnalysisControlsProps, 'settings' | 'onChange'>) {
  const { t } = useI18n();
  return (
    <div className="field-row">
      <label className="field">
        <span className="field-label">{t('analysis.classification')}</span>
        <select
          data-testid="analysis-classification"
          value={settings.classification}
          onChange={(e) => onChange({ classification: e.target.value as AnalysisState['classification'] })}
        >
          {CLASSIFICATION_METHODS.map((method) => (
            <option key={method} value={method}>
              {t(`analysis.classification.${method}`)}
            </option>
          ))}
        </select>
      </label>
      {settings.classification === 'manual' ? (
        <ManualBreaks breaks={settings.manualBreaks} onChange={(manualBreaks) => onChange({ manualBreaks })} />
      ) : (
        <label className="field field-narrow">
          <span className="field-label">{t('analysis.classes')}</span>
          <select data-testid="analysis-classes" value={settings.classes} onChange={(e) => onChange({ classes: Number(e.target.value) })}>
            {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span className="field-label">{t('analysis.palette')}</span>
        <select data-testid="analysis-palette" value={settings.palette} onChange={(e) => onChange({ palette: e.target.value as SequentialPaletteName })}>
          {SEQUENTIAL_PALETTES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Manual breaks as typed text (`10; 25; 50`), applied when valid; the error says what is wrong. */
function ManualBreaks({ breaks, onChange }: { breaks: number[]; onChange: (breaks: number[]) => void }) {
  const { t, locale } = useI18n();
  const format = (list: number[]) => list.map((b) => b.toLocaleString(locale, { maximumFractionDigits: 6 })).join('; ');
  const [text, setText] = useState(format(breaks));
  const [error, setError] = useState<string | null>(null);
  // Re-written when the breaks or the language change: text in the other language's number
  // format would be read wrongly ("0,5" is 5 in English).
  useEffect(() => setText(format(breaks)), [breaks.join(','), locale]); // eslint-disable-line react-hooks/exhaustive-deps

  const apply = () => {
    const parts = text.split(';').map((p) => p.trim()).filter((p) => p !== '');
    const numbers = parts.map((p) => Number(locale === 'de' ? p.replace(/\./g, '').replace(',', '.') : p.replace(/,/g, '')));
    const bad = numbers.findIndex((n) => !Number.isFinite(n));
    if (parts.length === 0 || parts.length > MAX_CLASSES - 1) return setError(t('analysis.manual.count', { max: MAX_CLASSES - 1 }));
    if (bad >= 0) return setError(t('analysis.manual.number', { position: bad + 1, value: parts[bad] }));
    const unordered = numbers.findIndex((n, i) => i > 0 && n <= numbers[i - 1]);
    if (unordered > 0) return setError(t('analysis.manual.order', { position: unordered + 1, value: parts[unordered], previous: parts[unordered - 1] }));
    setError(null);
    onChange(numbers);
  };

  return (
    <label className="field field-wide">
      <span className="field-label">{t('analysis.manual')}</span>
      <input
        type="text"
        data-testid="analysis-breaks"
        value={text}
        placeholder="10; 25; 50"
        aria-invalid={error !== null}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

function StatisticControls({ settings, onChange }: Pick<AnalysisControlsProps, 'settings' | 'onChange'>) {
  const { t } = useI18n();
  return (
    <div className="field-row">
      <label className="field">
        <span className="field-label">{t('analysis.weights')}</span>
        <select data-testid="analysis-weights" value={settings.weights} onChange={(e) => onChange({ weights: e.target.value as AnalysisState['weights'] })}>
          {MAP_WEIGHTS.map((w) => (
            <option key={w} value={w}>
              {t(`analysis.weights.${w}`)}
            </option>
          ))}
        </select>
      </label>
      {settings.weights === 'knn' && (
        <label className="field field-narrow">
          <span className="field-label">k</span>
          <IntegerInput testId="analysis-k" value={settings.k} min={1} max={50} onCommit={(k) => onChange({ k })} />
        </label>
      )}
      {settings.weights === 'distance_band' && (
        <label className="field field-narrow">
          <span className="field-label">{t('analysis.band')}</span>
          <IntegerInput testId="analysis-band" value={settings.bandMetres} min={1} max={HOTSPOT_LIMITS.maxThresholdMetres} step={50} onCommit={(bandMetres) => onChange({ bandMetres })} />
        </label>
      )}
      <label className="field">
        <span className="field-label">{t('analysis.transform')}</span>
        <select value={settings.transform} onChange={(e) => onChange({ transform: e.target.value as AnalysisState['transform'] })}>
          <option value="row">{t('analysis.transform.row')}</option>
          <option value="binary">{t('analysis.transform.binary')}</option>
        </select>
      </label>
      <label className="field field-narrow">
        <span className="field-label">{t('analysis.permutations')}</span>
        <select data-testid="analysis-permutations" value={settings.permutations} onChange={(e) => onChange({ permutations: Number(e.target.value) })}>
          {PERMUTATIONS.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? t('analysis.permutations.none') : n}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-narrow">
        <span className="field-label">{t('analysis.seed')}</span>
        <IntegerInput testId="analysis-seed" value={settings.seed} min={0} max={4294967295} onCommit={(seed) => onChange({ seed })} />
      </label>
      <label className="option">
        <input type="checkbox" data-testid="analysis-fdr" checked={settings.fdr} onChange={(e) => onChange({ fdr: e.target.checked })} />
        <span className="option-label">{t('analysis.fdr')}</span>
      </label>
    </div>
  );
}

/**
 * A whole number typed as a draft and applied on Enter or when the field is left, so that
 * typing "1500" asks the server once, not for 1, 15, 150 and 1500; an empty or invalid
 * draft goes back to the applied value.
 */
function IntegerInput({ value, min, max, step, testId, onCommit }: { value: number; min: number; max: number; step?: number; testId: string; onCommit: (n: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const commit = () => {
    const n = Number(draft);
    if (draft.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) {
      if (n !== value) onCommit(n);
    } else setDraft(String(value));
  };
  return (
    <input
      type="number"
      data-testid={testId}
      min={min}
      max={max}
      step={step}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
