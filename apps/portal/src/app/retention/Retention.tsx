'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { RetryAlert } from '../../components/ListParts';
import { useAuth } from '../../lib/auth';
import { useErrorMessage, useLoadErrorMessage, useLoadReason } from '../../lib/errors';
import { GqlError } from '../../lib/graphql';
import type { User } from '../../lib/auth';
import { RulesTable } from './RulesTable';
import { Runs } from './Runs';
import { CLASS_ORDER, POLL_MS, RETENTION_RULES, RETENTION_RUNS, RUN_RETENTION, RUNS_SHOWN, runActive, type RetentionRule, type RetentionRun } from './shared';
import { canRunRetention, canSetRetention } from '../../lib/access';

const byClass = (a: RetentionRule, b: RetentionRule) => {
  const ia = CLASS_ORDER.indexOf(a.dataClass);
  const ib = CLASS_ORDER.indexOf(b.dataClass);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
};

/** /retention: the national rules per data class and the last runs of the retention queue. */
export function Retention({ user }: { user: User }) {
  const t = useTranslations('retention');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const loadErrorMessage = useLoadErrorMessage();
  const loadReason = useLoadReason();
  const editable = canSetRetention(user);
  const mayRun = canRunRetention(user);

  const [rules, setRules] = useState<RetentionRule[] | null>(null);
  const [rulesError, setRulesError] = useState<unknown>(null);
  const [runs, setRuns] = useState<RetentionRun[] | null>(null);
  const [runsError, setRunsError] = useState<unknown>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);

  const fetchRuns = useCallback(async () => (await request(RETENTION_RUNS, { limit: RUNS_SHOWN })).retentionRuns, [request]);

  const loadRules = useCallback(async () => {
    setRulesError(null);
    try {
      const data = await request(RETENTION_RULES);
      setRules([...data.retentionRules].sort(byClass));
    } catch (e) {
      setRulesError(e);
    }
  }, [request]);

  const loadRuns = useCallback(async () => {
    setRunsError(null);
    try {
      setRuns(await fetchRuns());
    } catch (e) {
      setRunsError(e);
    }
  }, [fetchRuns]);

  useEffect(() => {
    void loadRules();
    void loadRuns();
  }, [loadRules, loadRuns]);

  // While a run is queued or running, the list is read again every 2 s until none is.
  const following = runs?.some(runActive) ?? false;
  useEffect(() => {
    if (!following) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const list = await fetchRuns();
        if (!live) return;
        setRuns(list);
        setPollError(null);
        if (!list.some(runActive)) return;
      } catch (e) {
        if (!live) return;
        // One dropped poll must not end the view of a running run.
        setPollError(loadReason(e));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    }
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [following, fetchRuns, loadReason]);

  async function runNow() {
    setStarting(true);
    setRunError(null);
    try {
      const run = (await request(RUN_RETENTION)).runRetention;
      setRuns((prev) => [run, ...(prev ?? []).filter((r) => r.id !== run.id)].slice(0, RUNS_SHOWN));
      setSelectedId(run.id);
    } catch (e) {
      setRunError(e instanceof GqlError && e.code === 'CONFLICT' ? t('runAlreadyActive') : errorMessage(e));
      void loadRuns();
    } finally {
      setStarting(false);
    }
  }

  return (
    <div data-testid="retention-page">
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
          <p className="muted small">{editable ? t('introNational') : t('introAgency')}</p>
        </div>
        {mayRun && (
          <button type="button" className="btn btn-primary" disabled={starting || following} onClick={() => void runNow()} data-testid="retention-run-now">
            {starting ? t('runStarting') : following ? t('runQueued') : t('runNow')}
          </button>
        )}
      </div>
      {runError && <Alert tone="error" testId="retention-run-error">{runError}</Alert>}

      <section className="card table-card" aria-labelledby="retention-rules-title">
        <div className="table-toolbar">
          <h2 id="retention-rules-title">{t('rulesTitle')}</h2>
          <span className="muted small">{t('rulesIntro')}</span>
        </div>
        {rulesError !== null && <RetryAlert message={loadErrorMessage(rulesError)} onRetry={() => void loadRules()} />}
        {rules && (
          <RulesTable rules={rules} editable={editable}
            onSaved={(next) => setRules((list) => (list ?? []).map((r) => (r.dataClass === next.dataClass ? next : r)))} />
        )}
        {!rules && rulesError === null && <p className="muted table-status">{t('loading')}</p>}
      </section>

      <section className="card table-card" aria-labelledby="retention-runs-title">
        <div className="table-toolbar">
          <h2 id="retention-runs-title">{t('runsTitle')}</h2>
          <span className="muted small">{editable ? t('runsIntro', { count: RUNS_SHOWN }) : t('runsIntroAgency', { count: RUNS_SHOWN })}</span>
        </div>
        {runsError !== null && <RetryAlert message={loadErrorMessage(runsError)} onRetry={() => void loadRuns()} />}
        {pollError && <Alert tone="warning">{t('pollFailed', { reason: pollError })}</Alert>}
        {runs && runs.length > 0 && <Runs runs={runs} selectedId={selectedId} onSelect={setSelectedId} />}
        {runs?.length === 0 && (
          <p className="muted table-status" data-testid="retention-runs-empty">
            {t('runsEmpty')}
          </p>
        )}
        {!runs && runsError === null && <p className="muted table-status">{t('loading')}</p>}
      </section>
    </div>
  );
}
