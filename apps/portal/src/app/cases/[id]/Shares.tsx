'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { ViewerAccessBadge } from '../../../components/CaseBadges';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { useAgencyName, useFormatDateTime } from '../../../lib/format';
import { ShareDialog } from './ShareDialog';
import { canShareCases } from '../../../lib/access';
import { graphql } from '../../../gql';
import type { ShareFieldsFragment } from '../../../gql/graphql';
import type { HandlingCode } from '../../../components/HandlingBanner';
import { ActionsHeader } from '../../../components/ListParts';

export type CaseShare = ShareFieldsFragment;

graphql(`fragment ShareFields on CaseShare { id agency { ...AgencyRefFields } access handling { ...HandlingFields } grantedAt revokedAt }`);
const REVOKE_SHARE = graphql(`mutation RevokeShare($id: ID!) { revokeShare(id: $id) { ...ShareFields } }`);

function HandlingSummary({ handling }: { handling: HandlingCode }) {
  const t = useTranslations('case.handling');
  return (
    <span className="handling-chips">
      <span className={handling.mayPassOn ? 'chip-ok' : 'chip-no'}>{t(`mayPassOn.${handling.mayPassOn ? 'yes' : 'no'}`)}</span>
      <span className={handling.mayUseInCourt ? 'chip-ok' : 'chip-no'}>{t(`mayUseInCourt.${handling.mayUseInCourt ? 'yes' : 'no'}`)}</span>
      <span className={handling.mustAskBeforeActing ? 'chip-no' : 'chip-ok'}>
        {t(`mustAskBeforeActing.${handling.mustAskBeforeActing ? 'yes' : 'no'}`)}
      </span>
    </span>
  );
}

interface Props {
  caseId: string;
  ownAgencyId: string;
  shares: CaseShare[];
  onChanged(shares: CaseShare[]): void;
}

export function Shares({ caseId, ownAgencyId, shares, onChanged }: Props) {
  const t = useTranslations('case.shares');
  const { request, session } = useAuth();
  // Sharing and revoking are a supervisor's call (access table); others see the list.
  const mayShare = !!session && canShareCases(session.user);
  const errorMessage = useErrorMessage();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const [open, setOpen] = useState(false);
  // Focus goes back to the button that opened the dialog once it has closed (Escape, cancel or shared): after the
  // commit, when the modal dialog no longer makes the rest of the page inert.
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = () => setOpen(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function revoke(share: CaseShare) {
    if (!window.confirm(t('revokeConfirm', { agency: agencyName(share.agency) }))) return;
    setBusy(share.id);
    setError(null);
    setNotice(null);
    try {
      const data = await request(REVOKE_SHARE, { id: share.id });
      onChanged(shares.map((s) => (s.id === share.id ? data.revokeShare : s)));
      setNotice(t('revoked', { agency: agencyName(share.agency) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  function shared(share: CaseShare) {
    // A new grant to an agency replaces its earlier one in the list.
    onChanged([...shares.filter((s) => s.id !== share.id), share]);
    close();
    setNotice(t('shared', { agency: agencyName(share.agency) }));
  }

  const activeAgencyIds = shares.filter((s) => !s.revokedAt).map((s) => s.agency.id);

  return (
    <section className="card" data-testid="shares">
      <div className="section-head">
        <h2>
          {t('title')} <span className="count">{activeAgencyIds.length}</span>
        </h2>
        <span className="muted small">{t('intro')}</span>
        {mayShare && (
          <button ref={opener} type="button" className="btn btn-primary" onClick={() => setOpen(true)} data-testid="open-share-dialog">
            {t('share')}
          </button>
        )}
      </div>
      {notice && <Alert tone="success" testId="shares-notice">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {shares.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="shares-table">
            <thead>
              <tr>
                <th>{t('agency')}</th>
                <th>{t('access')}</th>
                <th>{t('handling')}</th>
                <th>{t('grantedAt')}</th>
                <th>{t('state')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {shares.map((s) => (
                <tr key={s.id} data-testid="share-row" className={s.revokedAt ? 'row-inactive' : undefined}>
                  <td>{agencyName(s.agency)}</td>
                  <td>
                    <ViewerAccessBadge access={s.access} />
                  </td>
                  <td>
                    <HandlingSummary handling={s.handling} />
                  </td>
                  <td className="nowrap">{formatDateTime(s.grantedAt)}</td>
                  <td className="nowrap">
                    {s.revokedAt ? (
                      <span className="status status-off">{t('revokedAt', { time: formatDateTime(s.revokedAt) })}</span>
                    ) : (
                      <span className="status status-ok">{t('active')}</span>
                    )}
                  </td>
                  <td>
                    {!s.revokedAt && mayShare && (
                      <button type="button" className="btn btn-small btn-danger" disabled={busy === s.id}
                        onClick={() => void revoke(s)} data-testid="revoke-share">
                        {t('revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <ShareDialog caseId={caseId} excludeAgencyIds={[ownAgencyId, ...activeAgencyIds]} onClose={close}
          onShared={shared} />
      )}
    </section>
  );
}
