'use client';

import { useCallback, useState, type FormEvent } from 'react';

type FieldErrors = Record<string, string>;

interface SubmitSteps {
  /** Problems found before any round trip, keyed by field name. */
  validate(): FieldErrors;
  /** Shown above the form when `validate` finds problems; without it the field errors speak for themselves. */
  invalidMessage?: string;
  /** The call; answer 'leaving' when it navigates away, so the button stays disabled until the page goes. */
  send(): Promise<void | 'leaving'>;
  /** The field errors and the message above the form (null for none) for a failed call. */
  failed(error: unknown): { fields: FieldErrors; message: string | null };
}

/** What every form here does on submit: check, show field errors, send once at a time, show what failed. */
export function useFormSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = useCallback(async (event: FormEvent, steps: SubmitSteps) => {
    event.preventDefault();
    setFormError(null);
    const problems = steps.validate();
    setErrors(problems);
    if (Object.keys(problems).length) {
      if (steps.invalidMessage) setFormError(steps.invalidMessage);
      return;
    }
    setBusy(true);
    let leaving = false;
    try {
      leaving = (await steps.send()) === 'leaving';
    } catch (e) {
      const { fields, message } = steps.failed(e);
      setErrors(fields);
      setFormError(message);
    } finally {
      if (!leaving) setBusy(false);
    }
  }, []);

  /** Drops a field's error once the user edits it (and the note above the form once no field error is left). */
  const clearField = useCallback((name: string) => {
    setErrors((current) => {
      if (!(name in current)) return current;
      const next = { ...current };
      delete next[name];
      if (Object.keys(next).length === 0) setFormError(null);
      return next;
    });
  }, []);

  return { errors, setErrors, formError, busy, submit, clearField };
}

/** Text fields kept in one record; `bind(name)` gives a Field its name, value, error and change handler. */
export function useFormValues<V extends Record<string, string>>(empty: V, errors: FieldErrors) {
  const [values, setValues] = useState<V>(empty);
  const set = useCallback((name: keyof V, value: string) => setValues((v) => ({ ...v, [name]: value })), []);
  const bind = (name: keyof V & string) => ({
    name,
    value: values[name],
    error: errors[name],
    autoComplete: 'off',
    onChange: (e: { target: { value: string } }) => set(name, e.target.value),
  });
  return { values, set, reset: useCallback(() => setValues(empty), [empty]), bind };
}
