import './progress-meter.css';
/** A determinate progress bar: `value` of `max`, with its label above (read by screen readers too). */
export function ProgressMeter({ label, value, max, testId }: { label: string; value: number; max: number; testId?: string }) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div className="progress-meter" data-testid={testId}>
      <div className="progress-meter-label">{label}</div>
      <div className="progress-meter-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
        <div className="progress-meter-fill" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
