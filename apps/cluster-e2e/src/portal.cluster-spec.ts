import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@caselink/demo-data';
import { env, gql, kill9, login, randomCard, restart, retrying, ROOT } from './cluster';

/**
 * The portal through the cluster: a bank liaison's inbox stays open while both api processes behind the entry point
 * are killed with SIGKILL in turn (so its live socket certainly dropped and came back on the other one); a freeze sent
 * while its socket was down, and one sent after, appear in the open inbox without a reload.
 */
const PORTAL = env['CLUSTER_PORTAL_URL'];
const ENTRY = env['CLUSTER_ENTRY_URL'];
const LIVE_MS = 30_000;
const SHOTS = join(ROOT, 'apps/portal-e2e/screenshots');

describe('the portal on the cluster', () => {
  let browser: Browser;
  let page: Page;
  let owner: Client;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await (await browser.newContext({ baseURL: PORTAL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 860 } })).newPage();
    owner = new Client({ connectionString: env['CLUSTER_OWNER_URL'] });
    await owner.connect();
  });

  afterAll(async () => {
    await browser?.close();
    await owner?.end();
  });

  it('a bank inbox catches up after its api process dies, without a reload', async () => {
    await page.goto('/login');
    await page.locator('input[name="email"]').fill('liaison@icbc.demo');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/requests');
    await page.locator('[data-testid="live-status"][data-status="open"]').first().waitFor({ timeout: LIVE_MS });
    await page.evaluate(() => ((globalThis as unknown as { __mark: number }).__mark = 1));

    const gd = await login(ENTRY, 'investigator@gd.demo', DEMO_PASSWORD);
    const [{ id: icbc }] = (await owner.query<{ id: string }>(`SELECT agency_id AS id FROM users WHERE email = 'liaison@icbc.demo'`)).rows;
    const [{ prefix }] = (await owner.query<{ prefix: string }>('SELECT prefix FROM bank_prefixes WHERE agency_id = $1 ORDER BY prefix LIMIT 1', [icbc])).rows;
    const caseId = (await gql<{ createCase: { id: string } }>(ENTRY, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
      i: { title: '集群门户演练', description: '[CLUSTER portal]', fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: new Date().toISOString().slice(0, 10) },
    }, gd)).createCase.id;
    // Sent as a client would: a 502 while the entry point still routes to the dead process is tried again.
    const send = async (account = randomCard(prefix)) => (await retrying(() => gql<{ sendFreezeRequest: { reference: string } }>(ENTRY,
      'mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { reference } }',
      { i: { caseId, bankAgencyId: icbc, kind: 'EMERGENCY_STOP', account, amount: '5000', legalBasisDoc: '粤公(反诈)冻字[2026]200号' } }, gd), { retries: 0, failedAt: [] })).sendFreezeRequest.reference;

    // Both api processes die in turn: the inbox's socket was on one of them.
    kill9('api1');
    const whileDown = await send();
    await restart('api1');
    kill9('api2');
    const whileOtherDown = await send();
    await restart('api2');
    const after = await send();

    for (const reference of [whileDown, whileOtherDown, after]) {
      await page.locator(`[data-testid="request-row"][data-reference="${reference}"]`).waitFor({ timeout: LIVE_MS });
    }
    expect(await page.evaluate(() => (globalThis as unknown as { __mark?: number }).__mark)).toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'cluster-bank-inbox-after-api-kill.png'), fullPage: true });
  });
});
