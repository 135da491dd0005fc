import type { Client } from 'pg';
import {
  awaitsAnswer, ENDED_FREEZE_STATES, FreezeKind, holdPeriod, HOLDING_STATES, OPEN_REQUEST_STATES, REQUEST_TARGET_KIND, RequestState, RequestType,
} from '@caselink/domain';
import { ownerClient } from '../../test/harness';

/**
 * One source for each vocabulary (issue 15 part 6): the request store passes the domain's state lists to SQL as
 * parameters, but functions, indexes and policies of already-applied migrations spell some of them. Those copies
 * must say what `libs/domain/src/requests` says; a change to a list there comes with a migration that redefines
 * them (this test names which).
 */
describe('requests: the database speaks the domain vocabulary', () => {
  let owner: Client;
  const FREEZE_AWAITING = Object.values(RequestState).filter((s) => awaitsAnswer(RequestType.FREEZE, s));
  const NAMED: Record<string, readonly string[]> = {
    OPEN_REQUEST_STATES, HOLDING_STATES, ENDED_FREEZE_STATES, 'freeze states awaiting an answer': FREEZE_AWAITING,
  };

  /** Every list of states a definition compares `state` with, by the domain's name for it. */
  const stateLists = (sql: string): string[] =>
    [...sql.matchAll(/state\s*(?:NOT\s+IN|IN|=\s*ANY|<>\s*ALL)\s*\(\s*(?:ARRAY\s*\[)?((?:\s*'[A-Z_]+'(?:::text)?\s*,?)+)/gi)].map((m) => {
      const states = [...m[1].matchAll(/'([A-Z_]+)'/g)].map((x) => x[1]);
      const name = Object.entries(NAMED).find(([, list]) => list.length === states.length && list.every((s, i) => s === states[i]))?.[0];
      return name ?? `not a domain list: ${states.join(',')}`;
    });

  const functionSource = async (name: string): Promise<string> => {
    const { rows } = await owner.query<{ src: string }>(`SELECT string_agg(prosrc, ' ') AS src FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = $1`, [name]);
    if (!rows[0]?.src) throw new Error(`no function ${name}`);
    return rows[0].src;
  };

  beforeAll(async () => {
    owner = await ownerClient();
  });

  afterAll(async () => {
    await owner?.end();
  });

  it('requests_due(): the open and holding states, and the warning periods of holdPeriod', async () => {
    const src = await functionSource('requests_due');
    expect(stateLists(src)).toEqual(['OPEN_REQUEST_STATES', 'HOLDING_STATES', 'HOLDING_STATES']);
    const warn = /CASE r\.kind WHEN '([A-Z_]+)' THEN interval '(\d+) hours' ELSE interval '(\d+) days' END/.exec(src);
    expect(warn?.slice(1)).toEqual([FreezeKind.EMERGENCY_STOP, String(holdPeriod(FreezeKind.EMERGENCY_STOP).warnBeforeMs / 3600_000), String(holdPeriod(FreezeKind.FREEZE).warnBeforeMs / 86_400_000)]);
  });

  it('request_hold_rules, which the worker reads for its warnings, holds the domain hold periods', async () => {
    const { rows } = await owner.query<{ kind: string; hold_ms: string; warn_ms: string }>(
      `SELECT kind, (extract(epoch FROM hold) * 1000)::bigint AS hold_ms, (extract(epoch FROM warn_before) * 1000)::bigint AS warn_ms FROM request_hold_rules ORDER BY kind`,
    );
    expect(rows.map((r) => ({ kind: r.kind, holdMs: Number(r.hold_ms), warnBeforeMs: Number(r.warn_ms) })))
      .toEqual(Object.values(FreezeKind).sort().map((kind) => ({ kind, ...holdPeriod(kind) })));
  });

  it('the dashboard functions and the downstream answer check', async () => {
    expect(new Set(stateLists(await functionSource('dashboard_figures')))).toEqual(new Set(['OPEN_REQUEST_STATES']));
    expect(stateLists(await functionSource('record_downstream_transfers'))).toEqual(['freeze states awaiting an answer']);
  });

  it('the partial indexes: deadlines, hold expiry and the one live freeze per case, account and kind', async () => {
    const { rows } = await owner.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'agency_requests' AND indexname = ANY ($1) ORDER BY indexname`,
      [['agency_requests_due_idx', 'agency_requests_expiry_idx', 'agency_requests_live_freeze']],
    );
    expect(Object.fromEntries(rows.map((r) => [r.indexname, stateLists(r.indexdef)]))).toEqual({
      agency_requests_due_idx: ['OPEN_REQUEST_STATES'], agency_requests_expiry_idx: ['HOLDING_STATES'], agency_requests_live_freeze: ['ENDED_FREEZE_STATES'],
    });
  });

  it('the send policy addresses each type to the kind of agency the domain names', async () => {
    const { rows } = await owner.query<{ check: string }>(`SELECT with_check AS check FROM pg_policies WHERE tablename = 'agency_requests' AND policyname = 'agency_requests_send'`);
    const m = /CASE type\s+WHEN '(\w+)'::text THEN '(\w+)'::text\s+WHEN '(\w+)'::text THEN '(\w+)'::text\s+ELSE '(\w+)'::text\s+END/.exec(rows[0].check);
    expect(m).not.toBeNull();
    const [, t1, k1, t2, k2, otherwise] = m as RegExpExecArray;
    const other = Object.values(RequestType).find((t) => t !== t1 && t !== t2) as RequestType;
    expect({ [t1]: k1, [t2]: k2, [other]: otherwise }).toEqual(REQUEST_TARGET_KIND);
  });
});
