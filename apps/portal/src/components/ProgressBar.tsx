/**
 * A progress bar; without `max` (not known yet) it runs as an indeterminate stripe. The label says in words
 * what the bar shows, for screen readers and for a glance.
 */
export function ProgressBar({ value, max, label, testId }: { value: number; max: number | null; label?: string; testId?: string }) {
  const known = max != null && max > 0;
  const percent = known ? Math.min(100, Math.round((value / max) * 100)) : null;
  return (
    <div className="progress" data-testid={testId}>
      <div
        className={`progress-track${known ? '' : ' progress-indeterminate'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? 100 : undefined}
        aria-valuenow={percent ?? undefined}
        data-percent={percent ?? undefined}
      >
        <div className="progress-fill" style={percent != null ? { width: `${percent}%` } : undefined} />
      </div>
      {label && (
        <div className="progress-label muted small" aria-live="polite">
          {label}
        </div>
      )}
    </div>
  );
}
