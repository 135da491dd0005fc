'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { RetryAlert } from '../../../components/ListParts';
import { useAuth, type User } from '../../../lib/auth';
import { useLoadErrorMessage } from '../../../lib/errors';
import { useAgencyName } from '../../../lib/format';
import { graphql } from '../../../gql';
import { CreateMachineClientForm } from './CreateMachineClientForm';
import { CredentialsDialog, type MachineClientCredentials } from './CredentialsDialog';
import { HowTo } from './HowTo';
import { MachineClientRow, type MachineClient } from './MachineClientRow';
import { RevokeDialog } from './RevokeDialog';
import { RotateDialog } from './RotateDialog';
import styles from './machine-clients.module.css';

const MACHINE_CLIENTS = graphql(`query MachineClients($includeRevoked: Boolean) {
  machineClients(includeRevoked: $includeRevoked) { ...MachineClientFields }
}`);

/** At most one dialog at a time: a client's rotation or revocation, or a secret to show once. */
type Open =
  | { kind: 'rotate'; client: MachineClient }
  | { kind: 'revoke'; client: MachineClient }
  | { kind: 'credentials'; credentials: MachineClientCredentials; rotated: boolean };

/** The agency's machine clients (OAuth 2.0 client credentials), for its admins: list, create, rotate, revoke. */
export function MachineClientsAdmin({ me }: { me: User }) {
  const t = useTranslations('machineClients');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const agencyName = useAgencyName();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [clients, setClients] = useState<MachineClient[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    request(MACHINE_CLIENTS, { includeRevoked })
      .then((data) => live && setClients(data.machineClients))
      .catch((e: unknown) => live && setLoadError(e ?? new Error('load failed')));
    return () => {
      live = false;
    };
  }, [request, includeRevoked, attempt]);

  const replace = useCallback(
    (client: MachineClient) => setClients((prev) => (prev ?? []).flatMap((c) => (c.id !== client.id ? [c] : client.active || includeRevoked ? [client] : []))),
    [includeRevoked],
  );

  function created(credentials: MachineClientCredentials) {
    setClients((prev) => [credentials.client, ...(prev ?? [])]);
    setNotice(t('notice.created', { name: credentials.client.name }));
    setOpen({ kind: 'credentials', credentials, rotated: false });
  }

  function rotated(credentials: MachineClientCredentials) {
    replace(credentials.client);
    setNotice(t('notice.rotated', { name: credentials.client.name }));
    setOpen({ kind: 'credentials', credentials, rotated: true });
  }

  function revoked(client: MachineClient) {
    replace(client);
    setNotice(t('notice.revoked', { name: client.name }));
    setOpen(null);
  }

  const close = () => setOpen(null);
  const count = clients?.length ?? 0;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title', { agency: agencyName(me.agency) })}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      {notice && (
        <Alert tone="success" testId="mc-notice">
          {notice}
        </Alert>
      )}
      {loadError !== null && <RetryAlert message={loadErrorMessage(loadError)} onRetry={() => setAttempt((n) => n + 1)} testId="mc-error" />}
      <section className="card table-card">
        <div className={styles.toolbar}>
          <span className="muted" data-testid="mc-count">
            {clients === null ? '' : t(includeRevoked ? 'count' : 'countActive', { total: count })}
          </span>
          <label className="check">
            <input type="checkbox" checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.target.checked)} data-testid="mc-show-revoked" />
            {t('showRevoked')}
          </label>
        </div>
        <table className="table" data-testid="mc-table">
          <caption className="visually-hidden">{t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.client')}</th>
              <th scope="col">{t('columns.roles')}</th>
              <th scope="col">{t('columns.created')}</th>
              <th scope="col">{t('columns.lastUsed')}</th>
              <th scope="col">{t('columns.secrets')}</th>
              <th scope="col">{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(clients ?? []).map((c) => (
              <MachineClientRow key={c.id} client={c} onRotate={() => setOpen({ kind: 'rotate', client: c })} onRevoke={() => setOpen({ kind: 'revoke', client: c })} />
            ))}
          </tbody>
        </table>
        {clients === null && loadError === null && <p className="muted table-status">{tc('loading')}</p>}
        {clients !== null && count === 0 && (
          <p className="muted table-status" data-testid="mc-empty">
            {includeRevoked ? t('empty') : t('emptyActive')}
          </p>
        )}
      </section>
      <CreateMachineClientForm agencyKind={me.agency.kind} onCreated={created} />
      <HowTo />
      {open?.kind === 'rotate' && <RotateDialog key={`rotate-${open.client.id}`} client={open.client} onClose={close} onRotated={rotated} />}
      {open?.kind === 'revoke' && <RevokeDialog key={`revoke-${open.client.id}`} client={open.client} onClose={close} onRevoked={revoked} />}
      {open?.kind === 'credentials' && <CredentialsDialog credentials={open.credentials} rotated={open.rotated} onClose={close} />}
    </>
  );
}
