'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { graphql } from '../../../gql';
import type { MachineClient } from './MachineClientRow';
import { Modal } from './Modal';

const REVOKE = graphql(`mutation RevokeMachineClient($id: ID!) { revokeMachineClient(id: $id) { ...MachineClientFields } }`);

/** Asks before revoking: it is at once and for good. Cancel is the default button. */
export function RevokeDialog({ client, onClose, onRevoked }: { client: MachineClient; onClose(): void; onRevoked(c: MachineClient): void }) {
  const t = useTranslations('machineClients.revokeDialog');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      const data = await request(REVOKE, { id: client.id });
      onRevoked(data.revokeMachineClient);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal labelledBy="mc-revoke-title" describedBy="mc-revoke-text" testId="mc-revoke-dialog" onClose={onClose}>
      <h2 id="mc-revoke-title">{t('title', { name: client.name })}</h2>
      <p id="mc-revoke-text">{t('text')}</p>
      {error && <Alert tone="error" testId="mc-revoke-error">{error}</Alert>}
      <div className="actions dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {tc('cancel')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => void revoke()} disabled={busy} data-testid="mc-revoke-confirm">
          {busy ? t('submitting') : t('submit')}
        </button>
      </div>
    </Modal>
  );
}
