import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_AGENCIES } from '@caselink/demo-data';
import { axeViolations, gqlAs, launchBrowser, login, luhnCard, newPage, PORTAL_URL, screenshot, switchLanguage, uniqueSuffix } from './support';

/**
 * Issue 16's "done when", end to end: a Guangdong investigator's new victim statement sends 45,000 to a mule card,
 * which passed it on to cards at ICBC, ABC and CCB. From the fund trace (each hop with its issuing bank) one action,
 * confirmed over a list of accounts, banks and amounts, stops the money at all three banks as one batch. ICBC's and
 * ABC's liaisons see their stop arrive live in their inboxes and answer it; CCB's answer comes from the example
 * machine client (examples/bank-client), created by CCB's admin and running against the api by itself. The batch page
 * follows the answers live (progress, each bank's colour, the money held); the case shows its batch and its golden
 * minutes, and the supervisor's dashboard counts the case in its medians. axe-clean in Chinese and English.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const GD = 'investigator@gd.demo';
const SUPERVISOR = 'supervisor@gd.demo';
const ICBC = 'liaison@icbc.demo';
const ABC = 'liaison@abc.demo';
const CCB_ADMIN = 'admin@ccb.demo';
/** Pushed changes should show within a few seconds; generous for a loaded 2-core machine. */
const LIVE_MS = 30_000;
const REPO = path.join(__dirname, '..', '..', '..');

const bankName = (key: string) => {
  const a = DEMO_AGENCIES.find((x) => x.key === key);
  if (!a) throw new Error(`no demo bank ${key}`);
  return a;
};

/** The api itself (the example client talks to it, not to the portal): API_URL, else the port paired with the portal's. */
function apiUrl(): string {
  if (process.env.API_URL) return process.env.API_URL.replace(/\/$/, '');
  const portal = new URL(PORTAL_URL);
  return `http://127.0.0.1:${Number(portal.port || 80) + 1000}`;
}

interface Fixture {
  caseId: string;
  caseNumber: string;
  transferId: string;
  mule: string;
  cards: { icbc: string; abc: string; ccb: string };
}

/** A datetime-local value on the Beijing wall clock (the statement form's times are Beijing time). */
const beijingLocal = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

/**
 * A fresh Guangdong case reported 20 minutes ago, and its victim statement typed into the statement form by the
 * investigator: the victim paid 45,000 into a CMB mule card, which sent 20,000 to an ICBC card, 15,000 to an ABC card
 * and 10,000 to a CCB card (cards of this run, each at its bank's registered prefix).
 */
async function createCase(page: Page): Promise<Fixture> {
  const suffix = uniqueSuffix();
  const victim = luhnCard('621661');
  const mule = luhnCard('622588');
  const cards = { icbc: luhnCard('622202'), abc: luhnCard('622848'), ccb: luhnCard('621700') };
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const created = await gqlAs<{ createCase: { id: string; caseNumber: string } }>(GD, 'mutation EsCase($i: CreateCaseInput!) { createCase(input: $i) { id caseNumber } }', {
    i: { title: `E2E 批量止付 冒充客服 ${suffix}`, fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: at(20).slice(0, 10), provinces: ['44'], sensitivity: 'NORMAL' },
  });
  const caseId = created.createCase.id;
  // The new victim statement, through the form.
  await page.goto(`/cases/${caseId}/statements/new`);
  await page.getByTestId('statement-form').waitFor();
  // Taken 20 minutes ago: the golden minutes count from the report.
  await page.locator('input[name="takenAt"]').fill(beijingLocal(Date.now() - 20 * 60_000));
  await page.locator('input[name="victim.name"]').fill('测试被害人');
  await page.locator('input[name="place"]').fill('深圳市公安局福田分局');
  await page.locator('textarea[name="narrative"]').fill('自称电商客服以退款为由诱导被害人向“安全账户”转账，款项随即分三笔转往三家银行的账户。');
  const transfers: [string, string, string, string, number][] = [
    [victim, mule, '招商银行', '45000.00', 50],
    [mule, cards.icbc, '中国工商银行', '20000.00', 45],
    [mule, cards.abc, '中国农业银行', '15000.00', 44],
    [mule, cards.ccb, '中国建设银行', '10000.00', 43],
  ];
  for (const [i, [from, to, bank, amount, minutesAgo]] of transfers.entries()) {
    await page.getByTestId('add-transfer').click();
    await page.locator(`input[name="transfers.${i}.fromAccount"]`).fill(from);
    await page.locator(`input[name="transfers.${i}.toAccount"]`).fill(to);
    await page.locator(`input[name="transfers.${i}.bank"]`).fill(bank);
    await page.locator(`input[name="transfers.${i}.amount"]`).fill(amount);
    await page.locator(`input[name="transfers.${i}.occurredAt"]`).fill(beijingLocal(Date.now() - minutesAgo * 60_000));
  }
  await page.locator('input[name="reportedLoss"]').fill('45000.00');
  await screenshot(page, 'emergency-stops-statement-zh-CN');
  await page.getByTestId('statement-submit').click();
  await page.waitForURL((url) => url.pathname === `/cases/${caseId}`);
  const read = await gqlAs<{ case: { statements: { transfers: { id: string; toAccount: string }[] }[] } }>(GD,
    'query EsTransfers($id: ID!) { case(id: $id) { statements { transfers { id toAccount } } } }', { id: caseId });
  const first = read.case.statements.flatMap((st) => st.transfers).find((t) => t.toAccount === mule);
  if (!first) throw new Error('the victim transfer was not recorded');
  return { caseId, caseNumber: created.createCase.caseNumber, transferId: first.id, mule, cards };
}

