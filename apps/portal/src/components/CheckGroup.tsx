import type { ReactNode } from 'react';

interface Props {
  legend: string;
  /** The inputs' name; the error carries data-testid "error-<name>". */
  name: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onToggle(value: string): void;
  error?: string;
  hint?: ReactNode;
  /** Extra classes on the fieldset (layout) and on the box of checkboxes. */
  className?: string;
  checksClassName?: string;
  testId?: string;
}

/** A labelled group of checkboxes (roles, provinces) with hint and inline error, like Field. */
export function CheckGroup({ legend, name, options, selected, onToggle, error, hint, className, checksClassName, testId }: Props) {
  return (
    <fieldset className={`field${className ? ` ${className}` : ''}${error ? ' has-error' : ''}`} data-testid={testId}>
      <legend>{legend}</legend>
      {hint && <div className="field-hint">{hint}</div>}
      <div className={`checks${checksClassName ? ` ${checksClassName}` : ''}`}>
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" name={name} value={o.value} checked={selected.includes(o.value)} onChange={() => onToggle(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <div className="field-error" data-testid={`error-${name}`}>
          {error}
        </div>
      )}
    </fieldset>
  );
}
