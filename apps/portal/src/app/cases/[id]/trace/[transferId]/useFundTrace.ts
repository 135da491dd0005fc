'use client';

import { useEffect, useState } from 'react';
import { useAuth } from '../../../../../lib/auth';
import { graphql } from '../../../../../gql';
import type { FundRunFieldsFragment, FundTraceFieldsFragment } from '../../../../../gql/graphql';

export type FundTrace = FundTraceFieldsFragment;
type FundTraceRun = FundRunFieldsFragment;

graphql(`fragment FundNode on FundTraceNode {
  id kind label bank depth amountIn amountHeld cycle atDepthLimit issuingBank { prefix bank { ...AgencyRefFields } }
}`);
graphql(`fragment FundTraceFields on FundTrace {
  nodes { ...FundNode } edges { id source target amount traced occurredAt depth caseId cycle } lastSeen { ...FundNode } hops truncated
}`);
graphql(`fragment FundRunFields on FundTraceRun { id transferId caseId maxHops state done result { ...FundTraceFields } error createdAt finishedAt }`);
const FUND_TRACE = graphql(`query FundTrace($transferId: ID!, $maxHops: Int) { fundTrace(transferId: $transferId, maxHops: $maxHops) { ...FundTraceFields } }`);
const START_FUND_TRACE = graphql(`mutation StartFundTrace($transferId: ID!, $maxHops: Int!) { startFundTrace(transferId: $transferId, maxHops: $maxHops) { ...FundRunFields } }`);
const FUND_TRACE_RUN = graphql(`query FundTraceRun($id: ID!) { fundTraceRun(id: $id) { ...FundRunFields } }`);

/** Up to this many hops the api answers at once; beyond, the worker traces and the page polls. */
export const MAX_DIRECT_HOPS = 6;
export const MAX_HOPS = 12;
const POLL_MS = 1000;

export interface FundTraceState {
  /** The last result and the hops asked for it; kept while a new one is on its way. */
  shown: { trace: FundTrace; hops: number } | null;
  /** The background run, for more than MAX_DIRECT_HOPS hops. */
  run: FundTraceRun | null;
  busy: boolean;
  error: unknown;
}

/** The trace of one transfer over `hops` hops: asked directly, or started in the worker and followed once a second. */
export function useFundTrace(transferId: string, hops: number, attempt: number): FundTraceState {
  const { request } = useAuth();
  const [state, setState] = useState<FundTraceState>({ shown: null, run: null, busy: true, error: null });

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState((s) => ({ ...s, run: null, busy: true, error: null }));

    async function direct() {
      try {
        const d = await request(FUND_TRACE, { transferId, maxHops: hops });
        if (live) setState({ shown: { trace: d.fundTrace, hops }, run: null, busy: false, error: null });
      } catch (e) {
        if (live) setState((s) => ({ ...s, busy: false, error: e }));
      }
    }

    async function poll(id: string, failures: number) {
      try {
        const d = await request(FUND_TRACE_RUN, { id });
        if (!live) return;
        const run = d.fundTraceRun;
        if (run.state === 'DONE' && run.result) {
          setState({ shown: { trace: run.result, hops }, run, busy: false, error: null });
          return;
        }
        if (run.state === 'FAILED' || run.state === 'DONE') {
          setState((s) => ({ ...s, run, busy: false }));
          return;
        }
        setState((s) => ({ ...s, run }));
        failures = 0;
      } catch (e) {
        if (!live) return;
        // A dropped poll is tried again; several in a row end the wait.
        if (failures >= 5) {
          setState((s) => ({ ...s, busy: false, error: e }));
          return;
        }
        failures++;
      }
      timer = setTimeout(() => void poll(id, failures), POLL_MS);
    }

    async function background() {
      try {
        const d = await request(START_FUND_TRACE, { transferId, maxHops: hops });
        if (!live) return;
        setState((s) => ({ ...s, run: d.startFundTrace }));
        const started = d.startFundTrace;
        if (started.state === 'DONE' && started.result) setState({ shown: { trace: started.result, hops }, run: started, busy: false, error: null });
        else timer = setTimeout(() => void poll(d.startFundTrace.id, 0), POLL_MS);
      } catch (e) {
        if (live) setState((s) => ({ ...s, busy: false, error: e }));
      }
    }

    void (hops <= MAX_DIRECT_HOPS ? direct() : background());
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [transferId, hops, attempt, request]);

  return state;
}
