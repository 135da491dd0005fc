'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { graphql } from '../../../gql';
import { Modal } from '../../../components/Modal';
import type { BankPrefix } from './BankPrefixesAdmin';
import styles from './bank-prefixes.module.css';

const REMOVE = graphql(`mutation RemoveBankPrefix($prefix: String!) { removeBankPrefix(prefix: $prefix) }`);

/** Asks before removing: freezes of the prefix's accounts stop finding the bank. Cancel comes first. */
export function RemovePrefixDialog({ prefix, onClose, onRemoved }: { prefix: BankPrefix; onClose(): void; onRemoved(prefix: string): void }) {
  const t = useTranslations('bankRouting.removeDialog');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await request(REMOVE, { prefix: prefix.prefix });
      onRemoved(prefix.prefix);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal labelledBy="bp-remove-title" describedBy="bp-remove-text" testId="bp-remove-dialog" className={styles.dialog} onClose={onClose}>
      <h2 id="bp-remove-title">{t('title', { prefix: prefix.prefix })}</h2>
      <p id="bp-remove-text">{t('text', { prefix: prefix.prefix })}</p>
      {error && <Alert tone="error" testId="bp-remove-error">{error}</Alert>}
      <div className="actions dialog-actions">
        <button type="button" className="btn" onClick={onClose} data-testid="bp-remove-cancel">
          {tc('cancel')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => void remove()} disabled={busy} data-testid="bp-remove-confirm">
          {busy ? t('submitting') : t('submit')}
        </button>
      </div>
    </Modal>
  );
}
