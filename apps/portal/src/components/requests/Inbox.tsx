'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { LiveIndicator } from '../LiveIndicator';
import { ListFoot, RetryAlert } from '../ListParts';
import { answersRequests } from '../../lib/access';
import { useAuth } from '../../lib/auth';
import { useLoadErrorMessage } from '../../lib/errors';
import { useLiveRefresh } from '../../lib/live';
import { OPEN_STATES, REQUEST_TYPES } from '../../lib/requests';
import type { Connection, RequestDirection, RequestStateName, RequestTypeName } from '../../lib/types';
import { tabId, Tabs } from '../Tabs';
import { InboxCountsStrip } from './InboxCountsStrip';
import { RequestTable } from './RequestTable';
import { graphql } from '../../gql';
import type { User } from '../../lib/auth';
import type { AgencyRequestSummary } from './RequestTable';

const REQUESTS = graphql(`query Requests($direction: RequestDirection!, $type: RequestType, $states: [RequestState!], $overdueOnly: Boolean, $first: Int, $after: String) {
  requests(direction: $direction, type: $type, states: $states, overdueOnly: $overdueOnly, first: $first, after: $after) {
    edges { cursor node { ...RequestSummary } } pageInfo { hasNextPage endCursor } totalCount
  }
}`);

const PAGE_SIZE = 25;
type Show = 'ALL' | 'OPEN' | 'OVERDUE' | 'DRAFT';
const SHOWS: readonly Show[] = ['ALL', 'OPEN', 'OVERDUE', 'DRAFT'];
const FLASH_MS = 4000;
const PANEL_ID = 'requests-panel';

/** Ids of rows changed a moment ago, for a brief highlight. */
function useFlash(): [ReadonlySet<string>, (id: string) => void] {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((timer) => clearTimeout(timer));
  }, []);
  const flash = useCallback((id: string) => {
    setIds((prev) => new Set(prev).add(id));
    clearTimeout(timers.current.get(id));
    timers.current.set(
      id,
      setTimeout(() => {
        timers.current.delete(id);
        setIds((prev) => {
          const next = new Set(prev);
          next.delete(id);
          return next;
        });
      }, FLASH_MS),
    );
  }, []);
  return [ids, flash];
}

/** The default tab: banks, telecoms and partners answer (incoming); police send (outgoing). */
export const defaultDirection = (user: User): RequestDirection => (answersRequests(user) ? 'INCOMING' : 'OUTGOING');

interface Props {
  user: User;
  /** On the home page of an answering agency: no page title, incoming only, address left alone. */
  embedded?: boolean;
}

/**
 * The inbox: requests addressed to the agency (incoming) or sent by it (outgoing), newest change first, with
 * live deadlines; reloaded when a change is pushed for one of them.
 */
