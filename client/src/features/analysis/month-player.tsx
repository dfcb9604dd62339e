/**
 * The month as a slider with play: the map, the table and the chart follow each step,
 * so growth can be watched as it happened. Playing stops at the last month; a step
 * every `STEP_MS` leaves time to read the map (and for its data to arrive).
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import './analysis.css';

/** Time per month while playing. */
const STEP_MS = 900;

export interface MonthPlayerProps {
  months: readonly string[];
  /** The shown month (one of `months`). */
  month: string;
  onChange: (month: string) => void;
  /** Data of the shown month still loading: playing waits for it. */
  pending: boolean;
}

export function MonthPlayer({ months, month, onChange, pending }: MonthPlayerProps) {
  const { t, month: formatMonth } = useI18n();
  const [playing, setPlaying] = useState(false);
  const index = Math.max(0, months.indexOf(month));
  const atEnd = index >= months.length - 1;

  useEffect(() => {
    if (!playing || pending) return;
    if (atEnd) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => onChange(months[index + 1]), STEP_MS);
    return () => window.clearTimeout(timer);
  }, [playing, pending, atEnd, index, months, onChange]);

  const toggle = () => {
    // Play from the start when standing on the last month.
    if (!playing && atEnd) onChange(months[0]);
    setPlaying(!playing);
  };

  return (
    <div className="month-player" data-testid="month-player">
      <button
        type="button"
        className="play-button"
        data-testid="month-play"
        aria-pressed={playing}
        aria-label={playing ? t('analysis.player.pause') : t('analysis.player.play')}
        title={playing ? t('analysis.player.pause') : t('analysis.player.play')}
        onClick={toggle}
      >
        {playing ? (
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <rect x="3" y="2" width="3" height="10" fill="currentColor" />
            <rect x="8" y="2" width="3" height="10" fill="currentColor" />
          </svg>
        ) : (
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M3 2l9 5-9 5z" fill="currentColor" />
          </svg>
        )}
      </button>
      <input
        type="range"
        className="month-slider"
        data-testid="month-slider"
        min={0}
        max={months.length - 1}
        step={1}
        value={index}
        aria-label={t('month.label')}
        aria-valuetext={formatMonth(months[index])}
        onChange={(e) => {
          setPlaying(false);
          onChange(months[Number(e.target.value)]);
        }}
      />
      <output className="month-player-label" data-testid="month-player-label">
        {formatMonth(months[index])}
      </output>
    </div>
  );
}
