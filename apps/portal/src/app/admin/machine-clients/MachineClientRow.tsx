'use client';

import { useTranslations } from 'next-intl';
import { RoleChips } from '../../../components/RoleChips';
import { useFormatDateTime } from '../../../lib/format';
import { graphql } from '../../../gql';
import type { MachineClientFieldsFragment } from '../../../gql/graphql';
import { CopyValue } from './CopyValue';
import styles from './machine-clients.module.css';

export const MACHINE_CLIENT_FIELDS = graphql(`fragment MachineClientFields on MachineClient {
  id clientId name roles active createdAt createdByName revokedAt lastUsedAt secrets { id hint createdAt expiresAt current }
}`);

export type MachineClient = MachineClientFieldsFragment;

/** Each secret by its last 4 characters: when issued, until when it works, and whether it still does (in words, not colour alone). */
function Secrets({ client }: { client: MachineClient }) {
  const t = useTranslations('machineClients');
  const formatDateTime = useFormatDateTime();
  return (
    <ul className={styles.secrets} data-testid={`mc-secrets-${client.clientId}`}>
      {client.secrets.map((s) => (
        <li key={s.id} data-testid={`mc-secret-${s.hint}`} data-current={s.current}>
          <span className="visually-hidden">{t('secretHintLabel', { hint: s.hint })}</span>
          <span className="mono" aria-hidden="true">{t('secretHint', { hint: s.hint })}</span>
          <span className={s.current ? 'chip-ok' : 'chip-no'}>{s.current ? t('secretWorks') : t('secretStopped')}</span>
          <span className={`muted ${styles.secretTime}`}>{t('secretIssued', { time: formatDateTime(s.createdAt) })}</span>
          <span className={`muted ${styles.secretTime}`}>
            {s.expiresAt === null || s.expiresAt === undefined
              ? t('secretNoEnd')
              : s.current ? t('secretEnds', { time: formatDateTime(s.expiresAt) }) : t('secretEnded', { time: formatDateTime(s.expiresAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function MachineClientRow({ client, onRotate, onRevoke }: { client: MachineClient; onRotate(): void; onRevoke(): void }) {
  const t = useTranslations('machineClients');
  const formatDateTime = useFormatDateTime();
  return (
    <tr data-testid={`mc-row-${client.clientId}`} data-active={client.active} className={client.active ? undefined : 'row-inactive'}>
      <td className={styles.clientCell}>
        <div className={styles.nameLine}>
          <strong>{client.name}</strong>
          {client.active ? (
            <span className="status status-ok" data-testid="mc-status">{t('active')}</span>
          ) : (
            <span className="status status-bad" data-testid="mc-status">{t('revoked')}</span>
          )}
        </div>
        {client.revokedAt && <div className="muted small">{t('revokedAt', { time: formatDateTime(client.revokedAt) })}</div>}
        <CopyValue value={client.clientId} what={t('columns.clientId')} testId={`mc-client-id-${client.clientId}`} />
      </td>
      <td>
        <RoleChips roles={client.roles} />
      </td>
      <td>
        <div className="nowrap">{formatDateTime(client.createdAt)}</div>
        {client.createdByName && <div className="muted small">{t('createdBy', { name: client.createdByName })}</div>}
      </td>
      <td className="nowrap" data-testid="mc-last-used">{client.lastUsedAt ? formatDateTime(client.lastUsedAt) : t('neverUsed')}</td>
      <td>
        <Secrets client={client} />
      </td>
      <td className="actions-cell">
        {client.active ? (
          <span className="actions">
            <button type="button" className="btn btn-small" onClick={onRotate} aria-label={t('rotateLabel', { name: client.name })} data-testid="mc-rotate">
              {t('rotate')}
            </button>
            <button type="button" className="btn btn-small btn-danger" onClick={onRevoke} aria-label={t('revokeLabel', { name: client.name })} data-testid="mc-revoke">
              {t('revoke')}
            </button>
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
