'use client';

import { PROVINCES } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { LiveIndicator } from '../../../components/LiveIndicator';
import { Unavailable } from '../../../components/Unavailable';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useTaskForceRefresh } from '../../../lib/live';
import { useScrollToHash } from '../../../lib/scroll-to-hash';
import { beijingWallClock, useAgencyName, useFormatDateTime, useInputZoneNote, useProvinceName, useProvinceOptions, wallClockToIso } from '../../../lib/format';
import type { TaskKind } from '../../../gql/graphql';
import { DISPATCH_TASK, SET_TASK_STATUS, TASK_FORCE, TASK_KINDS, TASK_STATUSES, type TaskForce, type TaskStatus } from '../../../components/task-forces/shared';
import styles from '../../../components/task-forces/task-forces.module.css';

const provinceOfRegion = (region: string) => (PROVINCES[region.slice(0, 2)] ? region.slice(0, 2) : '');

/** A week from now in Beijing time, "YYYY-MM-DDTHH:mm", for the due field. */
const inAWeek = (): string => beijingWallClock(Date.now() + 7 * 86_400_000);

function DispatchForm({ force, onDispatched }: { force: TaskForce; onDispatched(): void }) {
  const t = useTranslations('taskForces');
  const { request } = useAuth();
  const agencyName = useAgencyName();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const provinces = useProvinceOptions();
  const zoneNote = useInputZoneNote();
  const [kind, setKind] = useState<TaskKind>('ARREST');
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState(force.agencies[0]?.id ?? '');
  const [province, setProvince] = useState(provinceOfRegion(force.agencies[0]?.region ?? ''));
  const [caseId, setCaseId] = useState('');
  const [dueAt, setDueAt] = useState(inAWeek);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const tKind = useTranslations('taskKinds');

  function onAssignee(id: string) {
    setAssignee(id);
    const agency = force.agencies.find((a) => a.id === id);
    if (agency) setProvince(provinceOfRegion(agency.region));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (title.trim() === '') return setLocalError(t('titleRequired'));
    const due = dueAt ? new Date(wallClockToIso(dueAt)) : null;
    if (!due || Number.isNaN(due.getTime())) return setLocalError(t('dueRequired'));
    setLocalError(null);
    setBusy(true);
    setError(null);
    try {
      await request(DISPATCH_TASK, {
        input: { taskForceId: force.id, kind, title: title.trim(), province: province || null, caseId: caseId || null, assigneeAgencyId: assignee, dueAt: due.toISOString() },
      });
      setDone(title.trim());
      setTitle('');
      onDispatched();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`card table-card ${styles.section}`} data-testid="dispatch-form">
      <div className="table-toolbar">
        <strong>{t('dispatchTitle')}</strong>
      </div>
      <form className={styles.form} onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="dispatch-kind">{t('kind')}</label>
          <select id="dispatch-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as TaskKind)}>
            {TASK_KINDS.map((k) => (
              <option key={k} value={k}>
                {tKind(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dispatch-title">{t('taskTitle')}</label>
          <input id="dispatch-title" name="title" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="dispatch-assignee">{t('assignee')}</label>
          <select id="dispatch-assignee" name="assigneeAgencyId" value={assignee} onChange={(e) => onAssignee(e.target.value)}>
            {force.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {agencyName(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dispatch-province">{t('province')}</label>
          <select id="dispatch-province" name="province" value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{t('noProvince')}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dispatch-case">{t('case')}</label>
          <select id="dispatch-case" name="caseId" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            <option value="">{t('noCase')}</option>
            {force.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.caseNumber}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dispatch-due">{t('dueAt')}</label>
          <input id="dispatch-due" name="dueAt" type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} aria-describedby="dispatch-due-zone" />
          <div className="field-hint" id="dispatch-due-zone">
            {zoneNote}
          </div>
        </div>
        {(localError ?? error) !== null && (
          <div className={`field-error ${styles.wide}`} data-testid="dispatch-error">
            {localError ?? [errorMessage(error), ...Object.values(fieldErrorsOf(error))].join(' ')}
          </div>
        )}
        {done && (
          <div className={styles.wide}>
            <Alert tone="success" testId="dispatch-done">
              {t('dispatched', { title: done })}
            </Alert>
          </div>
        )}
        <div className={`actions ${styles.wide}`}>
          <button type="submit" className="btn btn-primary" disabled={busy || !assignee} data-testid="dispatch-submit">
            {t('dispatch')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Board({ force }: { force: TaskForce }) {
  const t = useTranslations('taskForces');
  const tStatus = useTranslations('taskStatuses');
  const provinceName = useProvinceName();
  const rows = useMemo(() => {
    const byProvince = new Map<string, Map<TaskStatus, { count: number; overdue: number }>>();
    for (const c of force.board) {
      const key = c.province ?? '';
      const row = byProvince.get(key) ?? new Map();
      row.set(c.status, { count: c.count, overdue: c.overdue });
      byProvince.set(key, row);
    }
    return [...byProvince.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  }, [force.board]);

  return (
    <section className={`card table-card ${styles.section}`} data-testid="task-board">
      <div className="table-toolbar">
        <strong>{t('boardTitle')}</strong>
        <span className="muted small">{t('boardNote')}</span>
        <LiveIndicator />
      </div>
      {rows.length === 0 ? (
        <p className="muted table-status" data-testid="task-board-empty">
          {t('boardEmpty')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className={`table ${styles.board}`}>
            <thead>
              <tr>
                <th>{t('province')}</th>
                {TASK_STATUSES.map((s) => (
                  <th key={s}>{tStatus(s)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([province, cells]) => (
                <tr key={province || 'none'} data-testid="board-row" data-province={province}>
                  <td className="nowrap">{province ? provinceName(province) : t('noProvince')}</td>
                  {TASK_STATUSES.map((s) => {
                    const cell = cells.get(s);
                    return (
                      <td key={s} data-testid="board-cell" data-status={s} data-count={cell?.count ?? 0} data-overdue={cell?.overdue ?? 0}>
                        <span className={`${styles.cell}${cell?.count ? '' : ` ${styles.zero}`}`}>{cell?.count ?? 0}</span>
                        {cell && cell.overdue > 0 && (
                          <span className={styles.overdue} title={t('overdueCount', { count: cell.overdue })}>
                            ⚠ {cell.overdue}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function TaskForcePage({ id }: { id: string }) {
  const t = useTranslations('taskForces');
  const tc = useTranslations('common');
  const tKind = useTranslations('taskKinds');
  const tStatus = useTranslations('taskStatuses');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const agencyName = useAgencyName();
  const provinceName = useProvinceName();
  const formatDateTime = useFormatDateTime();
  const [force, setForce] = useState<TaskForce | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [busyTask, setBusyTask] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setForce((await request(TASK_FORCE, { id })).taskForce);
    } catch (e) {
      setError(e);
    }
  }, [id, request]);

  useEffect(() => {
    void load();
  }, [load]);
  // Another agency works a task, a task turns overdue, members change: the board follows without a reload.
  useTaskForceRefresh(id, () => void load());
  useScrollToHash(force !== null);

  async function setStatus(taskId: string, status: TaskStatus) {
    setBusyTask(taskId);
    setStatusError(null);
    try {
      await request(SET_TASK_STATUS, { id: taskId, status });
    } catch (e) {
      setStatusError(errorMessage(e));
    } finally {
      setBusyTask(null);
      await load();
    }
  }

  if (error && !force) return <Unavailable error={error} messages="taskForces" backHref="/task-forces" onRetry={() => void load()} testId="task-force-unavailable" />;
  if (!force) return <p className="muted page-status">{tc('loading')}</p>;

  const sortedTasks = [...force.tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt));

  return (
    <div className="wide-page" data-testid="task-force-page" data-task-force-id={force.id}>
      <Link href="/task-forces" className="back-link">
        ← {t('backToList')}
      </Link>
      <section className="card">
        <h1 data-testid="task-force-name">{force.name}</h1>
        <p className="muted">
          {t('ledBy', { agency: agencyName(force.leadAgency) })} · {formatDateTime(force.createdAt)}
          {force.isLead && <span className="chip badge-after">{t('leadChip')}</span>}
          {force.closedAt && <span className="chip badge-after">{t('closed', { at: formatDateTime(force.closedAt) })}</span>}
        </p>
        {force.seriesId && (
          <p className="small">
            <Link href={`/series/${force.seriesId}`} data-testid="task-force-series">
              {t('fromSeries')}
            </Link>
          </p>
        )}
      </section>

      <div className={styles.grid}>
        <section className="card table-card" data-testid="task-force-agencies">
          <div className="table-toolbar">
            <strong>{t('membersTitle')}</strong>
            <span className="muted small">{force.agencies.length}</span>
          </div>
          <ul className={styles.members} style={{ paddingTop: 12 }}>
            {force.agencies.map((a) => (
              <li key={a.id} data-testid="task-force-agency" data-agency-id={a.id}>
                {agencyName(a)}
                {a.id === force.leadAgency.id && <span className="chip badge-after">{t('leadChip')}</span>}
                <span className="muted small"> · {provinceName(a.region)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card table-card" data-testid="task-force-cases">
          <div className="table-toolbar">
            <strong>{t('casesTitle')}</strong>
            <span className="muted small">{force.cases.length}</span>
          </div>
          {force.cases.length === 0 ? (
            <p className="muted table-status">{t('noCases')}</p>
          ) : (
            <table className="table">
              <tbody>
                {force.cases.map((c) => (
                  <tr key={c.id} data-testid="task-force-case" data-case-id={c.id}>
                    <td className="nowrap mono">
                      <Link href={`/cases/${c.id}`}>{c.caseNumber}</Link>
                    </td>
                    <td>{c.title}</td>
                    <td className="muted">{agencyName(c.owner)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      {force.isLead && !force.closedAt && <DispatchForm force={force} onDispatched={() => void load()} />}

      <Board force={force} />

      <section className={`card table-card ${styles.section}`} data-testid="task-list">
        <div className="table-toolbar">
          <strong>{t('tasksTitle')}</strong>
          <span className="muted small">{force.tasks.length}</span>
        </div>
        {statusError && (
          <Alert tone="error" testId="task-status-error">
            {statusError}
          </Alert>
        )}
        {sortedTasks.length === 0 ? (
          <p className="muted table-status">{t('noTasks')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('kind')}</th>
                  <th>{t('taskTitle')}</th>
                  <th>{t('province')}</th>
                  <th>{t('assignee')}</th>
                  <th>{t('dueAt')}</th>
                  <th>{t('status')}</th>
                  <th>{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sortedTasks.map((task) => (
                  <tr key={task.id} id={`task-${task.id}`} data-testid="task-row" data-task-id={task.id} data-status={task.status} data-province={task.province ?? ''}>
                    <td className="nowrap">{tKind(task.kind)}</td>
                    <td>{task.title}</td>
                    <td className="nowrap">{task.province ? provinceName(task.province) : '—'}</td>
                    <td>{agencyName(task.assigneeAgency)}</td>
                    <td className="nowrap">
                      {formatDateTime(task.dueAt)}
                      {task.overdue && <span className={styles.overdue}>{t('overdue')}</span>}
                    </td>
                    <td>
                      <span className={`${styles.status} ${styles[`status-${task.status}`] ?? ''}`} data-testid="task-status">
                        {tStatus(task.status)}
                      </span>
                    </td>
                    <td>
                      <div className={styles.actions}>
                        {task.allowedStatuses.map((s) => (
                          <button key={s} type="button" className="btn btn-small" disabled={busyTask === task.id}
                            onClick={() => void setStatus(task.id, s)} data-testid={`task-to-${s}`}>
                            {t(`moveTo.${s}`)}
                          </button>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
