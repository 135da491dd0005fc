import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Wrapped {
  label: string;
  error?: string;
  hint?: ReactNode;
}

function useFieldIds(name: string | undefined, hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy, testId: name ? `error-${name}` : undefined };
}

function Under({ hint, error, ids }: { hint: ReactNode; error?: string; ids: ReturnType<typeof useFieldIds> }) {
  return (
    <>
      {hint && (
        <div className="field-hint" id={ids.hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={ids.errorId} data-testid={ids.testId}>
          {error}
        </div>
      )}
    </>
  );
}

/** A labelled select with hint and inline error, like Field. */
export function SelectField({ label, error, hint, children, ...select }: Wrapped & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = useFieldIds(select.name, hint, error);
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={ids.id}>{label}</label>
      <select id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...select}>
        {children}
      </select>
      <Under hint={hint} error={error} ids={ids} />
    </div>
  );
}

/** A labelled textarea with hint and inline error, like Field. */
export function TextAreaField({ label, error, hint, ...area }: Wrapped & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(area.name, hint, error);
  return (
    <div className={`field field-wide${error ? ' has-error' : ''}`}>
      <label htmlFor={ids.id}>{label}</label>
      <textarea id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} rows={4} {...area} />
      <Under hint={hint} error={error} ids={ids} />
    </div>
  );
}
