'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { useAgencyName, useFormatDateTime, useProvinceName } from '../../../lib/format';
import { useFormatMoney } from '../../../lib/money';
import { graphql } from '../../../gql';
import type { StatementFieldsFragment, VictimPersonalDataQuery, ViewerAccess } from '../../../gql/graphql';
import { ActionsHeader } from '../../../components/ListParts';

export type VictimStatement = StatementFieldsFragment;
type Victim = VictimStatement['victim'];
type VictimPersonalData = VictimPersonalDataQuery['victimPersonalData'];

graphql(`fragment StatementFields on VictimStatement {
  id takenAt place province narrative reportedLoss createdAt takenByName agency { ...AgencyRefFields }
  victim { id name age gender province idNumber phone personalDataMasked }
  transfers { id fromAccount toAccount bank amount occurredAt channel }
}`);
const VICTIM_PERSONAL_DATA = graphql(`query VictimPersonalData($victimId: ID!) { victimPersonalData(victimId: $victimId) { idNumber phone } }`);

const looksMasked = (v: string | null) => v != null && v.includes('*');

function VictimFacts({ victim, mayReveal }: { victim: Victim; mayReveal: boolean }) {
  const t = useTranslations('case.statements');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const provinceName = useProvinceName();
  const [full, setFull] = useState<VictimPersonalData | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const masked = victim.personalDataMasked || looksMasked(victim.idNumber) || looksMasked(victim.phone);

  async function reveal() {
    setBusy(true);
    setError(null);
    try {
      const data = await request(VICTIM_PERSONAL_DATA, { victimId: victim.id });
      setFull(data.victimPersonalData);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const idNumber = full ? full.idNumber : victim.idNumber;
  const phone = full ? full.phone : victim.phone;
  const details = [
    victim.age != null ? t('age', { age: victim.age }) : null,
    victim.gender ? t(`genders.${victim.gender === 'M' || victim.gender === 'F' ? victim.gender : 'other'}`, { gender: victim.gender }) : null,
    victim.province ? provinceName(victim.province) : null,
  ].filter(Boolean);

  return (
    <div className="victim" data-testid="victim">
      <div className="victim-name">
        <strong data-testid="victim-name">{victim.name}</strong>
        {details.length > 0 && <span className="muted"> · {details.join(' · ')}</span>}
      </div>
      <div className="victim-pd">
        <span>
          <span className="muted">{t('idNumber')}</span> <span className="mono" data-testid="victim-id-number">{idNumber ?? '—'}</span>
        </span>
        <span>
          <span className="muted">{t('phone')}</span> <span className="mono" data-testid="victim-phone">{phone ?? '—'}</span>
        </span>
        {masked && !full && mayReveal && (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void reveal()} data-testid="reveal-personal-data"
            title={t('revealHint')}>
            {busy ? t('revealing') : t('reveal')}
          </button>
        )}
        {masked && !full && !mayReveal && <span className="muted small">{t('maskedForRead')}</span>}
        {full && <span className="muted small">{t('revealedAudited')}</span>}
      </div>
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}

function StatementCard({ caseId, statement, index, mayReveal }: { caseId: string; statement: VictimStatement; index: number; mayReveal: boolean }) {
  const t = useTranslations('case.statements');
  const tChannel = useTranslations('channels');
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const formatMoney = useFormatMoney();
  const provinceName = useProvinceName();
  return (
    <article className="statement" data-testid="statement" data-statement-id={statement.id}>
      <header className="statement-head">
        <span className="statement-index">#{index + 1}</span>
        <VictimFacts victim={statement.victim} mayReveal={mayReveal} />
        <div className="statement-loss">
          <div className="muted small">{t('reportedLoss')}</div>
          <strong data-testid="statement-loss">{formatMoney(statement.reportedLoss)}</strong>
        </div>
      </header>
      <p className="statement-taken muted small" data-testid="statement-taken">
        {t('takenBy', {
          agency: agencyName(statement.agency),
          user: statement.takenByName,
          place: statement.province ? t('placeIn', { place: statement.place, province: provinceName(statement.province) }) : statement.place,
          time: formatDateTime(statement.takenAt),
        })}
      </p>
      <p className="narrative" data-testid="statement-narrative">
        {statement.narrative}
      </p>
      {statement.transfers.length > 0 ? (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="transfers-table">
            <caption>{t('paymentTrail')}</caption>
            <thead>
              <tr>
                <th>{t('occurredAt')}</th>
                <th>{t('fromAccount')}</th>
                <th>{t('toAccount')}</th>
                <th>{t('bank')}</th>
                <th>{t('channel')}</th>
                <th className="num">{t('amount')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {statement.transfers.map((tr) => (
                <tr key={tr.id} data-testid="transfer-row">
                  <td className="nowrap">{formatDateTime(tr.occurredAt)}</td>
                  <td className="mono">{tr.fromAccount}</td>
                  <td className="mono">{tr.toAccount}</td>
                  <td>{tr.bank ?? '—'}</td>
                  <td className="nowrap">{tChannel(tr.channel)}</td>
                  <td className="num nowrap">{formatMoney(tr.amount)}</td>
                  <td className="actions-cell">
                    <Link href={`/cases/${caseId}/trace/${tr.id}`} className="btn btn-small" data-testid="trace-funds"
                      title={t('traceHint')}>
                      {t('trace')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted small">{t('noTransfers')}</p>
      )}
    </article>
  );
}

interface Props {
  caseId: string;
  statements: VictimStatement[];
  canContribute: boolean;
  viewerAccess: ViewerAccess;
  /** The user's role may see personal data unmasked (access table). */
  seesPersonalData: boolean;
  totalLoss: string;
}

export function Statements({ caseId, statements, canContribute, viewerAccess, seesPersonalData, totalLoss }: Props) {
  const t = useTranslations('case.statements');
  const formatMoney = useFormatMoney();
  const mayReveal = seesPersonalData && (viewerAccess === 'OWNER' || viewerAccess === 'CONTRIBUTE');
  return (
    <section className="card" data-testid="statements">
      <div className="section-head">
        <h2>
          {t('title')} <span className="count" data-testid="statement-count">{statements.length}</span>
        </h2>
        <span className="muted">{t('sum', { total: formatMoney(totalLoss) })}</span>
        {canContribute && (
          <div className="section-actions">
            <Link href={`/cases/${caseId}/import`} className="btn" data-testid="import-statements">
              {t('import')}
            </Link>
            <Link href={`/cases/${caseId}/statements/new`} className="btn btn-primary" data-testid="add-statement">
              + {t('add')}
            </Link>
          </div>
        )}
      </div>
      {statements.length === 0 && <p className="muted">{t('empty')}</p>}
      {statements.map((s, i) => (
        <StatementCard key={s.id} caseId={caseId} statement={s} index={i} mayReveal={mayReveal} />
      ))}
    </section>
  );
}
