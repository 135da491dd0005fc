'use client';

import { useTranslations } from 'next-intl';
import styles from './machine-clients.module.css';

const TOKEN_PATH = '/oauth/token';
/** Shell, not prose: the same in both languages. */
const EXAMPLE = `curl -s "$CASELINK_API${TOKEN_PATH}" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
# {"access_token":"eyJ…","token_type":"Bearer","expires_in":599,"scope":"LIAISON"}`;

/** The short how-to; the full guide is docs/machine-clients.md in the source (not served by the portal). */
export function HowTo() {
  const t = useTranslations('machineClients.howTo');
  return (
    <section className="card" aria-labelledby="mc-howto-title" data-testid="mc-howto">
      <h2 id="mc-howto-title">{t('title')}</h2>
      <ol className={styles.steps}>
        <li>{t('token', { path: TOKEN_PATH })}</li>
        <li>{t('call')}</li>
        <li>{t('rotate')}</li>
        <li>{t('lastUsed')}</li>
      </ol>
      <figure>
        <figcaption className="small muted">{t('exampleLabel')}</figcaption>
        <pre className={`mono ${styles.example}`}>{EXAMPLE}</pre>
      </figure>
      <p className="muted small" data-testid="mc-docs">{t('docs')}</p>
    </section>
  );
}
