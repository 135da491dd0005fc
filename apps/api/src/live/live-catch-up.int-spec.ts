import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { createClient, Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { AgencyKind, Role } from '@caselink/domain';
import { closeLiveBus, createLiveBus, liveLogKey, LiveBus, publishNotification, publishRequestUpdate, RequestUpdateEvent } from '@caselink/jobs';
import Redis from 'ioredis';
import { createAgency, login, ownerClient, startApi, TEST_REDIS_URL, TestAgency } from '../../test/harness';
import { waitFor } from '../../test/worker-process';

const PREFIX = `caselink-test-${process.pid}`;

type Heard = { requestId: string; sequence: string; toAgencyId: string };

/**
 * Catching up after a reconnect, with real Redis and two api processes: a subscriber whose socket dropped comes
 * back on the other process with the last sequence it saw, and gets what it missed (and only what it may see), in
 * order, none twice, then live events; when the log no longer reaches back, it is told to reload.
 */
describe('live: catching up after a reconnect', () => {
  let app: NestFastifyApplication;
  let second: NestFastifyApplication;
  let owner: Client;
  let bus: LiveBus;
  let redis: Redis;
  let police: TestAgency;
  let bank: TestAgency;
  let otherBank: TestAgency;
  const t: Record<string, string> = {};
  const clients: WsClient[] = [];

  beforeAll(async () => {
    owner = await ownerClient();
    police = await createAgency(owner, 'LivePol', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    bank = await createAgency(owner, 'LiveBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    otherBank = await createAgency(owner, 'LiveBank2', [Role.LIAISON], AgencyKind.BANK, '310000');
    app = await startApi();
    second = await startApi();
    await app.listen(0, '127.0.0.1');
    await second.listen(0, '127.0.0.1');
    t['bank'] = (await login(app, bank.users[Role.LIAISON].email)).token;
    t['otherBank'] = (await login(app, otherBank.users[Role.LIAISON].email)).token;
    bus = createLiveBus(TEST_REDIS_URL);
    redis = new Redis(TEST_REDIS_URL);
  });

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await app?.close();
    await second?.close();
    await closeLiveBus(bus);
    redis?.disconnect();
    await owner.end();
  });

  let n = 0;
  const update = (toAgencyId: string, extra: Partial<RequestUpdateEvent> = {}): RequestUpdateEvent => ({
    requestId: `r-${++n}`, reference: `FR-${n}`, type: 'FREEZE', state: 'SENT', eventKind: 'STATE', overdue: false, sent: true,
    fromAgencyId: police.id, toAgencyId, at: new Date().toISOString(), ...extra,
  });

  /** Opens a socket to `server` as `who` and subscribes to requestUpdates (after `after`); errors are collected. */
  async function listen(who: string, server: NestFastifyApplication, after?: string) {
    const port = (server.getHttpServer().address() as { port: number }).port;
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t[who]}` }, lazy: false, retryAttempts: 0, onNonLazyError: () => undefined });
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.on('connected', () => resolve());
      client.on('error', reject);
    });
    const heard: Heard[] = [];
    const errors: Array<{ message: string; extensions?: Record<string, unknown> }> = [];
    client.subscribe<{ requestUpdates: Heard }>(
      { query: 'subscription($after: String) { requestUpdates(after: $after) { requestId toAgencyId sequence } }', variables: { after } },
      { next: (v) => v.data && heard.push(v.data.requestUpdates), error: (e) => errors.push(...(Array.isArray(e) ? e as typeof errors : [{ message: `closed ${(e as { code?: number }).code}`, extensions: { code: (e as { code?: number }).code } }])), complete: () => undefined },
    );
    return { client, heard, errors };
  }

  /** Publishes probes until `heard` has one: the subscription is live. */
  async function untilLive(heard: Heard[], to: string) {
    await waitFor(async () => {
      await publishRequestUpdate(bus, PREFIX, update(to, { requestId: 'probe' }));
      await new Promise((r) => setTimeout(r, 100));
      return heard.some((u) => u.requestId === 'probe') ? true : undefined;
    }, 'the subscription to be live');
  }

  it('events published while the socket was down arrive after reconnecting to the other process, in order, none twice, none of another agency', async () => {
    const first = await listen('bank', app);
    await untilLive(first.heard, bank.id);
    await publishRequestUpdate(bus, PREFIX, update(bank.id, { requestId: 'before' }));
    await waitFor(async () => (first.heard.some((u) => u.requestId === 'before') ? true : undefined), 'the last event before the drop');
    const last = first.heard[first.heard.length - 1].sequence;
    expect(last).toMatch(/^\d+-\d+$/);
    await first.client.dispose();

    // While the bank is away: its own events, another bank's, and a draft the bank may not hear of.
    const missed: string[] = [];
    for (let i = 0; i < 6; i++) {
      const own = update(bank.id);
      missed.push(own.requestId);
      await publishRequestUpdate(bus, PREFIX, own);
      await publishRequestUpdate(bus, PREFIX, update(otherBank.id, { requestId: `other-${i}` }));
    }
    await publishRequestUpdate(bus, PREFIX, update(bank.id, { requestId: 'draft', state: 'DRAFT', sent: false }));

    // Events keep coming while it reconnects: the replay and the live side must meet without a hole or a double.
    const during: string[] = [];
    let publishing = true;
    const publisher = (async () => {
      while (publishing) {
        const u = update(bank.id);
        during.push(u.requestId);
        await publishRequestUpdate(bus, PREFIX, u);
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    const back = await listen('bank', second, last);
    await waitFor(async () => (back.heard.length >= missed.length + 5 ? true : undefined), 'the missed events and some live ones');
    publishing = false;
    await publisher;
    const after = update(bank.id, { requestId: 'after' });
    await publishRequestUpdate(bus, PREFIX, after);
    await waitFor(async () => (back.heard.some((u) => u.requestId === 'after') ? true : undefined), 'a live event after the catch-up');
    await new Promise((r) => setTimeout(r, 200));

    expect(back.errors).toEqual([]);
    const ids = back.heard.map((u) => u.requestId);
    expect(ids).toEqual([...missed, ...during, 'after']);
    expect(new Set(back.heard.map((u) => u.sequence)).size).toBe(back.heard.length);
    const sequences = back.heard.map((u) => u.sequence.split('-').map(BigInt));
    for (let i = 1; i < sequences.length; i++) {
      const [a, b] = [sequences[i - 1], sequences[i]];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])).toBe(true);
    }
    expect(back.heard.every((u) => u.toAgencyId === bank.id)).toBe(true);
  });

  it('the other agency, reconnecting after the same point, gets only its own', async () => {
    const log = await redis.xrevrange(liveLogKey(PREFIX, 'request-updates'), '+', '-', 'COUNT', 40);
    const point = log[log.length - 1][0];
    const other = await listen('otherBank', second, point);
    await waitFor(async () => (other.heard.length > 0 ? true : undefined), 'the other bank to catch up');
    await new Promise((r) => setTimeout(r, 300));
    expect(other.errors).toEqual([]);
    expect(other.heard.length).toBeGreaterThan(0);
    expect(other.heard.every((u) => u.toAgencyId === otherBank.id)).toBe(true);
  });

  it('refuses a malformed after naming the field, and says reload when the log no longer reaches back', async () => {
    const bad = await listen('bank', app, 'yesterday');
    await waitFor(async () => (bad.errors.length ? true : undefined), 'the refusal');
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(bad.errors[0].message).toMatch(/after: .* · /);

    // A sequence the log handed out and has since trimmed away (as the cap does once enough came after it).
    const key = liveLogKey(PREFIX, 'request-updates');
    const [[seen]] = await redis.xrevrange(key, '+', '-', 'COUNT', 1);
    await publishRequestUpdate(bus, PREFIX, update(bank.id));
    await redis.xtrim(key, 'MAXLEN', 1);
    for (const [server, after] of [[second, seen], [app, '1-0']] as const) {
      const gone = await listen('bank', server, after);
      await waitFor(async () => (gone.errors.length ? true : undefined), 'the reload signal');
      expect(gone.errors[0].extensions).toMatchObject({ code: 'GONE', reason: 'LIVE_GAP', field: 'after' });
      expect(gone.errors[0].message).toMatch(/reload.* · /);
      expect(gone.heard).toEqual([]);
    }
  });

  it('an event whose pub/sub message was lost still reaches open subscriptions, once, in order; a message heard twice changes nothing', async () => {
    const open = await listen('bank', app);
    await untilLive(open.heard, bank.id);
    const key = liveLogKey(PREFIX, 'request-updates');
    // Logged, never published: what a subscriber connection that dropped in a failover would have missed.
    const silent = update(bank.id, { requestId: 'silent' });
    await redis.xadd(key, '*', 'e', JSON.stringify(silent));
    await publishRequestUpdate(bus, PREFIX, update(bank.id, { requestId: 'loud' }));
    await waitFor(async () => (open.heard.some((u) => u.requestId === 'silent') ? true : undefined), 'the unpublished event');
    // The same message again (a wake-up heard twice): nothing new in the log, nothing delivered.
    const last = open.heard[open.heard.length - 1];
    await new Promise<void>((resolve, reject) => bus.emit({ topic: `${PREFIX}:live:request-updates`, payload: { requestUpdates: last } }, (e?: Error) => (e ? reject(e) : resolve())));
    await new Promise((r) => setTimeout(r, 1500));
    const ids = open.heard.map((u) => u.requestId).filter((id) => id !== 'probe');
    expect(ids).toEqual(['silent', 'loud']);
    expect(new Set(open.heard.map((u) => u.sequence)).size).toBe(open.heard.length);
  });

  it("the api's own subscriber connection dropping loses nothing: what was published until it subscribed again arrives", async () => {
    const open = await listen('bank', second);
    await untilLive(open.heard, bank.id);
    const sent: string[] = [];
    // Every pub/sub connection of this Redis is cut (both api processes' and this test's), then events follow at once.
    await redis.client('KILL', 'TYPE', 'pubsub');
    for (let i = 0; i < 20; i++) {
      const u = update(bank.id, { requestId: `cut-${i}` });
      sent.push(u.requestId);
      await publishRequestUpdate(bus, PREFIX, u);
    }
    await waitFor(async () => (sent.every((id) => open.heard.some((u) => u.requestId === id)) ? true : undefined), 'every event published around the cut');
    const ids = open.heard.map((u) => u.requestId).filter((id) => id.startsWith('cut-'));
    expect(ids).toEqual(sent);
  });

  it('when the log was trimmed past what the relay handed on, live sockets are closed so that clients reconnect and catch up or reload', async () => {
    // Only this socket is open on the process, so the others' closing is not reported as their error.
    for (const c of clients.splice(0)) await c.dispose();
    const open = await listen('bank', app);
    await untilLive(open.heard, bank.id);
    const closed = new Promise<number>((resolve) => open.client.on('closed', (e) => resolve((e as { code: number }).code)));
    const key = liveLogKey(PREFIX, 'request-updates');
    // Two events logged and the first trimmed away at once (as a long outage and the cap would): nobody saw the first.
    await redis.multi().xadd(key, '*', 'e', JSON.stringify(update(bank.id, { requestId: 'trimmed' })))
      .xadd(key, '*', 'e', JSON.stringify(update(bank.id, { requestId: 'kept' }))).xtrim(key, 'MAXLEN', 1).exec();
    expect(await closed).toBe(1012);
  });

  it('notifications catch up too, for their user only', async () => {
    const key = liveLogKey(PREFIX, 'notifications');
    await publishNotification(bus, PREFIX, { id: 'n0', userId: bank.users[Role.LIAISON].id, agencyId: bank.id, kind: 'PROBE', payload: {}, createdAt: new Date().toISOString() });
    const [[from]] = await redis.xrevrange(key, '+', '-', 'COUNT', 1);
    for (const [i, userId] of [bank.users[Role.LIAISON].id, otherBank.users[Role.LIAISON].id, bank.users[Role.LIAISON].id].entries()) {
      await publishNotification(bus, PREFIX, { id: `n${i + 1}`, userId, agencyId: bank.id, kind: 'TEST', payload: { i }, createdAt: new Date().toISOString() });
    }
    const port = (app.getHttpServer().address() as { port: number }).port;
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t['bank']}` }, lazy: false });
    clients.push(client);
    const got: Array<{ id: string; payload: string; sequence: string }> = [];
    client.subscribe<{ notificationAdded: { id: string; payload: string; sequence: string } }>(
      { query: 'subscription($after: String) { notificationAdded(after: $after) { id payload sequence } }', variables: { after: from } },
      { next: (v) => v.data && got.push(v.data.notificationAdded), error: () => undefined, complete: () => undefined },
    );
    await waitFor(async () => (got.length >= 2 ? true : undefined), 'the missed notifications');
    await new Promise((r) => setTimeout(r, 200));
    expect(got.map((g) => g.id)).toEqual(['n1', 'n3']);
    expect(JSON.parse(got[1].payload)).toEqual({ i: 2 });
  });
});
