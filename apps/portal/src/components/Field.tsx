import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useInputZoneNote } from '../lib/format';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

/**
 * A labelled input with its hint and inline error, wired with aria for screen readers. A date-time field says the zone
 * it is read in (Beijing time, lib/format.ts) under its own hint.
 */
export function Field({ label, error, hint: ownHint, ...input }: FieldProps) {
  const zoneNote = useInputZoneNote();
  const hint = input.type === 'datetime-local' ? (ownHint ? <>{ownHint} · {zoneNote}</> : zoneNote) : ownHint;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId} data-testid={input.name ? `error-${input.name}` : undefined}>
          {error}
        </div>
      )}
    </div>
  );
}
