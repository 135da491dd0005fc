'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { JobStateBadge } from '../../../components/LinkBadges';
import { RetryAlert } from '../../../components/ListParts';
import { ProgressBar } from '../../../components/ProgressBar';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useLoadErrorMessage, useLoadReason } from '../../../lib/errors';
import { GqlError } from '../../../lib/graphql';
import { useFormatDateTime } from '../../../lib/format';
import { LinkingTabs } from '../../../components/LinkingTabs';
import { graphql } from '../../../gql';
import type { RelinkFieldsFragment } from '../../../gql/graphql';
import type { User } from '../../../lib/auth';

type RelinkRun = RelinkFieldsFragment;

graphql(`fragment RelinkFields on RelinkRun { id state phase done total progress stats error createdAt startedAt finishedAt }`);
const RELINK_RUNS = graphql(`query RelinkRuns { relinkRuns { ...RelinkFields } }`);
const RELINK_RUN = graphql(`query RelinkRun($id: ID!) { relinkRun(id: $id) { ...RelinkFields } }`);
const START_RELINK = graphql(`mutation StartRelink { startRelink { ...RelinkFields } }`);

const POLL_MS = 1000;
const active = (r: RelinkRun | null | undefined) => r?.state === 'QUEUED' || r?.state === 'RUNNING';
const KNOWN_STATS = ['identifiers', 'postings', 'linkingValues', 'hubs', 'series', 'casesInSeries', 'seconds', 'identifiersPerSecond'];

/** Counts as integers; rates and seconds with the decimals that matter at their size (0.04 s, 12.5 s, 26,178/s). */
function useNumber() {
  const locale = useLocale();
  return useCallback(
    (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: Number.isInteger(n) ? 0 : Math.abs(n) < 10 ? 2 : Math.abs(n) < 100 ? 1 : 0 }).format(n),
    [locale],
  );
}

