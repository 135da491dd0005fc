'use client';

import { safeLocalPath } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { gqlFetch } from '../../lib/graphql';
import { graphql } from '../../gql';
import type { SsoAgenciesQuery } from '../../gql/graphql';

type SsoAgency = SsoAgenciesQuery['ssoAgencies'][number];

const SSO_AGENCIES = graphql(`query SsoAgencies { ssoAgencies { id name nameEn } }`);

/** The reasons the api sends back (apps/api/src/sso/sso-refusal.ts); anything else reads as a generic failure. */
const REASONS = [
  'SSO_STATE_INVALID', 'SSO_TOKEN_INVALID', 'SSO_DOMAIN_NOT_ALLOWED', 'SSO_MFA_REQUIRED', 'SSO_NO_ROLES', 'SSO_USER_OF_OTHER_AGENCY',
  'ACCOUNT_INACTIVE', 'AGENCY_INACTIVE', 'SSO_NOT_CONFIGURED', 'SSO_PROVIDER_UNAVAILABLE', 'RATE_LIMITED',
] as const;
type Reason = (typeof REASONS)[number];


/**
 * The second way in: the agencies that sign their users in through their own identity provider. Plain links, so
 * the browser goes to the provider and back through the portal's /api/auth/sso proxy (the cookie lands here).
 */
export function SsoChoices() {
  const t = useTranslations('sso');
  const locale = useLocale();
  const params = useSearchParams();
  const [agencies, setAgencies] = useState<SsoAgency[] | null>(null);
  const reason = params.get('sso_error');
  const returnTo = safeLocalPath(params.get('next'));

  useEffect(() => {
    let live = true;
    gqlFetch(SSO_AGENCIES, {})
      .then((d) => live && setAgencies(d.ssoAgencies))
      .catch(() => live && setAgencies([]));
    return () => {
      live = false;
    };
  }, []);

  const message = reason ? ((REASONS as readonly string[]).includes(reason) ? t(`errors.${reason as Reason}`) : t('errors.unknown')) : null;
  return (
    <div className="login-wrap">
      <section className="card login-card" aria-labelledby="sso-title" data-testid="sso-choices">
        <h2 id="sso-title">{t('choiceTitle')}</h2>
        {message && (
          <Alert tone="error" testId="sso-error">
            {message}
          </Alert>
        )}
        <p className="muted">{t('choiceIntro')}</p>
        {agencies === null ? null : agencies.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <ul className="muted-values">
            {agencies.map((a) => (
              <li key={a.id}>
                {/* A full navigation (not next/link): the answer is a redirect to another origin. */}
                <a className="btn btn-block" href={`/api/auth/sso/${a.id}/start?returnTo=${encodeURIComponent(returnTo)}`} data-testid={`sso-agency-${a.id}`}>
                  {t('signInWith', { agency: locale === 'en' ? a.nameEn : a.name })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
