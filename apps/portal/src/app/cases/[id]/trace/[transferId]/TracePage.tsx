'use client';

import { IdentifierKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '../../../../../components/Alert';
import type { CytoEdge, CytoHandle, CytoNode } from '../../../../../components/graph/CytoCanvas';
import { GraphLoading } from '../../../../../components/graph/GraphLoading';
import { KIND_LOOK } from '../../../../../components/graph/link-style';
import { ShapeIcon } from '../../../../../components/graph/ShapeIcon';
import { JobStateBadge, Spinner } from '../../../../../components/LinkBadges';
import { ProgressBar } from '../../../../../components/ProgressBar';
import { RequestStateBadge } from '../../../../../components/RequestBadges';
import { canSendRequests } from '../../../../../lib/access';
import { useAuth } from '../../../../../lib/auth';
import { useLoadReason } from '../../../../../lib/errors';
import { GqlError } from '../../../../../lib/graphql';
import { useAgencyName, useFormatDateTime } from '../../../../../lib/format';
import { batchHref } from '../../../../../lib/freeze-batches';
import { sumAmounts, useFormatMoney } from '../../../../../lib/money';
import { useLiveRefresh } from '../../../../../lib/live';
import { accountDigits, CASE_REQUESTS, FREEZABLE_KINDS, HOLDING_STATES, newRequestHref, OPEN_STATES } from '../../../../../lib/requests';
import { MAX_DIRECT_HOPS, MAX_HOPS, useFundTrace } from './useFundTrace';
import type { CaseSummaryFragment as CaseSummary, FundNodeFragment } from '../../../../../gql/graphql';
import type { AgencyRequestSummary } from '../../../../../components/requests/RequestTable';
import { CASE_HEAD } from '../../../../../lib/cases';
import type { FundTrace } from './useFundTrace';
import { StopAllDialog } from './StopAllDialog';
import styles from '../../../../../components/emergency-stops/emergency-stops.module.css';

type FundTraceNode = FundNodeFragment;

const CytoCanvas = dynamic(() => import('../../../../../components/graph/CytoCanvas').then((m) => m.CytoCanvas), {
  ssr: false,
  loading: () => <GraphLoading height={520} />,
});

const VICTIM_COLOUR = '#1f5fbf';
const HELD_BORDER = '#b42318';
const CYCLE_COLOUR = '#7c3aed';
const DEFAULT_HOPS = 4;
const isPositive = (amount: string) => /[1-9]/.test(amount);

/**
 * The transfer that brought the money to a last-seen account: the one into it that carried the most traced
 * money (the latest of equals).
 */
function sourceTransferOf(trace: FundTrace, accountId: string): string | null {
  const into = trace.edges.filter((e) => e.target === accountId);
  const fen = (a: string) => Math.round(Number(a) * 100);
  into.sort((a, b) => fen(b.traced) - fen(a.traced) || b.occurredAt.localeCompare(a.occurredAt));
  return into[0]?.id ?? null;
}

/** A live freeze of this case for the account (waiting or holding), if one was sent already. */
function liveFreeze(requests: AgencyRequestSummary[] | null, account: string): AgencyRequestSummary | undefined {
  const digits = accountDigits(account);
  return requests?.find(
    (r) => r.type === 'FREEZE' && r.account && accountDigits(r.account) === digits && (OPEN_STATES.includes(r.state) || HOLDING_STATES.includes(r.state) || r.state === 'DRAFT'),
  );
}

/**
 * Ask the bank to stop the money where it was last seen: an emergency stop, urgent, prefilled with the account,
 * bank, amount held and the transfer that brought it. Once sent, the request's state and a link instead.
 */
function FreezeCell({ node, caseId, trace, sent, mayRequest }: {
  node: FundTraceNode;
  caseId: string;
  trace: FundTrace;
  sent?: AgencyRequestSummary;
  mayRequest: boolean;
}) {
  const t = useTranslations('fundTrace');
  if (sent) {
    return (
      <Link href={`/requests/${sent.id}`} className="freeze-sent" data-testid="freeze-sent" data-request-id={sent.id}>
        <RequestStateBadge state={sent.state} /> <span className="mono small">{sent.reference}</span>
      </Link>
    );
  }
  if (!FREEZABLE_KINDS.includes(node.kind) || !mayRequest) {
    const why = mayRequest ? t('freezeNotBank') : t('freezeNotAllowed');
    return (
      <span className="tooltip-wrap" title={why} tabIndex={0} data-testid="freeze-wrap">
        <button type="button" className="btn btn-small" disabled aria-describedby={`freeze-${node.id}`} data-testid="freeze-request">
          {t('freeze')}
        </button>
        <span id={`freeze-${node.id}`} className="visually-hidden">
          {why}
        </span>
      </span>
    );
  }
  const href = newRequestHref(caseId, {
    type: 'FREEZE', from: 'trace', kind: 'EMERGENCY_STOP', urgency: 'URGENT', account: node.id, bank: node.bank,
    amount: /[1-9]/.test(node.amountHeld) ? node.amountHeld : null, sourceTransferId: sourceTransferOf(trace, node.id),
  });
  return (
    <Link href={href} className="btn btn-small btn-freeze" title={t('freezeHint')} data-testid="freeze-request">
      {t('freeze')}
    </Link>
  );
}

/**
 * "6217 0024 3000 1234 567" style labels stay readable on the canvas; the bank goes on a second line: the issuing
 * bank by registered prefix (where a stop goes), else the bank the payment trail named.
 */
function nodeLabel(n: FundTraceNode, bankName: (bank: { name: string; nameEn: string }) => string): string {
  const bank = n.issuingBank ? bankName(n.issuingBank.bank) : n.bank;
  return bank ? `${n.label}\n${bank}` : n.label;
}

/** The issuing bank of an account, with the prefix that routed it; the trail's own bank name, marked so, otherwise. */
function IssuingBankCell({ node, testId }: { node: FundTraceNode | undefined; testId: string }) {
  const t = useTranslations('emergencyStops');
  const agencyName = useAgencyName();
  if (!node) return <span className="muted">—</span>;
  if (node.issuingBank) {
    return (
      <span data-testid={testId} data-bank-id={node.issuingBank.bank.id}>
        {agencyName(node.issuingBank.bank)}
        <span className={styles.sub}>{t('prefix', { prefix: node.issuingBank.prefix })}</span>
      </span>
    );
  }
  return (
    <span data-testid={testId} data-bank-id="">
      {node.bank ?? '—'}
      <span className={styles.sub}>{FREEZABLE_KINDS.includes(node.kind) ? t('noIssuingBank') : t('notABank')}</span>
    </span>
  );
}

export function TracePage({ caseId, transferId }: { caseId: string; transferId: string }) {
  const t = useTranslations('fundTrace');
  const tStops = useTranslations('emergencyStops');
  const tKind = useTranslations('identifierKinds');
  const { request, session } = useAuth();
  const loadReason = useLoadReason();
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const agencyName = useAgencyName();
  const router = useRouter();
  const [stopAll, setStopAll] = useState(false);
  const [head, setHead] = useState<CaseSummary | null>(null);
  const [hops, setHops] = useState(DEFAULT_HOPS);
  const [attempt, setAttempt] = useState(0);
  const { shown, run, busy, error } = useFundTrace(transferId, hops, attempt);
  const handle = useRef<CytoHandle | null>(null);

  const [requests, setRequests] = useState<AgencyRequestSummary[] | null>(null);
  const loadRequests = useCallback(() => {
    request(CASE_REQUESTS, { caseId })
      .then((d) => setRequests(d.caseRequests))
      // The freeze buttons work without it; only the "already sent" marks are missing.
      .catch(() => undefined);
  }, [caseId, request]);
  useEffect(() => loadRequests(), [loadRequests]);
  useLiveRefresh(loadRequests);
  // A bank's answer may add transfers out of a frozen account: trace again to show where the money went.
  const ownAgencyId = session?.user.agency.id;
  useLiveRefresh(
    () => setAttempt((a) => a + 1),
    (u) => u.type === 'FREEZE' && u.fromAgencyId === ownAgencyId && (u.state === 'FROZEN' || u.state === 'PARTIALLY_FROZEN'),
    1500,
  );
  const sentFor = (account: string) => liveFreeze(requests, account);
  // Investigators and supervisors with more than READ on the case (the api refuses others).
  const mayRequest = !!session && canSendRequests(session.user) && !!head && head.viewerAccess !== 'READ';

  useEffect(() => {
    let live = true;
    request(CASE_HEAD, { id: caseId })
      .then((d) => live && setHead(d.case))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [caseId, request]);

  const trace = shown?.trace ?? null;
  const victim = trace?.nodes.find((n) => n.depth === 0) ?? null;
  const origin = trace?.edges.find((e) => e.id === transferId) ?? null;
  const labels = useMemo(() => new Map(trace?.nodes.map((n) => [n.id, n.label]) ?? []), [trace]);
  const nodesById = useMemo(() => new Map(trace?.nodes.map((n) => [n.id, n]) ?? []), [trace]);

  const cyNodes = useMemo<CytoNode[]>(
    () =>
      (trace?.nodes ?? []).map((n) => {
        const held = isPositive(n.amountHeld);
        const look = KIND_LOOK[n.kind] ?? KIND_LOOK.BANK_ACCOUNT;
        return {
          id: n.id, label: held ? `${nodeLabel(n, agencyName)}\n${t('heldShort', { amount: formatMoney(n.amountHeld) })}` : nodeLabel(n, agencyName),
          color: n.depth === 0 ? VICTIM_COLOUR : look.color, shape: n.depth === 0 ? 'round-rectangle' : look.shape,
          width: n.depth === 0 ? 46 : 34, height: n.depth === 0 ? 30 : 34, opacity: 1,
          borderColor: held ? HELD_BORDER : n.cycle ? CYCLE_COLOUR : '#ffffff', borderWidth: held || n.cycle ? 4 : 1.5,
          borderStyle: n.atDepthLimit ? ('dashed' as const) : ('solid' as const), depth: n.depth,
        };
      }),
    [trace, t, formatMoney, agencyName],
  );
  const cyEdges = useMemo<CytoEdge[]>(
    () =>
      (trace?.edges ?? []).map((e) => ({
        id: e.id, source: e.source, target: e.target, arrow: 'triangle' as const,
        label: e.traced === e.amount ? formatMoney(e.traced) : t('edgePartial', { traced: formatMoney(e.traced), amount: formatMoney(e.amount) }),
        color: e.cycle ? CYCLE_COLOUR : e.id === transferId ? VICTIM_COLOUR : '#64748b', width: e.id === transferId ? 3 : 2,
        lineStyle: e.cycle ? ('dashed' as const) : ('solid' as const),
      })),
    [trace, transferId, t, formatMoney],
  );
  // As tall as the widest hop needs: a thin chain should not float in an empty canvas.
  const { widest, deepest } = useMemo(() => {
    const perDepth = new Map<number, number>();
    for (const n of trace?.nodes ?? []) perDepth.set(n.depth, (perDepth.get(n.depth) ?? 0) + 1);
    return { widest: Math.max(1, ...perDepth.values()), deepest: Math.max(0, ...perDepth.keys()) };
  }, [trace]);
  const canvasHeight = Math.min(680, Math.max(300, 140 + widest * 110));
  // Left to right, one column per hop: breadthfirst lays the hops out top-down in a box sized for readable
  // distances (about 250 px between hops, 110 px between accounts of one hop), then x and y are swapped.
  // (Its own direction: 'rightward' stretches the drawing by the canvas's aspect ratio.)
  const layout = useMemo(
    () => ({
      name: 'breadthfirst', directed: true, roots: victim ? [victim.id] : undefined, padding: 40, fit: true, animate: false, spacingFactor: 1,
      boundingBox: { x1: 0, y1: 0, w: Math.max(1, widest - 1) * 110 + 120, h: deepest * 250 + 120 },
      transform: (_node: unknown, p: { x: number; y: number }) => ({ x: p.y, y: p.x }),
    }),
    [victim, widest, deepest],
  );
  const legendKinds = Object.values(IdentifierKind).filter((k) => trace?.nodes.some((n) => n.depth > 0 && n.kind === k));
  const heldTotal = trace ? sumAmounts(trace.lastSeen.map((n) => n.amountHeld)) : '0.00';
  const failed = run?.state === 'FAILED';
  const notFound = error instanceof GqlError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN');

  return (
    <div className="wide-page trace-page" data-testid="trace-page">
      <Link href={`/cases/${caseId}`} className="back-link">
        ← {t('backToCase')}
      </Link>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">
            {head && <span className="mono">{head.caseNumber} · </span>}
            {t('intro')}
          </p>
        </div>
        <div className="trace-controls">
          <label htmlFor="trace-hops" className="small">
            {t('hops')}
          </label>
          <select id="trace-hops" value={hops} onChange={(e) => setHops(Number(e.target.value))} data-testid="trace-hops">
            {Array.from({ length: MAX_HOPS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n > MAX_DIRECT_HOPS ? t('hopOptionBackground', { n }) : t('hopOption', { n })}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" onClick={() => handle.current?.fit()} data-testid="trace-fit">
            {t('fit')}
          </button>
        </div>
      </div>

      {origin && (
        <section className="card trace-origin" data-testid="trace-origin">
          <span className="muted small">{t('origin')}</span>
          <span className="mono">{labels.get(origin.source) ?? origin.source}</span>
          <span aria-hidden="true">→</span>
          <span className="mono">{labels.get(origin.target) ?? origin.target}</span>
          <strong>{formatMoney(origin.amount)}</strong>
          <span className="muted small">{formatDateTime(origin.occurredAt)}</span>
        </section>
      )}

      {busy && (
        <div className="trace-busy" data-testid="trace-busy">
          <Spinner label={t('tracing')} />
          <span>
            {hops > MAX_DIRECT_HOPS ? t('tracingBackground', { hops }) : t('tracing')}
            {run && (
              <>
                {' '}
                <JobStateBadge state={run.state} testId="trace-run-state" />
              </>
            )}
          </span>
          {hops > MAX_DIRECT_HOPS && (
            <ProgressBar value={run?.state === 'RUNNING' ? run.done : 0} max={run?.state === 'RUNNING' ? run.maxHops : null} testId="trace-progress"
              label={run?.state === 'RUNNING' ? t('hopsDone', { done: run.done, max: run.maxHops }) : undefined} />
          )}
        </div>
      )}
      {error !== null && !busy && (
        <Alert tone="error" testId="trace-error">
          {notFound ? t('notFound') : t('failed', { reason: loadReason(error) })}{' '}
          {!notFound && (
            <button type="button" className="btn btn-small" onClick={() => setAttempt((a) => a + 1)}>
              {t('retry')}
            </button>
          )}
        </Alert>
      )}
      {failed && (
        <Alert tone="error" testId="trace-run-failed">
          {t('runFailed', { reason: run?.error ?? '' })}{' '}
          <button type="button" className="btn btn-small" onClick={() => setAttempt((a) => a + 1)}>
            {t('retry')}
          </button>
        </Alert>
      )}
      {trace?.truncated && <Alert tone="warning" testId="trace-truncated">{t('truncated')}</Alert>}

      {trace && (
        <>
          <div className="trace-summary" data-testid="trace-summary">
            <div className="tally">
              <strong>{shown?.trace.hops}</strong>
              <span>{t('hopsReached', { max: shown?.hops ?? hops })}</span>
            </div>
            <div className="tally">
              <strong>{trace.nodes.length}</strong>
              <span>{t('accounts')}</span>
            </div>
            <div className="tally">
              <strong>{trace.edges.length}</strong>
              <span>{t('transfers')}</span>
            </div>
            <div className="tally tally-bad">
              <strong>{formatMoney(heldTotal)}</strong>
              <span>{t('heldTotal')}</span>
            </div>
          </div>
          <section className={`card graph-card${busy ? ' stale' : ''}`} aria-busy={busy}>
            <CytoCanvas nodes={cyNodes} edges={cyEdges} layout={layout as never} resetKey={`${shown?.hops}:${attempt}`}
              onReady={(h) => (handle.current = h)} label={t('canvasLabel', { accounts: trace.nodes.length, transfers: trace.edges.length })}
              testId="fund-graph" height={canvasHeight} />
            <ul className="trace-legend small" data-testid="trace-legend">
              <li>
                <ShapeIcon shape="round-rectangle" fill={VICTIM_COLOUR} /> {t('legendVictim')}
              </li>
              {legendKinds.map((k) => (
                <li key={k}>
                  <ShapeIcon shape={KIND_LOOK[k].shape} fill={KIND_LOOK[k].color} /> {tKind(k)}
                </li>
              ))}
              {trace.lastSeen.length > 0 && (
                <li>
                  <ShapeIcon shape="ellipse" fill="#ffffff" stroke={HELD_BORDER} /> {t('legendHeld')}
                </li>
              )}
              {trace.nodes.some((n) => n.atDepthLimit) && (
                <li>
                  <ShapeIcon shape="ellipse" fill="#ffffff" stroke="#64748b" dashed /> {t('legendDepthLimit')}
                </li>
              )}
              {trace.edges.some((e) => e.cycle) && (
                <li>
                  <ShapeIcon shape="ellipse" fill="#ffffff" stroke={CYCLE_COLOUR} /> {t('legendCycle')}
                </li>
              )}
            </ul>
          </section>

          <section className="card" data-testid="last-seen">
            <div className="section-head">
              <h2>
                {t('lastSeenTitle')} <span className="count">{trace.lastSeen.length}</span>
              </h2>
              <span className="muted small">{t('lastSeenIntro')}</span>
              {mayRequest && trace.lastSeen.length > 0 && (
                <div className="section-actions">
                  <button type="button" className={`btn ${styles.stopAll}`} onClick={() => setStopAll(true)} disabled={busy}
                    aria-describedby="stop-all-hint" data-testid="stop-all">
                    {tStops('stopAll', { count: trace.lastSeen.length })}
                  </button>
                  <span id="stop-all-hint" className="visually-hidden">{tStops('stopAllHint')}</span>
                </div>
              )}
            </div>
            {trace.lastSeen.length === 0 ? (
              <p className="muted">{t('lastSeenEmpty')}</p>
            ) : (
              <div className="table-scroll">
                <table className="table table-compact" data-testid="last-seen-table">
                  <thead>
                    <tr>
                      <th>{t('account')}</th>
                      <th>{t('kind')}</th>
                      <th>{tStops('issuingBank')}</th>
                      <th className="num">{t('amountHeld')}</th>
                      <th className="num">{t('depth')}</th>
                      <th>{t('note')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {trace.lastSeen.map((n) => (
                      <tr key={n.id} data-testid="last-seen-row" data-account={n.id}>
                        <td className="mono">{n.label}</td>
                        <td className="nowrap">{tKind(n.kind)}</td>
                        <td><IssuingBankCell node={n} testId="issuing-bank" /></td>
                        <td className="num nowrap" data-testid="amount-held">{formatMoney(n.amountHeld)}</td>
                        <td className="num">{n.depth}</td>
                        <td className="small">
                          {n.atDepthLimit && <span className="status status-warn">{t('atDepthLimit')}</span>}
                          {n.cycle && <span className="status status-off">{t('cycle')}</span>}
                        </td>
                        <td className="actions-cell">
                          <FreezeCell node={n} caseId={caseId} trace={trace} sent={sentFor(n.id)} mayRequest={mayRequest} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <details className="card">
            <summary>{t('trailTitle', { count: trace.edges.length })}</summary>
            <div className="table-scroll">
              <table className="table table-compact" data-testid="trail-table">
                <thead>
                  <tr>
                    <th className="num">{t('hop')}</th>
                    <th>{t('time')}</th>
                    <th>{t('from')}</th>
                    <th>{tStops('fromBank')}</th>
                    <th>{t('to')}</th>
                    <th>{tStops('toBank')}</th>
                    <th className="num">{t('amount')}</th>
                    <th className="num">{t('traced')}</th>
                    <th>{t('case')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...trace.edges]
                    .sort((a, b) => a.depth - b.depth || a.occurredAt.localeCompare(b.occurredAt))
                    .map((e) => (
                      <tr key={e.id} data-testid="trail-row" data-transfer-id={e.id}>
                        <td className="num">{e.depth}</td>
                        <td className="nowrap">{formatDateTime(e.occurredAt)}</td>
                        <td className="mono">{labels.get(e.source) ?? e.source}</td>
                        <td className="small"><IssuingBankCell node={nodesById.get(e.source)} testId="hop-from-bank" /></td>
                        <td className="mono">
                          {labels.get(e.target) ?? e.target}
                          {e.cycle && <span className="status status-off badge-after">{t('cycle')}</span>}
                        </td>
                        <td className="small"><IssuingBankCell node={nodesById.get(e.target)} testId="hop-to-bank" /></td>
                        <td className="num nowrap">{formatMoney(e.amount)}</td>
                        <td className="num nowrap">{formatMoney(e.traced)}</td>
                        <td>
                          <Link href={`/cases/${e.caseId}`} className="small">
                            {t('openCase')}
                          </Link>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
      {stopAll && trace && shown && (
        <StopAllDialog caseId={caseId} caseNumber={head?.caseNumber ?? null} lastSeen={trace.lastSeen} isLive={(id) => !!sentFor(id)}
          trace={{ transferId, maxHops: shown.hops, fundTraceRunId: shown.hops > MAX_DIRECT_HOPS ? (run?.id ?? null) : null }}
          onClose={() => setStopAll(false)}
          onSent={(batch) => router.push(`${batchHref(caseId, batch.id)}${batch.replayed ? '?replayed=1' : '?sent=1'}`)} />
      )}
    </div>
  );
}
