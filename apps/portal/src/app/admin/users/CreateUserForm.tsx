'use client';

import { LOGIN_POLICY, rolesAllowedFor, type AgencyKind, type Role } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { CheckGroup } from '../../../components/CheckGroup';
import { Field } from '../../../components/Field';
import { useAuth } from '../../../lib/auth';
import { conflictFieldsOf, useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormSubmit, useFormValues } from '../../../lib/forms';
import { GqlError } from '../../../lib/graphql';
import { graphql } from '../../../gql';
import type { User } from '../../../lib/auth';

const CREATE_USER = graphql(`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }`);

const EMPTY = { email: '', displayName: '', password: '' };
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function CreateUserForm({ agencyKind, onCreated }: { agencyKind: AgencyKind; onCreated(user: User): void }) {
  const t = useTranslations('users');
  const tRoles = useTranslations('roles');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const { errors, formError, busy, submit } = useFormSubmit();
  const { values, reset, bind } = useFormValues(EMPTY, errors);
  const [roles, setRoles] = useState<Role[]>([]);
  const min = LOGIN_POLICY.minPasswordLength;

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

  async function send() {
    const input = { email: values.email.trim(), displayName: values.displayName.trim(), password: values.password, roles };
    const data = await request(CREATE_USER, { input });
    onCreated(data.createUser);
    reset();
    setRoles([]);
  }

  function failed(e: unknown) {
    const fields = fieldErrorsOf(e);
    if (e instanceof GqlError && e.code === 'CONFLICT') fields.email = t('emailTaken');
    for (const field of conflictFieldsOf(e)) if (field !== 'email') fields[field] = errorMessage(e);
    return { fields, message: Object.keys(fields).length ? null : errorMessage(e) };
  }

  const onSubmit = (event: FormEvent) => submit(event, { validate, send, failed });

  return (
    <section className="card">
      <h2>{t('createTitle')}</h2>
      <form onSubmit={onSubmit} noValidate className="form-grid" data-testid="create-user-form">
        <Field label={t('email')} type="email" {...bind('email')} />
        <Field label={t('displayName')} {...bind('displayName')} />
        <Field label={t('password')} type="password" {...bind('password')} autoComplete="new-password" hint={t('passwordHint', { min })} />
        <CheckGroup legend={t('roles')} name="roles" className="roles-field" error={errors.roles} selected={roles}
          onToggle={(role) => toggleRole(role as Role)}
          options={rolesAllowedFor(agencyKind).map((role) => ({ value: role, label: tRoles(role) }))} />
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
