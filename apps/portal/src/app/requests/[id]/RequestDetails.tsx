'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { CopyHash } from '../../../components/CopyHash';
import { useAuth } from '../../../lib/auth';
import { useAuthedDownload } from '../../../lib/download';
import { useFormatBytes } from '../../../lib/files';
import { useAgencyName, useFormatDate, useFormatDateTime } from '../../../lib/format';
import { useFormatMoney } from '../../../lib/money';
import { accountDigits } from '../../../lib/requests';
import { apiPath } from '../../../lib/rest';
import type { RequestDetailFragment } from '../../../gql/graphql';
import type { AgencyRequest } from './RequestPage';
import { CASE } from '../../../lib/cases';
import type { HandlingCode } from '../../../components/HandlingBanner';
import { ActionsHeader } from '../../../components/ListParts';

type RequestAttachment = RequestDetailFragment['attachments'][number];

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/**
 * Where to trace the money from after a bank named where it went: the case's transfer into the frozen account
 * (the latest), whose trace now runs on through the bank's downstream transfers. Null while looking or when the
 * case holds no transfer into it.
 */
function useTraceStart(caseId: string | null, account: string | null, enabled: boolean): { transferId: string | null; looked: boolean } {
  const { request } = useAuth();
  const [state, setState] = useState<{ transferId: string | null; looked: boolean }>({ transferId: null, looked: false });
  useEffect(() => {
    if (!enabled || !caseId || !account) return;
    let live = true;
    const digits = accountDigits(account);
    request(CASE, { id: caseId })
      .then((d) => {
        const into = d.case.statements.flatMap((s) => s.transfers).filter((tr) => accountDigits(tr.toAccount) === digits);
        into.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
        if (live) setState({ transferId: into[0]?.id ?? null, looked: true });
      })
      .catch(() => live && setState({ transferId: null, looked: true }));
    return () => {
      live = false;
    };
  }, [caseId, account, enabled, request]);
  return state;
}

function HandlingChips({ handling }: { handling: HandlingCode }) {
  const t = useTranslations('case.handling');
  return (
    <span className="handling-chips" data-testid="attachment-handling">
      <span className={handling.mayPassOn ? 'chip-ok' : 'chip-no'}>{t(`mayPassOn.${handling.mayPassOn ? 'yes' : 'no'}`)}</span>
      <span className={handling.mayUseInCourt ? 'chip-ok' : 'chip-no'}>{t(`mayUseInCourt.${handling.mayUseInCourt ? 'yes' : 'no'}`)}</span>
      <span className={handling.mustAskBeforeActing ? 'chip-no' : 'chip-ok'}>
        {t(`mustAskBeforeActing.${handling.mustAskBeforeActing ? 'yes' : 'no'}`)}
      </span>
    </span>
  );
}

/** A file chosen for the partner: GET with the bearer token (a plain link cannot send it); the api audits it. */
function DownloadAttachment({ attachment }: { attachment: RequestAttachment }) {
  const t = useTranslations('requestPage');
  const { download, busy, error } = useAuthedDownload();
  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void download(apiPath(attachment.downloadPath), attachment.fileName)}
        data-testid="request-attachment-download">
        {busy ? t('downloading') : t('download')}
      </button>
      {error && <div className="field-error" role="alert">{error}</div>}
    </>
  );
}

