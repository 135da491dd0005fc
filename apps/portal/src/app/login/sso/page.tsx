'use client';

import { safeLocalPath } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect } from 'react';
import { Alert } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';


/**
 * Where single sign-on lands: the api has set the refresh cookie, and the auth provider restores the session from
 * it on this page load; then on to the page the user wanted.
 */
function CompleteSso() {
  const t = useTranslations('sso');
  const { status } = useAuth();
  const router = useRouter();
  const params = useSearchParams();
  const target = safeLocalPath(params.get('returnTo'));

  useEffect(() => {
    if (status === 'authenticated') router.replace(target);
  }, [status, router, target]);

  return (
    <div className="login-wrap">
      <section className="card login-card" data-testid="sso-complete">
        <h1>{t('choiceTitle')}</h1>
        {status === 'anonymous' ? (
          <>
            <Alert tone="error" testId="sso-complete-error">
              {t('completeFailed')}
            </Alert>
            <p>
              <Link href="/login">{t('backToLogin')}</Link>
            </p>
          </>
        ) : (
          <p className="muted" role="status">
            {t('completing')}
          </p>
        )}
      </section>
    </div>
  );
}

export default function SsoCompletePage() {
  return (
    <Suspense>
      <CompleteSso />
    </Suspense>
  );
}
