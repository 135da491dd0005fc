import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { createAgency, ownerClient, PASSWORD, TestAgency } from '../../test/harness';
import { ApiProcess, startApiProcess } from '../../test/worker-process';

/**
 * Graceful shutdown (issue 13, part 6), with the api as built (dist) in a process of its own: SIGTERM during load.
 * Readiness turns 503 first; every request the api accepted is answered in full and each answered case is in the
 * database with its audit row; nothing is written that was not answered; then the process exits by itself.
 */
describe('SIGTERM under load', () => {
  let owner: Client;
  let agency: TestAgency;
  let api: ApiProcess;

  beforeAll(async () => {
    owner = await ownerClient();
    agency = await createAgency(owner, 'Shutdown', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    api = await startApiProcess({ QUEUE_PREFIX: `caselink-test-shutdown-${process.pid}`, SHUTDOWN_GRACE_MS: '1500' });
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await owner?.end();
  });

  it('answers what it accepted, writes nothing half, and says it is not ready first', async () => {
    const base = api.url.replace(/\/graphql$/, '');
    const post = (query: string, variables: Record<string, unknown>, token?: string) =>
      fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    const logged = (await (await post('mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }',
      { e: agency.users[Role.INVESTIGATOR].email, p: PASSWORD })).json()) as { data: { login: { accessToken: string } } };
    const token = logged.data.login.accessToken;

    // Four clients create cases back to back; SIGTERM arrives while they run.
    const answered: string[] = [];
    let refused = 0;
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        let res: Response;
        try {
          res = await post('mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }',
            { i: { title: `停机测试 shutdown ${n}-${i}`, fraudType: 'INVESTMENT', reportedOn: '2026-12-01' } }, token);
        } catch {
          // Refused at the door (the server stopped listening, or closed an idle keep-alive connection): a client
          // retries elsewhere. Whether anything was written is what the database check below settles.
          refused++;
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        if (res.status === 503) {
          // Fastify's answer to a request arriving while it closes: not accepted.
          refused++;
          continue;
        }
        const body = (await res.json()) as { data?: { createCase: { id: string } }; errors?: unknown[] };
        if (!body.data?.createCase) throw new Error(`an accepted request was not answered with its case: ${res.status} ${JSON.stringify(body.errors)}`);
        answered.push(body.data.createCase.id);
      }
    };
    const clients = [1, 2, 3, 4].map(client);
    await new Promise((r) => setTimeout(r, 400));
    api.child.kill('SIGTERM');
    // Readiness turns false as soon as the signal is handled, while requests are still being served.
    let ready = await fetch(`${base}/health/ready`);
    for (let i = 0; ready.status !== 503 && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 20));
      ready = await fetch(`${base}/health/ready`);
    }
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    const servedWhileDraining = answered.length;
    const exited = new Promise<number | null>((resolve) => api.child.once('exit', (code) => resolve(code)));
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    stop = true;
    await Promise.all(clients);
    expect(await exited).toBe(0);

    expect(answered.length).toBeGreaterThan(servedWhileDraining); // requests went on being answered while draining
    expect(refused).toBeGreaterThan(0);
    // Exactly the answered cases exist, each with its audit row: nothing lost, nothing half-written.
    const { rows } = await owner.query<{ id: string; audited: boolean }>(
      `SELECT c.id, EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = c.id::text AND a.action = 'CASE_CREATED') AS audited
       FROM cases c WHERE c.agency_id = $1`, [agency.id]);
    expect(rows.map((r) => r.id).sort()).toEqual([...answered].sort());
    expect(rows.every((r) => r.audited)).toBe(true);
  }, 60_000);
});
