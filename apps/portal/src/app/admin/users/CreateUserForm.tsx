'use client';

import { LOGIN_POLICY, rolesAllowedFor, type AgencyKind, type Role } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { useAuth } from '../../../lib/auth';
import { CREATE_USER } from '../../../lib/documents';
import { conflictFieldsOf, fieldErrorsOf, useErrorMessage } from '../../../lib/errors';
import { GqlError } from '../../../lib/graphql';
import type { User } from '../../../lib/types';

const EMPTY = { email: '', displayName: '', password: '' };
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function CreateUserForm({ agencyKind, onCreated }: { agencyKind: AgencyKind; onCreated(user: User): void }) {
  const t = useTranslations('users');
  const tRoles = useTranslations('roles');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState(EMPTY);
  const [roles, setRoles] = useState<Role[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const min = LOGIN_POLICY.minPasswordLength;

  function set(name: keyof typeof EMPTY, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
  }

  function toggleRole(role: Role) {
    setRoles((rs) => (rs.includes(role) ? rs.filter((r) => r !== role) : [...rs, role]));
  }

  /** The same checks the api makes, so most mistakes show before a round trip. */
  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!values.email.trim()) out.email = t('required');
    else if (!EMAIL_SHAPE.test(values.email.trim())) out.email = t('invalidEmail');
    if (!values.displayName.trim()) out.displayName = t('required');
    if ([...values.password].length < min) out.password = t('passwordTooShort', { min });
    if (roles.length === 0) out.roles = t('rolesRequired');
    return out;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const problems = validate();
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const input = { email: values.email.trim(), displayName: values.displayName.trim(), password: values.password, roles };
      const data = await request<{ createUser: User }>(CREATE_USER, { input });
      onCreated(data.createUser);
      setValues(EMPTY);
      setRoles([]);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (e instanceof GqlError && e.code === 'CONFLICT') fields.email = t('emailTaken');
      for (const field of conflictFieldsOf(e)) if (field !== 'email') fields[field] = errorMessage(e);
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card">
      <h2>{t('createTitle')}</h2>
      <form onSubmit={onSubmit} noValidate className="form-grid" data-testid="create-user-form">
        <Field label={t('email')} name="email" type="email" autoComplete="off" value={values.email}
          onChange={(e) => set('email', e.target.value)} error={errors.email} />
        <Field label={t('displayName')} name="displayName" autoComplete="off" value={values.displayName}
          onChange={(e) => set('displayName', e.target.value)} error={errors.displayName} />
        <Field label={t('password')} name="password" type="password" autoComplete="new-password" value={values.password}
          onChange={(e) => set('password', e.target.value)} error={errors.password} hint={t('passwordHint', { min })} />
        <fieldset className={`field roles-field${errors.roles ? ' has-error' : ''}`}>
          <legend>{t('roles')}</legend>
          <div className="checks">
            {rolesAllowedFor(agencyKind).map((role) => (
              <label key={role} className="check">
                <input type="checkbox" name="roles" value={role} checked={roles.includes(role)}
                  onChange={() => toggleRole(role)} />
                {tRoles(role)}
              </label>
            ))}
          </div>
          {errors.roles && <div className="field-error" data-testid="error-roles">{errors.roles}</div>}
        </fieldset>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="create-user-submit">
            {busy ? t('creating') : t('create')}
          </button>
        </div>
      </form>
    </section>
  );
}