export function Inbox({ user, embedded = false }: Props) {
  const t = useTranslations('requests');
  const tType = useTranslations('requestTypes');
  const tState = useTranslations('requestStates');
  const { request } = useAuth();
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams();
  const loadErrorMessage = useLoadErrorMessage();
  const fromQuery = query.get('direction');
  const direction: RequestDirection = embedded
    ? 'INCOMING'
    : fromQuery === 'INCOMING' || fromQuery === 'OUTGOING'
      ? fromQuery
      : defaultDirection(user);
  // A drill-down (dashboard) may open the list on a type, a show filter or one state: ?type=FREEZE&show=OVERDUE&state=FROZEN.
  const [type, setType] = useState<RequestTypeName | ''>(() => REQUEST_TYPES.find((ty) => ty === query.get('type')) ?? '');
  const [show, setShow] = useState<Show>(() => SHOWS.find((s) => s === query.get('show')) ?? 'ALL');
  const [onlyState, setOnlyState] = useState<RequestStateName | null>(() => (/^[A-Z_]{2,32}$/.test(query.get('state') ?? '') ? (query.get('state') as RequestStateName) : null));
  const [flashed, flash] = useFlash();

  const fetchPage = useCallback(
    async (after: string | null) =>
      (
        await request(REQUESTS, {
          direction,
          type: type || null,
          states: onlyState ? [onlyState] : show === 'OPEN' ? [...OPEN_STATES] : show === 'DRAFT' ? ['DRAFT'] : null,
          overdueOnly: show === 'OVERDUE' ? true : null,
          first: PAGE_SIZE,
          after,
        })
      ).requests,
    [request, direction, type, show, onlyState],
  );
  const { items, total, hasMore, loading, error, reload, loadMore } = usePagedListKeepingRows(fetchPage);
  const loadError = error !== null ? loadErrorMessage(error) : null;
  const own = user.agency.id;
  useLiveRefresh(reload, (u) => {
    const mine = direction === 'INCOMING' ? u.toAgencyId === own : u.fromAgencyId === own;
    if (mine) flash(u.requestId);
    return mine;
  });

  function choose(next: RequestDirection) {
    if (next === 'INCOMING' && show === 'DRAFT') setShow('ALL');
    router.replace(`${pathname}?direction=${next}`, { scroll: false });
  }

  return (
    <div className="wide-page inbox" data-testid="inbox" data-direction={direction}>
      {!embedded && (
        <div className="page-head">
          <div>
            <h1>{t('title')}</h1>
            <p className="muted">{answersRequests(user) ? t('introAnswering') : t('introSending')}</p>
          </div>
          <InboxCountsStrip />
        </div>
      )}
      {!embedded && (
        <Tabs<RequestDirection> label={t('directionsLabel')} value={direction} onChange={choose} panelId={PANEL_ID}
          options={(['INCOMING', 'OUTGOING'] as const).map((d) => ({ value: d, label: t(`directions.${d}`), testId: `tab-${d}` }))} />
      )}
      {loadError && <RetryAlert message={loadError} onRetry={reload} />}
      <section className="card table-card" {...(embedded ? {} : { id: PANEL_ID, role: 'tabpanel', 'aria-labelledby': tabId(PANEL_ID, direction) })}>
        <div className="table-toolbar">
          <div className="toolbar-filters">
            <select aria-label={t('typeFilter')} value={type} onChange={(e) => setType(e.target.value as RequestTypeName | '')}
              data-testid="request-type-filter">
              <option value="">{t('allTypes')}</option>
              {REQUEST_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {tType(ty)}
                </option>
              ))}
            </select>
            {onlyState ? (
              <button type="button" className="btn btn-small" onClick={() => setOnlyState(null)} data-testid="request-state-filter" data-state={onlyState}>
                {tState(onlyState)} ✕
              </button>
            ) : (
            <select aria-label={t('showFilter')} value={show} onChange={(e) => setShow(e.target.value as Show)} data-testid="request-show-filter">
              <option value="ALL">{t('show.ALL')}</option>
              <option value="OPEN">{t('show.OPEN')}</option>
              <option value="OVERDUE">{t('show.OVERDUE')}</option>
              {direction === 'OUTGOING' && <option value="DRAFT">{t('show.DRAFT')}</option>}
            </select>
            )}
          </div>
          <span className="toolbar-right">
            <LiveIndicator />
            <span className="muted" aria-live="polite" data-testid="requests-total">
              {t('total', { total: total ?? 0 })}
            </span>
          </span>
        </div>
        {items.length > 0 && <RequestTable rows={items} direction={direction} flashed={flashed} />}
        <ListFoot loading={loading && items.length === 0} hasMore={hasMore} onMore={loadMore}
          empty={items.length === 0 && !loadError && <p className="muted table-status" data-testid="requests-empty">{direction === 'INCOMING' ? t('emptyIncoming') : t('emptyOutgoing')}</p>} />
      </section>
    </div>
  );
}

/**
 * usePagedList, but a reload (pushed change) keeps the rows on screen until the new page is there, so the
 * table does not blink; a change of filter empties it at once.
 */
function usePagedListKeepingRows(fetchPage: (after: string | null) => Promise<Connection<AgencyRequestSummary>>) {
  const [items, setItems] = useState<AgencyRequestSummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchPage(after);
        if (mine !== generation.current) return;
        const rows = page.edges.map((e) => e.node);
        setItems((prev) => (after ? [...prev, ...rows] : rows));
        setTotal(page.totalCount);
        setCursor(page.pageInfo.endCursor);
        setHasMore(page.pageInfo.hasNextPage);
      } catch (e) {
        if (mine !== generation.current) return;
        setError(e);
        if (!after) setItems([]);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    setItems([]);
    void load(null);
  }, [load]);

  return {
    items,
    total,
    hasMore,
    loading,
    error,
    reload: useCallback(() => void load(null), [load]),
    loadMore: useCallback(() => void load(cursor), [load, cursor]),
  };
}
