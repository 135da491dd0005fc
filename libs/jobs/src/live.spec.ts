import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { FAIL_FAST_COMMAND_MS } from './connection';
import { closeLiveBus, createLiveBus, type LiveBus, liveTopic, publishRequestUpdate, publishSessionsEnded } from './live';

/**
 * A frozen Redis master (SIGSTOP, a partition) keeps its TCP connections open and answers nothing. Here a real TCP
 * server that accepts connections and never writes a byte stands for it: the live bus's publishing connection must give
 * up after FAIL_FAST_COMMAND_MS, its subscribing connection must keep waiting.
 */
describe('live bus on a Redis that answers nothing', () => {
  let server: Server;
  const sockets = new Set<Socket>();
  let bus: LiveBus;

  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    bus = createLiveBus(`redis://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  afterAll(async () => {
    await closeLiveBus(bus, 100);
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // A connection that never became ready (its INFO ready check unanswered) is disconnected once more by ioredis when
    // that check fails, which arms its 2 s socket-destroy timer (disconnectTimeout) on a socket already closed: wait it out.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
  });

  /** How long `p` takes to settle, and how (or 'pending' after `limitMs`). */
  async function settle(p: Promise<unknown>, limitMs = 5_000): Promise<{ ms: number; error?: Error; pending?: true }> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), limitMs)));
    const outcome = await Promise.race([p.then(() => 'resolved' as const, (e: Error) => e), late]);
    clearTimeout(timer);
    const ms = Date.now() - started;
    if (outcome === 'pending') return { ms, pending: true };
    if (outcome === 'resolved') return { ms };
    return { ms, error: outcome };
  }

  it('gives up a publish and a logged publish after the fail-fast timeout, saying so; the subscription keeps waiting', async () => {
    const subscribed = (bus as unknown as { subConn: Redis }).subConn.subscribe(liveTopic('test', 'sessions-ended'));
    const [plain, logged, subscription] = await Promise.all([
      settle(publishSessionsEnded(bus, 'test', { userIds: ['u1'] })),
      settle(publishRequestUpdate(bus, 'test', {
        requestId: 'r1', reference: 'REF-1', type: 'FREEZE', state: 'SENT', eventKind: 'SENT', overdue: false, sent: true,
        fromAgencyId: 'a1', toAgencyId: 'a2', at: new Date().toISOString(),
      })),
      settle(subscribed, FAIL_FAST_COMMAND_MS + 1_000),
    ]);

    expect(plain.error?.message).toBe(`Redis did not answer the publish on test:live:sessions-ended within ${FAIL_FAST_COMMAND_MS} ms: given up`);
    expect(logged.error?.message).toBe(`Redis did not answer the log write on test:live:request-updates:log within ${FAIL_FAST_COMMAND_MS} ms: given up`);
    for (const { ms } of [plain, logged]) {
      expect(ms).toBeGreaterThanOrEqual(FAIL_FAST_COMMAND_MS - 50);
      expect(ms).toBeLessThan(FAIL_FAST_COMMAND_MS + 1_000);
    }
    expect(subscription.pending).toBe(true);
  });
});
