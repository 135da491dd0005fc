import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { closeLiveBus, createLiveBus, FAIL_FAST_COMMAND_MS, type LiveBus, liveTopic, publishSessionsEnded } from '@caselink/jobs';
import type { ApiConfig } from '../config/config';
import { LivePublisher } from './live.publisher';

/**
 * A frozen Redis master (SIGSTOP: its connections stay open, nothing answers). A redis-server of the test's own, on a
 * port of its own, is frozen under a live bus that is connected and working: an after-commit publish gives up after
 * FAIL_FAST_COMMAND_MS and is logged as lost, rather than holding the request that made it; the subscribing connection
 * waits it out, and publishing works again once the server runs again.
 */
describe('live publish on a frozen Redis', () => {
  const prefix = `caselink-test-frozen-${process.pid}`;
  let redis: ChildProcess;
  let url: string;
  let bus: LiveBus;
  const received: unknown[] = [];

  const freePort = () => new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    for (let i = 0; ; i++) {
      if (await probe.connect().then(() => true, () => false)) break;
      if (i > 100) throw new Error(`redis-server did not start on ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    probe.disconnect();
    bus = createLiveBus(url);
    await new Promise<void>((resolve) => bus.on(liveTopic(prefix, 'sessions-ended'), (message, done) => {
      received.push(message['payload']);
      done();
    }, resolve));
  });

  afterAll(async () => {
    if (redis.exitCode === null) redis.kill('SIGCONT');
    await closeLiveBus(bus);
    redis.kill('SIGTERM');
  });

  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return check();
  };

  it('gives up an after-commit publish after the fail-fast timeout and logs it; publishes again once Redis runs', async () => {
    await publishSessionsEnded(bus, prefix, { userIds: ['before'] });
    expect(await waitFor(() => received.length === 1)).toBe(true);

    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const publisher = new LivePublisher(bus, { QUEUE_PREFIX: prefix } as ApiConfig);
    redis.kill('SIGSTOP');
    try {
      let started = Date.now();
      // What the api runs after a commit (RequestTransaction.afterCommit): it must come back, the event lost and logged.
      await publisher.notification({ id: 'n1', userId: 'u1', agencyId: 'a1', kind: 'TEST', payload: {}, createdAt: new Date().toISOString() });
      let ms = Date.now() - started;
      expect(ms).toBeGreaterThanOrEqual(FAIL_FAST_COMMAND_MS - 50);
      expect(ms).toBeLessThan(FAIL_FAST_COMMAND_MS + 1_000);
      expect(warn).toHaveBeenCalledWith(
        `live event lost: Redis did not answer the log write on ${prefix}:live:notifications:log within ${FAIL_FAST_COMMAND_MS} ms: given up`,
      );

      started = Date.now();
      const plain = await publishSessionsEnded(bus, prefix, { userIds: ['frozen'] }).catch((e: Error) => e);
      ms = Date.now() - started;
      expect((plain as Error).message).toBe(`Redis did not answer the publish on ${prefix}:live:sessions-ended within ${FAIL_FAST_COMMAND_MS} ms: given up`);
      expect(ms).toBeLessThan(FAIL_FAST_COMMAND_MS + 1_000);
      // The subscribing connection has no timeout: still connected, waiting.
      expect((bus as unknown as { subConn: Redis }).subConn.status).toBe('ready');
    } finally {
      redis.kill('SIGCONT');
      warn.mockRestore();
    }

    await publishSessionsEnded(bus, prefix, { userIds: ['after'] });
    expect(await waitFor(() => received.some((p) => (p as { userIds: string[] }).userIds[0] === 'after'))).toBe(true);
  });
});
