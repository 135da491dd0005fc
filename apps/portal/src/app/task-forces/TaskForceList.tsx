'use client';

import { CaseStatus } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { CheckGroup } from '../../components/CheckGroup';
import { Field } from '../../components/Field';
import { RetryAlert } from '../../components/ListParts';
import { useAuth } from '../../lib/auth';
import { useTaskForceRefresh } from '../../lib/live';
import { useErrorMessage, useFieldErrors, useLoadErrorMessage } from '../../lib/errors';
import { useAgencyName, useFormatDateTime } from '../../lib/format';
import { CREATE_TASK_FORCE, OWN_CASES, POLICE_AGENCY_LIST, TASK_FORCES, type TaskForce } from '../../components/task-forces/shared';
import styles from '../../components/task-forces/task-forces.module.css';
import type { AgencyRef } from '../../components/AgencyBadge';
import type { User } from '../../lib/auth';
import { SERIES, type Series } from '../../lib/series';
import { canCreateTaskForce } from '../../lib/access';

/**
 * A new task force, from scratch or from a series: then the agencies holding the series' cases you can read join
 * as members and your own cases in it join the force (the api does both from the series id).
 */
function NewTaskForceForm({ user, seriesId, onCancel }: { user: User; seriesId: string | null; onCancel(): void }) {
  const t = useTranslations('taskForces');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const router = useRouter();
  const agencyName = useAgencyName();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const [agencies, setAgencies] = useState<AgencyRef[]>([]);
  const [cases, setCases] = useState<{ id: string; caseNumber: string; title: string }[]>([]);
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [series, setSeries] = useState<Series | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([
      request(POLICE_AGENCY_LIST),
      request(OWN_CASES, { filter: { owningAgencyId: user.agency.id, statuses: [CaseStatus.REPORTED, CaseStatus.INVESTIGATING] } }),
      seriesId ? request(SERIES, { id: seriesId }).then((r) => r.series) : Promise.resolve(null),
    ])
      .then(([a, c, s]) => {
        if (!live) return;
        setAgencies(a.policeAgencies.filter((x) => x.id !== user.agency.id));
        setCases(c.cases.edges.map((e) => e.node));
        setSeries(s);
        if (s) setName((n) => n || t('seriesForceName', { cases: s.caseCount, id: s.id.slice(0, 8) }));
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [request, user.agency.id, seriesId, t]);

  // From a series, its agencies and the caller's cases in it are in already: the check boxes offer the others.
  const fromSeriesAgencies = series ? series.agencies.filter((a) => a.id !== user.agency.id) : [];
  const fromSeriesCases = series ? series.cases.filter((c) => c.owner.id === user.agency.id) : [];
  const otherAgencies = agencies.filter((a) => !fromSeriesAgencies.some((x) => x.id === a.id));
  const otherCases = cases.filter((c) => !fromSeriesCases.some((x) => x.id === c.id));

  const toggle = (set: (f: (s: string[]) => string[]) => void) => (v: string) => set((s) => (s.includes(v) ? s.filter((x) => x !== v) : [...s, v]));
  const fieldErrors = fieldErrorsOf(error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setNameError(t('nameRequired'));
    setNameError(null);
    setBusy(true);
    setError(null);
    try {
      const created = await request(CREATE_TASK_FORCE, { input: { name: name.trim(), memberAgencyIds: members, caseIds, seriesId } });
      router.push(`/task-forces/${created.createTaskForce.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <section className="card table-card" data-testid="task-force-form">
      <div className="table-toolbar">
        <strong>{series ? t('newFromSeriesTitle') : t('newTitle')}</strong>
      </div>
      <form className={styles.form} onSubmit={onSubmit}>
        <div className={styles.wide}>
          <Field label={t('name')} name="name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} error={nameError ?? fieldErrors['name']} />
        </div>
        {series && (
          <div className={`${styles.wide} ${styles.fromSeries}`} data-testid="task-force-from-series" data-series-id={series.id}>
            <p>
              <Link href={`/series/${series.id}`}>{t('fromSeriesLink', { cases: series.caseCount })}</Link>
              {series.hiddenCaseCount > 0 && <span className="muted small"> · {t('fromSeriesHidden', { count: series.hiddenCaseCount })}</span>}
            </p>
            <p className="small">
              <strong>{t('fromSeriesAgencies')}</strong>{' '}
              {fromSeriesAgencies.length > 0 ? fromSeriesAgencies.map((a) => agencyName(a)).join('、') : <span className="muted">{t('fromSeriesNoAgencies')}</span>}
            </p>
            <p className="small" data-testid="task-force-series-cases">
              <strong>{t('fromSeriesCases')}</strong>{' '}
              {fromSeriesCases.length > 0 ? fromSeriesCases.map((c) => c.caseNumber).join('、') : <span className="muted">{t('fromSeriesNoCases')}</span>}
            </p>
          </div>
        )}
        <CheckGroup
          legend={t('memberAgencies')} name="memberAgencyIds" className={styles.wide} hint={t('memberAgenciesHint')}
          options={otherAgencies.map((a) => ({ value: a.id, label: agencyName(a) }))} selected={members} onToggle={toggle(setMembers)} testId="task-force-members"
        />
        <CheckGroup
          legend={t('ownCases')} name="caseIds" className={styles.wide} hint={otherCases.length === 0 ? t('noOwnCases') : t('ownCasesHint')}
          options={otherCases.map((c) => ({ value: c.id, label: `${c.caseNumber} · ${c.title}` }))} selected={caseIds} onToggle={toggle(setCaseIds)} testId="task-force-cases"
        />
        {error !== null && (
          <div className={`field-error ${styles.wide}`} data-testid="task-force-error">
            {[errorMessage(error), ...Object.values(fieldErrors)].join(' ')}
          </div>
        )}
        <div className={`actions ${styles.wide}`}>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="task-force-submit">
            {t('create')}
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            {tc('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function TaskForceList({ user }: { user: User }) {
  const t = useTranslations('taskForces');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const [forces, setForces] = useState<TaskForce[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fromSeries = useSearchParams().get('series');
  const [creating, setCreating] = useState(fromSeries !== null && canCreateTaskForce(user));

  const load = useCallback(async () => {
    setError(null);
    try {
      setForces((await request(TASK_FORCES)).taskForces);
    } catch (e) {
      setError(e);
    }
  }, [request]);

  useEffect(() => {
    void load();
  }, [load]);
  useTaskForceRefresh(null, () => void load());

  return (
    <div className="wide-page" data-testid="task-forces-page">
      <div className="page-head">
        <div>
          <h1>{t('listTitle')}</h1>
          <p className="muted">{t('listIntro')}</p>
        </div>
        {canCreateTaskForce(user) && !creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="new-task-force">
            {t('newButton')}
          </button>
        )}
      </div>
      {creating && <NewTaskForceForm user={user} seriesId={fromSeries} onCancel={() => setCreating(false)} />}
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={() => void load()} />}
      <section className={`card table-card ${styles.section}`}>
        <div className="table-scroll">
          <table className="table" data-testid="task-forces-table">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('lead')}</th>
                <th className="num">{t('agencies')}</th>
                <th className="num">{t('cases')}</th>
                <th className="num">{t('openTasks')}</th>
                <th className="num">{t('overdueTasks')}</th>
                <th>{t('createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {(forces ?? []).map((f) => {
                const open = f.tasks.filter((x) => x.status === 'OPEN' || x.status === 'IN_PROGRESS').length;
                const overdue = f.tasks.filter((x) => x.overdue).length;
                return (
                  <tr key={f.id} data-testid="task-force-row" data-task-force-id={f.id}>
                    <td>
                      <Link href={`/task-forces/${f.id}`} data-testid="task-force-link">
                        {f.name}
                      </Link>
                      {f.isLead && <span className="chip badge-after">{t('leadChip')}</span>}
                    </td>
                    <td>{agencyName(f.leadAgency)}</td>
                    <td className="num">{f.agencies.length}</td>
                    <td className="num">{f.cases.length}</td>
                    <td className="num">{open}</td>
                    <td className="num">{overdue > 0 ? <span className={styles.overdue}>{overdue}</span> : 0}</td>
                    <td className="nowrap muted">{formatDateTime(f.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {forces === null && error === null && <p className="muted table-status">{t('loading')}</p>}
        {forces?.length === 0 && (
          <p className="muted table-status" data-testid="task-forces-empty">
            {t('listEmpty')}
          </p>
        )}
      </section>
    </div>
  );
}