function Stats({ stats }: { stats: Record<string, unknown> }) {
  const t = useTranslations('relink.stats');
  const formatNumber = useNumber();
  const entries = Object.entries(stats).sort(([a], [b]) => {
    const ia = KNOWN_STATS.indexOf(a);
    const ib = KNOWN_STATS.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  return (
    <dl className="facts relink-stats" data-testid="relink-stats">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{KNOWN_STATS.includes(key) ? t(key) : key}</dt>
          <dd>{typeof value === 'number' ? formatNumber(value) : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Duration({ run }: { run: RelinkRun }) {
  const t = useTranslations('relink');
  if (!run.startedAt || !run.finishedAt) return <>—</>;
  const seconds = Math.max(0, Math.round((new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()) / 1000));
  return <>{seconds >= 60 ? t('minutes', { m: Math.floor(seconds / 60), s: seconds % 60 }) : t('seconds', { s: seconds })}</>;
}

export function Relink({ user }: { user: User }) {
  const t = useTranslations('relink');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const loadErrorMessage = useLoadErrorMessage();
  const loadReason = useLoadReason();
  const formatDateTime = useFormatDateTime();
  const formatNumber = useNumber();
  const [runs, setRuns] = useState<RelinkRun[] | null>(null);
  const [runsError, setRunsError] = useState<unknown>(null);
  const [current, setCurrent] = useState<RelinkRun | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);

  const loadRuns = useCallback(async () => {
    setRunsError(null);
    try {
      const list = (await request(RELINK_RUNS)).relinkRuns;
      setRuns(list);
      // A rebuild started earlier (here or elsewhere) that is still going is followed.
      setCurrent((c) => c ?? list.find(active) ?? null);
    } catch (e) {
      setRunsError(e);
    }
  }, [request]);

  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);

  const runId = current?.id;
  const following = active(current);
  useEffect(() => {
    if (!runId || !following) return;
    const id = runId;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const run = (await request(RELINK_RUN, { id })).relinkRun;
        if (!live) return;
        setCurrent(run);
        setRuns((prev) => prev && prev.map((r) => (r.id === run.id ? run : r)));
        setPollError(null);
        if (!active(run)) {
          void loadRuns();
          return;
        }
      } catch (e) {
        if (!live) return;
        setPollError(loadReason(e));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    }
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runId, following, request, loadRuns, loadReason]);

  async function start() {
    if (!window.confirm(t('startConfirm'))) return;
    setStarting(true);
    setStartError(null);
    try {
      const run = (await request(START_RELINK)).startRelink;
      setCurrent(run);
      setRuns((prev) => [run, ...(prev ?? []).filter((r) => r.id !== run.id)]);
    } catch (e) {
      setStartError(e instanceof GqlError && e.code === 'CONFLICT' ? t('alreadyRunning') : errorMessage(e));
      void loadRuns();
    } finally {
      setStarting(false);
    }
  }

  // 100% means done: a run still finishing shows at most 99.
  const percent = current ? (current.state === 'DONE' ? 100 : Math.min(99, Math.round(Math.max(0, current.progress) * 100))) : 0;
  const known = current && (current.state === 'DONE' || current.total > 0);
  const phase = current?.phase ? (t.has(`phases.${current.phase}`) ? t(`phases.${current.phase}`) : current.phase) : '—';

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <button type="button" className="btn btn-primary" disabled={starting || following} onClick={() => void start()}
          data-testid="relink-start">
          {starting ? t('starting') : following ? t('running') : t('start')}
        </button>
      </div>
      <LinkingTabs user={user} />
      {startError && <Alert tone="error" testId="relink-start-error">{startError}</Alert>}

      {current && (
        <section className="card relink-current" data-testid="relink-current" data-state={current.state}>
          <div className="section-head">
            <h2>{t('currentTitle')}</h2>
            <JobStateBadge state={current.state} testId="relink-state" />
            <span className="muted small">
              {current.startedAt ? t('startedAt', { time: formatDateTime(current.startedAt) }) : t('queuedAt', { time: formatDateTime(current.createdAt) })}
            </span>
          </div>
          <ProgressBar value={known ? percent : 0} max={known ? 100 : null} testId="relink-progress"
            label={
              current.state === 'DONE'
                ? t('finished', { time: formatDateTime(current.finishedAt) })
                : current.total > 0
                  ? t('progress', { percent, done: formatNumber(current.done), total: formatNumber(current.total), phase })
                  : t('waiting')
            } />
          {pollError && <Alert tone="warning">{t('pollFailed', { reason: pollError })}</Alert>}
          {current.state === 'FAILED' && <Alert tone="error" testId="relink-failed">{t('failed', { reason: current.error ?? '' })}</Alert>}
          {current.state === 'DONE' && current.stats && <Stats stats={current.stats} />}
        </section>
      )}

      {runsError !== null && <RetryAlert message={loadErrorMessage(runsError)} onRetry={() => void loadRuns()} />}
      <section className="card table-card">
        <div className="table-toolbar">
          <strong>{t('historyTitle')}</strong>
          <span className="muted small">{t('historyIntro')}</span>
        </div>
        <div className="table-scroll">
          <table className="table table-compact" data-testid="relink-history">
            <thead>
              <tr>
                <th>{t('requestedAt')}</th>
                <th>{t('state')}</th>
                <th>{t('duration')}</th>
                <th className="num">{t('identifiers')}</th>
                <th className="num">{t('series')}</th>
                <th>{t('outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {(runs ?? []).map((r) => (
                <tr key={r.id} data-testid="relink-row" data-state={r.state}>
                  <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                  <td>
                    <JobStateBadge state={r.state} />
                  </td>
                  <td className="nowrap">
                    <Duration run={r} />
                  </td>
                  <td className="num">{typeof r.stats?.identifiers === 'number' ? formatNumber(r.stats.identifiers) : '—'}</td>
                  <td className="num">{typeof r.stats?.series === 'number' ? formatNumber(r.stats.series) : '—'}</td>
                  <td className="details small">
                    {r.state === 'FAILED' ? <span className="warn-text">{r.error}</span> : active(r) ? t('percentDone', { percent: Math.min(99, Math.round(r.progress * 100)) }) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {runs === null && runsError === null && <p className="muted table-status">{tc('loading')}</p>}
        {runs?.length === 0 && <p className="muted table-status">{t('historyEmpty')}</p>}
      </section>
    </>
  );
}
