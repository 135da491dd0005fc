'use client';

import { MACHINE_CLIENT_POLICY, machineClientRolesFor, type AgencyKind, type Role } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { CheckGroup } from '../../../components/CheckGroup';
import { Field } from '../../../components/Field';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormSubmit, useFormValues } from '../../../lib/forms';
import { graphql } from '../../../gql';
import type { MachineClientCredentials } from './CredentialsDialog';

const CREATE = graphql(`mutation CreateMachineClient($input: CreateMachineClientInput!) {
  createMachineClient(input: $input) { ...MachineClientCredentialsFields }
}`);

const EMPTY = { name: '' };
const MAX = MACHINE_CLIENT_POLICY.maxNameLength;

/** Name and roles: the roles the access table allows this kind of agency, without ADMIN (as the api checks). */
export function CreateMachineClientForm({ agencyKind, onCreated }: { agencyKind: AgencyKind; onCreated(c: MachineClientCredentials): void }) {
  const t = useTranslations('machineClients.create');
  const tRoles = useTranslations('roles');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const { errors, formError, busy, submit, clearField } = useFormSubmit();
  const { values, reset, bind } = useFormValues(EMPTY, errors);
  const [roles, setRoles] = useState<Role[]>([]);

  function toggleRole(role: Role) {
    setRoles((rs) => (rs.includes(role) ? rs.filter((r) => r !== role) : [...rs, role]));
    clearField('roles');
  }

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    const name = values.name.trim();
    if (!name) out.name = t('required');
    else if ([...name].length > MAX) out.name = t('nameTooLong', { max: MAX });
    if (roles.length === 0) out.roles = t('rolesRequired');
    return out;
  }

  async function send() {
    const data = await request(CREATE, { input: { name: values.name.trim(), roles } });
    onCreated(data.createMachineClient);
    reset();
    setRoles([]);
  }

  function failed(e: unknown) {
    const fields = fieldErrorsOf(e);
    return { fields, message: Object.keys(fields).length ? null : errorMessage(e) };
  }

  const onSubmit = (event: FormEvent) => submit(event, { validate, send, failed });
  const name = bind('name');

  return (
    <section className="card" aria-labelledby="mc-create-title">
      <h2 id="mc-create-title">{t('title')}</h2>
      <form onSubmit={onSubmit} noValidate className="form-grid" data-testid="mc-create-form">
        <Field label={t('name')} {...name} onChange={(e) => {
          name.onChange(e);
          clearField('name');
        }} hint={t('nameHint', { max: MAX })} />
        <CheckGroup legend={t('roles')} name="roles" className="roles-field" error={errors.roles} selected={roles} hint={t('rolesHint')}
          onToggle={(role) => toggleRole(role as Role)}
          options={machineClientRolesFor(agencyKind).map((role) => ({ value: role, label: tRoles(role) }))} />
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="mc-create-submit">
            {busy ? t('submitting') : t('submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