/** CCB's admin makes a machine client for the bank's own system (LIAISON), and the example client runs with it. */
async function startCcbClient(): Promise<{ child: ChildProcess; log: string[] }> {
  const made = await gqlAs<{ createMachineClient: { clientSecret: string; client: { clientId: string } } }>(CCB_ADMIN,
    'mutation EsClient($i: CreateMachineClientInput!) { createMachineClient(input: $i) { clientSecret client { clientId } } }',
    { i: { name: `E2E 建行核心系统 ${uniqueSuffix()}`, roles: ['LIAISON'] } });
  const log: string[] = [];
  const child = spawn(process.execPath, ['examples/bank-client/bank-client.mjs'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', API_URL: apiUrl(), CLIENT_ID: made.createMachineClient.client.clientId, CLIENT_SECRET: made.createMachineClient.clientSecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => log.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr?.on('data', (d: Buffer) => log.push(...d.toString().split('\n').filter(Boolean)));
  // It catches up with the inbox, then listens: from then on a new stop reaches it live.
  const until = Date.now() + 60_000;
  while (!log.some((l) => l.includes('"listening"'))) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`the example bank client did not start listening:\n${log.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, log };
}

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const s = await newPage(browser);
  await login(s.page, email);
  return s;
}

async function waitLive(page: Page): Promise<void> {
  await page.locator('[data-testid="live-status"][data-status="open"]').first().waitFor({ timeout: LIVE_MS });
}

/** Marks the page so a test can tell it was not reloaded (a reload drops the mark). */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { __e2eMark: number }).__e2eMark = 1));
}
async function stillMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as { __e2eMark?: number }).__e2eMark === 1);
}

/** No message key (or failed ICU message) of the feature reaches the screen. */
async function expectNoRawKeys(page: Page) {
  expect((await page.locator('body').innerText()).match(/emergencyStops\.[\w.]+/g)).toBeNull();
}

const batchState = (page: Page, attrs: Record<string, string>): Locator =>
  page.locator(`[data-testid="batch-page"]${Object.entries(attrs).map(([k, v]) => `[data-${k}="${v}"]`).join('')}`);

/** The liaison opens the stop from the live inbox, acknowledges it and answers it in the portal. */
async function answerInPortal(page: Page, reference: string, outcome: 'FROZEN' | 'PARTIALLY_FROZEN', held: string, note: string) {
  const row = page.locator(`[data-testid="request-row"][data-reference="${reference}"]`);
  await row.waitFor({ timeout: LIVE_MS });
  // It arrived in the open inbox: the page was not reloaded.
  expect(await stillMarked(page)).toBe(true);
  expect(await row.getByTestId('urgency').getAttribute('data-urgency')).toBe('URGENT');
  await row.getByTestId('request-link').click();
  await page.waitForURL((url) => url.pathname.startsWith('/requests/'));
  await page.locator('[data-testid="request-page"][data-state="SENT"]').waitFor();
  await page.getByTestId('acknowledge').click();
  await page.locator('[data-testid="request-page"][data-state="ACKNOWLEDGED"]').waitFor();
  const answer = page.getByTestId('answer-freeze');
  await answer.getByTestId(`outcome-${outcome}`).check();
  await answer.locator('input[name="amountHeld"]').fill(held);
  await answer.locator('input[name="balance"]').fill(held);
  await answer.locator('textarea[name="reason"]').fill(note);
  await answer.getByTestId('answer-submit').click();
  await page.locator(`[data-testid="request-page"][data-state="${outcome}"]`).waitFor();
}

type Golden = { cases: number; stopped: number; held: number };
async function dashboardGolden(): Promise<Golden> {
  const d = await gqlAs<{ supervisorDashboard: { goldenMinutes: Golden } }>(SUPERVISOR,
    'query EsDash($f: DashboardFilter) { supervisorDashboard(filter: $f) { goldenMinutes { cases stopped held } } }', { f: { periodDays: 90, scope: 'REGION' } });
  return d.supervisorDashboard.goldenMinutes;
}

describe('emergency stops from a fund trace, in one batch', () => {
  test('stop the money at three banks in one action; two liaisons and a machine client answer; progress, money held and golden minutes follow live', async () => {
    const before = await dashboardGolden();
    const inv = await signedIn(GD);
    const fx = await createCase(inv.page);
    const icbc = bankName('icbc');
    const abc = bankName('abc');
    const ccb = bankName('ccb');
    const machine = await startCcbClient();
    const icbcDesk = await signedIn(ICBC);
    const abcDesk = await signedIn(ABC);
    try {
      // The banks' desks listen in their inboxes before anything is sent.
      for (const desk of [icbcDesk.page, abcDesk.page]) {
        await desk.goto('/requests');
        await desk.getByTestId('inbox').waitFor();
        await desk.locator('[data-testid="request-row"], [data-testid="requests-empty"]').first().waitFor();
        await waitLive(desk);
        await mark(desk);
      }

      // --- The fund trace: every hop with its issuing bank, the money last seen at three banks ---
      await inv.page.goto(`/cases/${fx.caseId}/trace/${fx.transferId}`);
      await inv.page.locator('[data-testid="fund-graph"][data-ready]').waitFor({ timeout: 30_000 });
      const lastSeen = inv.page.getByTestId('last-seen-row');
      await lastSeen.first().waitFor();
      expect(await lastSeen.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account')))).toEqual([fx.cards.icbc, fx.cards.abc, fx.cards.ccb]);
      for (const [card, bank] of [[fx.cards.icbc, icbc], [fx.cards.abc, abc], [fx.cards.ccb, ccb]] as const) {
        expect(await inv.page.locator(`[data-testid="last-seen-row"][data-account="${card}"] [data-testid="issuing-bank"]`).textContent()).toContain(bank.name);
      }
      // The trail: the mule's hop names CMB (by its prefix) as the issuing bank of the account the money left.
      await inv.page.locator('details.card > summary').click();
      const hops = inv.page.getByTestId('trail-row');
      expect(await hops.count()).toBe(4);
      expect(await hops.getByTestId('hop-from-bank').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('招商银行')]));
      expect((await hops.getByTestId('hop-to-bank').allTextContents()).join(' ')).toEqual(expect.stringContaining(icbc.name));
      expect(await axeViolations(inv.page)).toEqual([]);
      await expectNoRawKeys(inv.page);
      await screenshot(inv.page, 'emergency-stops-trace-zh-CN');

      // --- One action, confirmed over the accounts, banks and amounts ---
      await inv.page.getByTestId('stop-all').click();
      const dialog = inv.page.getByTestId('stop-all-dialog');
      await dialog.waitFor();
      const planned = dialog.getByTestId('stop-all-row');
      expect(await planned.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-account'), r.getAttribute('data-plan')]))).toEqual([
        [fx.cards.icbc, 'SEND'], [fx.cards.abc, 'SEND'], [fx.cards.ccb, 'SEND'],
      ]);
      expect(await dialog.textContent()).toContain('45,000.00'); // 20,000 + 15,000 + 10,000 in all
      expect(await dialog.getByTestId('stop-all-bank').allTextContents()).toEqual([
        expect.stringContaining(icbc.name), expect.stringContaining(abc.name), expect.stringContaining(ccb.name),
      ]);
      // The legal document is required, said at its field, before anything is sent.
      await dialog.getByTestId('stop-all-confirm').click();
      await dialog.getByTestId('error-legalBasisDoc').waitFor();
      expect(await dialog.getByTestId('error-legalBasisDoc').textContent()).toBe('必填。');
      expect(await axeViolations(inv.page)).toEqual([]);
      await screenshot(inv.page, 'emergency-stops-confirm-zh-CN');
      await dialog.getByTestId('stop-all-legal-basis').fill(`粤公（刑）止字〔2026〕${uniqueSuffix()}号`);
      await dialog.getByTestId('stop-all-confirm').click();

      // --- The batch page: three stops to three banks, the clock running ---
      await inv.page.waitForURL((url) => /^\/cases\/[^/]+\/batches\/[^/]+$/.test(url.pathname), { timeout: 30_000 });
      const page = inv.page;
      await page.getByTestId('batch-page').waitFor();
      expect(await page.getByTestId('batch-notice').textContent()).toContain('已向 3 家银行发送 3 份紧急止付');
      expect(await page.getByTestId('batch-bank').count()).toBe(3);
      expect(await page.getByTestId('batch-item').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-account'), r.getAttribute('data-outcome')]))).toEqual([
        [fx.cards.icbc, 'SENT'], [fx.cards.abc, 'SENT'], [fx.cards.ccb, 'SENT'],
      ]);
      await page.getByTestId('batch-live-summary').waitFor({ state: 'attached' });
      expect(await page.getByTestId('batch-live-summary').getAttribute('aria-live')).toBe('polite');
      await waitLive(page);
      await mark(page);
      const reference = async (card: string) => (await page.locator(`[data-testid="batch-item"][data-account="${card}"] [data-testid="batch-item-request"]`).textContent()) ?? '';
      const icbcRef = await reference(fx.cards.icbc);
      const abcRef = await reference(fx.cards.abc);
      const ccbRef = await reference(fx.cards.ccb);
      expect([icbcRef, abcRef, ccbRef].every((r) => r.length > 0)).toBe(true);
      // The clock ticks: the time since the stops went out moves on by itself.
      const sinceSent = await page.getByTestId('clock-since-sent').textContent();
      await page.waitForFunction((was) => document.querySelector('[data-testid="clock-since-sent"]')?.textContent !== was, sinceSent);

      // --- CCB's own system answers by itself: 10,000 held in full ---
      await page.locator(`[data-testid="batch-bank"][data-tone="holding"]`).first().waitFor({ timeout: LIVE_MS });
      await page.locator(`[data-testid="batch-item"][data-account="${fx.cards.ccb}"][data-state="FROZEN"]`).waitFor();
      expect(machine.log.some((l) => l.includes('"answered"') && l.includes(ccbRef))).toBe(true);
      await screenshot(page, 'emergency-stops-batch-first-answer-zh-CN');

      // --- ICBC's liaison: the stop arrived in the open inbox, without a reload; answered FROZEN 20,000 ---
      await answerInPortal(icbcDesk.page, icbcRef, 'FROZEN', '20000.00', '已全额冻结。');
      await batchState(page, { 'amount-held': '30000.00' }).waitFor({ timeout: LIVE_MS });
      // --- ABC's liaison: 9,000 of 15,000 still there ---
      await answerInPortal(abcDesk.page, abcRef, 'PARTIALLY_FROZEN', '9000.00', '到账后已转出 6000 元，余款已冻结。');
      await batchState(page, { answered: '3', total: '3', holding: '3', 'amount-held': '39000.00' }).waitFor({ timeout: LIVE_MS });
      expect(await stillMarked(page)).toBe(true);
      expect(await page.getByTestId('batch-progress').locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');
      expect(await page.getByTestId('batch-amount-held').textContent()).toContain('39,000.00');
      const tones = await page.getByTestId('batch-bank').evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-amount-held'), c.getAttribute('data-tone')]));
      expect(tones.sort()).toEqual([['10000.00', 'holding'], ['20000.00', 'holding'], ['9000.00', 'holding']]);
      expect(await page.getByTestId('clock-first-held').textContent()).not.toBe('—');
      expect(await page.getByTestId('batch-live-summary').textContent()).toContain('已答复 3 / 3 份止付');
      expect(await axeViolations(page)).toEqual([]);
      await expectNoRawKeys(page);
      await screenshot(page, 'emergency-stops-batch-zh-CN');

      // --- The case: its batch, and its golden minutes ---
      await page.locator('a.back-link').click();
      await page.waitForURL((url) => url.pathname === `/cases/${fx.caseId}`);
      const golden = page.getByTestId('case-golden-minutes');
      await golden.waitFor();
      expect(Number(await golden.getAttribute('data-report-to-stop'))).toBeGreaterThanOrEqual(20 * 60 - 60);
      expect(await golden.getAttribute('data-stop-to-held')).toMatch(/^\d+$/);
      expect(await page.getByTestId('golden-first-held-at').textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/);
      await page.locator('[data-testid="case-batches"][data-loaded]').waitFor();
      expect(await page.getByTestId('case-batch').count()).toBe(1);
      await golden.scrollIntoViewIfNeeded();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'emergency-stops-case-zh-CN');

      // --- In English: the batch page and the case, axe-clean ---
      await switchLanguage(page, 'en');
      await golden.waitFor();
      expect(await page.getByTestId('golden-first-held-at').textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\)$/);
      expect(await axeViolations(page)).toEqual([]);
      await expectNoRawKeys(page);
      await page.getByTestId('case-batch-link').click();
      await page.waitForURL((url) => url.pathname.includes('/batches/'));
      await batchState(page, { answered: '3', total: '3' }).waitFor();
      expect(await page.getByTestId('batch-live-summary').textContent()).toContain('3 of 3 stops answered');
      expect(await axeViolations(page)).toEqual([]);
      await expectNoRawKeys(page);
      await screenshot(page, 'emergency-stops-batch-en');
      // The trace in English, with the stops now live: the confirmation says none would be sent again.
      await page.getByTestId('batch-trace').click();
      await page.locator('[data-testid="fund-graph"][data-ready]').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="last-seen-row"] [data-testid="freeze-sent"]').first().waitFor();
      // By keyboard: Enter on the button opens the confirmation with focus inside; Escape closes it and focus returns.
      await page.getByTestId('stop-all').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('stop-all-dialog').waitFor();
      expect(await page.getByTestId('stop-all-dialog').locator(':focus').count()).toBe(1);
      expect(await page.getByTestId('stop-all-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-plan')))).toEqual(['ALREADY_LIVE', 'ALREADY_LIVE', 'ALREADY_LIVE']);
      expect(await page.getByTestId('stop-all-confirm').isDisabled()).toBe(true);
      expect(await page.getByTestId('stop-all-dialog').textContent()).toContain('there is nothing to send');
      expect(await axeViolations(page)).toEqual([]);
      await expectNoRawKeys(page);
      await screenshot(page, 'emergency-stops-confirm-en');
      await page.keyboard.press('Escape');
      await page.getByTestId('stop-all-dialog').waitFor({ state: 'detached' });
      expect(await page.getByTestId('stop-all').evaluate((el) => el === document.activeElement)).toBe(true);
    } finally {
      machine.child.kill();
      await inv.context.close();
      await icbcDesk.context.close();
      await abcDesk.context.close();
    }

    // --- The supervisor's dashboard: the case counts among the reported, stopped and held ---
    const sup = await signedIn(SUPERVISOR);
    try {
      await sup.page.goto('/dashboard');
      const card = sup.page.getByTestId('dashboard-golden-minutes');
      await card.waitFor();
      // At least this case more in each figure (other specs on the same database may add theirs meanwhile).
      for (const key of ['cases', 'stopped', 'held'] as const) {
        const now = Number(await card.getAttribute(`data-${key}`));
        expect({ key, before: before[key], now, counted: now >= before[key] + 1 }).toEqual({ key, before: before[key], now, counted: true });
      }
      expect(await card.getAttribute('data-median-report-to-stop')).toMatch(/^\d+$/);
      expect(await card.getAttribute('data-median-stop-to-held')).toMatch(/^\d+$/);
      expect(await sup.page.getByTestId('golden-median-reportToStop-value').textContent()).not.toBe('—');
      await card.scrollIntoViewIfNeeded();
      expect(await axeViolations(sup.page)).toEqual([]);
      await expectNoRawKeys(sup.page);
      await screenshot(sup.page, 'emergency-stops-dashboard-zh-CN');
      await switchLanguage(sup.page, 'en');
      await card.waitFor();
      expect(await card.textContent()).toContain('Golden minutes');
      expect(await axeViolations(sup.page)).toEqual([]);
      await expectNoRawKeys(sup.page);
      await screenshot(sup.page, 'emergency-stops-dashboard-en');
    } finally {
      await sup.context.close();
    }
  }, 420_000);
});