/** What was asked, and what the addressed agency answered, by type of request. */
export function RequestDetails({ data, sender }: { data: AgencyRequest; sender: boolean }) {
  const t = useTranslations('requestPage');
  const tType = useTranslations('fraudTypes');
  const tIdKind = useTranslations('identifierKinds');
  const tBasis = useTranslations('legalBases');
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();
  const formatBytes = useFormatBytes();
  const wantTrace = sender && data.type === 'FREEZE' && data.downstream.length > 0;
  const trace = useTraceStart(data.caseId, data.account, wantTrace);
  const answered = !!data.answeredAt;

  return (
    <>
      <section className="card" data-testid="request-details">
        <h2>{t('askedTitle')}</h2>
        <dl className="facts request-facts">
          <Fact label={t('caseNumber')} testId="request-case">
            {data.caseId ? (
              <Link href={`/cases/${data.caseId}`} className="mono">
                {data.caseNumber}
              </Link>
            ) : (
              <span className="mono">{data.caseNumber}</span>
            )}
          </Fact>
          <Fact label={t('fraudType')}>{tType(data.fraudType)}</Fact>
          {data.type === 'FREEZE' && (
            <>
              <Fact label={t('account')} testId="request-account">
                <span className="mono">{data.account}</span>
              </Fact>
              <Fact label={t('bankName')}>{data.bankName ?? '—'}</Fact>
              <Fact label={t('amount')} testId="request-amount">
                <strong>{formatMoney(data.amount)}</strong>
              </Fact>
            </>
          )}
          {data.type === 'TELECOM' && (
            <Fact label={t('target')} testId="request-target">
              {data.targetKind && <span className="kind-tag">{tIdKind(data.targetKind)}</span>} <span className="mono">{data.targetValue}</span>
            </Fact>
          )}
          {data.legalBasis && <Fact label={t('legalBasis')}>{tBasis(data.legalBasis)}</Fact>}
          <Fact label={t('legalBasisDoc')} testId="request-legal-doc">
            {data.legalBasisDoc ?? '—'}
          </Fact>
        </dl>
        {!sender && <p className="muted small need-to-know">{t('needToKnow')}</p>}
        {data.type === 'COOPERATION' && (
          <>
            {data.summary && (
              <>
                <h3 className="subhead">{t('summary')}</h3>
                <p className="narrative" data-testid="request-summary">{data.summary}</p>
              </>
            )}
            <h3 className="subhead">
              {t('subjects')} <span className="count">{data.subjects.length}</span>
            </h3>
            {data.subjects.length === 0 ? (
              <p className="muted small">{t('noSubjects')}</p>
            ) : (
              <ul className="subject-list" data-testid="request-subjects">
                {data.subjects.map((s, i) => (
                  <li key={i} data-testid="request-subject">
                    <strong>{s.name}</strong>
                    {s.note && <span className="muted"> · {s.note}</span>}
                    {s.identifiers.length > 0 && (
                      <div className="subject-ids">
                        {s.identifiers.map((id, j) => (
                          <span key={j} className="value-chip">
                            <span className="kind-tag">{tIdKind(id.kind)}</span> <span className="mono">{id.value}</span>
                          </span>
                        ))}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <h3 className="subhead">
              {t('attachments')} <span className="count" data-testid="request-attachment-count">{data.attachments.length}</span>
            </h3>
            {data.attachments.length === 0 ? (
              <p className="muted small">{t('noAttachments')}</p>
            ) : (
              <div className="table-scroll">
                <table className="table table-compact" data-testid="request-attachments">
                  <thead>
                    <tr>
                      <th>{t('fileName')}</th>
                      <th className="num">{t('size')}</th>
                      <th>{t('sha256')}</th>
                      <th>{t('handling')}</th>
                      <ActionsHeader />
                    </tr>
                  </thead>
                  <tbody>
                    {data.attachments.map((a) => (
                      <tr key={a.attachmentId} data-testid="request-attachment-row" data-attachment-id={a.attachmentId}>
                        <td className="file-cell">
                          <span className="file-name" data-testid="request-attachment-name">{a.fileName}</span>
                        </td>
                        <td className="num nowrap">{formatBytes(a.sizeBytes)}</td>
                        <td className="nowrap">
                          <CopyHash value={a.sha256} />
                        </td>
                        <td>
                          <HandlingChips handling={a.handling} />
                        </td>
                        <td className="actions-cell">
                          <DownloadAttachment attachment={a} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>

      {answered && (
        <section className="card answer-card" data-testid="request-answer">
          <h2>{t('answerTitle')}</h2>
          <dl className="facts request-facts">
            <Fact label={t('outcome')} testId="answer-outcome">
              {t(`outcomeSentence.${data.state}`)}
            </Fact>
            <Fact label={t('answeredAtLabel')}>{formatDateTime(data.answeredAt)}</Fact>
            {data.type === 'FREEZE' && (
              <>
                <Fact label={t('amountHeld')} testId="answer-amount-held">
                  <strong>{formatMoney(data.amountHeld)}</strong>
                </Fact>
                <Fact label={t('balance')} testId="answer-balance">
                  {formatMoney(data.balance)}
                </Fact>
              </>
            )}
          </dl>
          {data.answerNote && (
            <p className="narrative" data-testid="answer-note">
              {data.answerNote}
            </p>
          )}
          {data.type === 'TELECOM' && data.subscriber && (
            <>
              <h3 className="subhead">{t('subscriberTitle')}</h3>
              <dl className="facts request-facts" data-testid="answer-subscriber">
                <Fact label={t('subscriber.name')} testId="subscriber-name">{data.subscriber.name ?? '—'}</Fact>
                <Fact label={t('subscriber.idNumber')} testId="subscriber-id-number">
                  <span className="mono">{data.subscriber.idNumber ?? '—'}</span>
                </Fact>
                <Fact label={t('subscriber.address')} testId="subscriber-address">{data.subscriber.address ?? '—'}</Fact>
                <Fact label={t('subscriber.registeredOn')}>{formatDate(data.subscriber.registeredOn)}</Fact>
                {data.subscriber.note && <Fact label={t('subscriber.note')}>{data.subscriber.note}</Fact>}
              </dl>
            </>
          )}
          {data.type === 'FREEZE' && data.downstream.length > 0 && (
            <>
              <div className="section-head downstream-head">
                <h3 className="subhead">
                  {t('downstreamTitle')} <span className="count" data-testid="downstream-count">{data.downstream.length}</span>
                </h3>
                {wantTrace && data.caseId && (trace.transferId || trace.looked) && (
                  <Link className="btn btn-primary btn-small" data-testid="trace-from-here"
                    href={trace.transferId ? `/cases/${data.caseId}/trace/${trace.transferId}` : `/cases/${data.caseId}`}>
                    {t('traceFromHere')} →
                  </Link>
                )}
              </div>
              <p className="muted small">{t('downstreamIntro')}</p>
              <div className="table-scroll">
                <table className="table table-compact" data-testid="downstream-table">
                  <thead>
                    <tr>
                      <th>{t('downstream.toAccount')}</th>
                      <th>{t('downstream.bank')}</th>
                      <th className="num">{t('downstream.amount')}</th>
                      <th>{t('downstream.occurredAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.downstream.map((d, i) => (
                      <tr key={i} data-testid="downstream-row">
                        <td className="mono">{d.toAccount}</td>
                        <td>{d.bank ?? '—'}</td>
                        <td className="num nowrap">{formatMoney(d.amount)}</td>
                        <td className="nowrap">{formatDateTime(d.occurredAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}

/** The request's dates, for the side column. */
export function RequestDates({ data }: { data: AgencyRequest }) {
  const t = useTranslations('requestPage.dates');
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const rows: [string, string | null][] = [
    ['created', data.createdAt],
    ['sent', data.sentAt],
    ['acknowledged', data.acknowledgedAt],
    ['answered', data.answeredAt],
    ['overdue', data.overdueAt],
    ['held', data.heldAt],
    ['expires', data.expiresAt],
    ['updated', data.updatedAt],
  ];
  return (
    <section className="card request-dates" data-testid="request-dates">
      <h2>{t('title')}</h2>
      <dl className="graph-facts">
        <dt>{t('from')}</dt>
        <dd>{agencyName(data.fromAgency)}</dd>
        <dt>{t('to')}</dt>
        <dd>{agencyName(data.toAgency)}</dd>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <Fragment key={k}>
              <dt>{t(k)}</dt>
              <dd>{formatDateTime(v)}</dd>
            </Fragment>
          ))}
      </dl>
    </section>
  );
}
