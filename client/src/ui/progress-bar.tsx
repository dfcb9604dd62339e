import './progress-bar.css';
/** An indeterminate progress bar; `label` is read by screen readers. */
export function ProgressBar({ label }: { label: string }) {
  return (
    <div className="progress-bar" role="progressbar" aria-label={label} aria-busy="true">
      <div className="progress-bar-fill" />
    </div>
  );
}
