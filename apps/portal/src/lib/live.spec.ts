import { describe, expect, it } from '@jest/globals';
import { compareSequence, follow, isCatchUpRefused } from './live';

type Sink = { next: (r: { data?: Record<string, unknown> }) => void; error: (e: unknown) => void; complete: () => void };

/** A graphql-ws client stand-in that records each subscribe and reads the variables as graphql-ws does at each send. */
function fakeClient() {
  const subscriptions: Array<{ payload: { query: string; variables?: Record<string, unknown> }; sink: Sink; stopped: boolean }> = [];
  return {
    subscriptions,
    sent: (i: number) => JSON.parse(JSON.stringify(subscriptions[i].payload)) as { variables: { after: string | null } },
    subscribe(payload: { query: string; variables?: Record<string, unknown> }, sink: Sink) {
      const entry = { payload, sink, stopped: false };
      subscriptions.push(entry);
      return () => {
        entry.stopped = true;
      };
    },
  };
}

describe('portal live client', () => {
  it('orders sequences numerically', () => {
    expect(compareSequence('99-0', '100-0')).toBeLessThan(0);
    expect(compareSequence('100-10', '100-9')).toBeGreaterThan(0);
    expect(compareSequence('100-1', '100-1')).toBe(0);
  });

  it('resubscribes with the last sequence seen, and hands every push to the listeners', () => {
    const client = fakeClient();
    const heard: string[] = [];
    const stop = follow<{ n: string; sequence?: string | null }>(client as never, 'task-forces', 'subscription', 'taskForceUpdates', new Set([(v) => heard.push(v.n)]));
    expect(client.sent(0).variables.after).toBeNull();
    client.subscriptions[0].sink.next({ data: { taskForceUpdates: { n: 'a', sequence: '100-2' } } });
    client.subscriptions[0].sink.next({ data: { taskForceUpdates: { n: 'b', sequence: '100-10' } } });
    // An out-of-order push is delivered but does not move the position back.
    client.subscriptions[0].sink.next({ data: { taskForceUpdates: { n: 'c', sequence: '100-9' } } });
    // graphql-ws sends the same payload again after a reconnect: it now carries the latest sequence.
    expect(client.sent(0).variables.after).toBe('100-10');
    expect(heard).toEqual(['a', 'b', 'c']);
    stop();
    expect(client.subscriptions[0].stopped).toBe(true);
  });

  it('when the api cannot catch up, pages reload and the subscription starts afresh', () => {
    const client = fakeClient();
    const stop = follow<{ sequence?: string | null }>(client as never, 'notifications', 'subscription', 'notificationAdded', new Set());
    client.subscriptions[0].sink.next({ data: { notificationAdded: { sequence: '5-0' } } });
    expect(client.sent(0).variables.after).toBe('5-0');
    client.subscriptions[0].sink.error([{ message: 'gone', extensions: { code: 'GONE', reason: 'LIVE_GAP' } }]);
    expect(client.subscriptions).toHaveLength(2);
    expect(client.sent(1).variables.after).toBeNull();
    // Other errors (a closed socket, an expired token) are left to graphql-ws's retries.
    client.subscriptions[1].sink.error([{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(client.subscriptions).toHaveLength(2);
    stop();
  });

  it('tells a refusal to catch up from other errors', () => {
    expect(isCatchUpRefused([{ extensions: { code: 'GONE', reason: 'LIVE_GAP' } }])).toBe(true);
    expect(isCatchUpRefused([{ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }])).toBe(true);
    expect(isCatchUpRefused([{ extensions: { code: 'BAD_USER_INPUT', field: 'taskForceId' } }])).toBe(false);
    expect(isCatchUpRefused(new Event('close'))).toBe(false);
  });
});
