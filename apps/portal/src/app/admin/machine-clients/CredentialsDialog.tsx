'use client';

import { useTranslations } from 'next-intl';
import { useFormatDateTime } from '../../../lib/format';
import { graphql } from '../../../gql';
import type { MachineClientCredentialsFieldsFragment } from '../../../gql/graphql';
import { CopyValue } from './CopyValue';
import { Modal } from './Modal';
import styles from './machine-clients.module.css';

export const MACHINE_CLIENT_CREDENTIALS_FIELDS = graphql(`fragment MachineClientCredentialsFields on MachineClientCredentials {
  client { ...MachineClientFields } clientSecret tokenPath previousSecretsUntil
}`);

export type MachineClientCredentials = MachineClientCredentialsFieldsFragment;

/**
 * The client id, its new secret and where to ask for tokens: the only time the secret is on screen (the api keeps a
 * hash). After a rotation it also says until when the previous secrets work.
 */
export function CredentialsDialog({ credentials, rotated, onClose }: { credentials: MachineClientCredentials; rotated: boolean; onClose(): void }) {
  const t = useTranslations('machineClients.credentials');
  const formatDateTime = useFormatDateTime();
  const { client, clientSecret, tokenPath, previousSecretsUntil } = credentials;
  return (
    <Modal labelledBy="mc-credentials-title" describedBy="mc-credentials-once" testId="mc-credentials" onClose={onClose}>
      <h2 id="mc-credentials-title">{rotated ? t('rotatedTitle', { name: client.name }) : t('createdTitle')}</h2>
      <div id="mc-credentials-once" className={`alert alert-warning ${styles.once}`} data-testid="mc-once-warning">
        <strong>
          <span aria-hidden="true">⚠ </span>
          {t('onceTitle')}
        </strong>
        {t('once')}
      </div>
      <div className={styles.credentials}>
        <div className={styles.credential}>
          <span>{t('clientId')}</span>
          <CopyValue value={client.clientId} what={t('clientId')} testId="mc-credentials-client-id" />
        </div>
        <div className={styles.credential}>
          <span>{t('secret')}</span>
          <CopyValue value={clientSecret} what={t('secret')} testId="mc-credentials-secret" secret />
        </div>
        <div className={styles.credential}>
          <span>{t('tokenPath')}</span>
          <CopyValue value={tokenPath} what={t('tokenPath')} testId="mc-credentials-token-path" />
        </div>
      </div>
      {rotated && (
        <p data-testid="mc-previous-until">
          {previousSecretsUntil ? t('previousUntil', { time: formatDateTime(previousSecretsUntil) }) : t('previousStopped')}
        </p>
      )}
      <div className="actions dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose} data-testid="mc-credentials-close">
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
