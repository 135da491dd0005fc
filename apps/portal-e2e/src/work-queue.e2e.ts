import { Client } from 'pg';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, gqlAs, launchBrowser, login, luhnCard, newPage, screenshot, switchLanguage, text, uniqueSuffix } from './support';

/**
 * The home page is a work queue (issue 16, part 5), live:
 * - Guangdong's investigator sees a freeze of theirs past its deadline (red, overdue, with the bank and the amount)
 *   and a task-force task due, in both languages; each item is a link reached by keyboard, and the task's opens
 *   its row on the task force's board.
 * - ICBC's liaison sees that freeze to answer; answered from another browser context, it leaves the bank's home and
 *   the investigator's without a reload.
 * The freeze is made overdue in the database (its deadline a year back, as apps/api/src/work-queue/work-queue.int-spec.ts
 * does): the api has no way to send a request that is already late, and a test does not wait for a deadline.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const GD = 'investigator@gd.demo';
const GD_SUPERVISOR = 'supervisor@gd.demo';
const ICBC = 'liaison@icbc.demo';
/** Pushed changes should show within a few seconds; generous for a loaded CI machine. */
const LIVE_MS = 20_000;

/**
 * The owner's connection to the database the e2e api serves: E2E_DATABASE_OWNER_URL, else DATABASE_OWNER_URL with
 * the e2e database's name as tools/scripts/test.sh makes it (<TEST_DATABASE_NAME or caselink_test>_e2e).
 */
function e2eOwnerUrl(): string {
  if (process.env.E2E_DATABASE_OWNER_URL) return process.env.E2E_DATABASE_OWNER_URL;
  const owner = process.env.DATABASE_OWNER_URL;
  if (!owner) throw new Error('work-queue e2e: set E2E_DATABASE_OWNER_URL (the owner URL of the database the e2e api serves)');
  const url = new URL(owner);
  url.pathname = `/${process.env.TEST_DATABASE_NAME ?? 'caselink_test'}_e2e`;
  return url.toString();
}

interface Fixture {
  requestId: string;
  reference: string;
  caseNumber: string;
  taskForceId: string;
  taskId: string;
  taskTitle: string;
}

/**
 * A Guangdong case whose victim paid 80,000 into a fresh ICBC card; a freeze of that card sent to ICBC, then made a
 * year overdue (so it heads both queues, soonest deadline and longest overdue first); a task force of Guangdong's
 * with a task for Guangdong due in two hours.
 */
async function arrange(): Promise<Fixture> {
  const suffix = uniqueSuffix();
  const card = luhnCard('622202');
  const created = await gqlAs<{ createCase: { id: string; caseNumber: string } }>(GD, 'mutation WqCase($i: CreateCaseInput!) { createCase(input: $i) { id caseNumber } }', {
    i: { title: `E2E 工作队列 ${suffix}`, fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-02-03', provinces: ['44'], sensitivity: 'NORMAL' },
  });
  const caseId = created.createCase.id;
  await gqlAs(GD, 'mutation WqStatement($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
    i: {
      caseId, takenAt: new Date(Date.now() - 86_400_000).toISOString(), place: '深圳市公安局福田分局', province: '44',
      narrative: '被害人按“客服”指引向所谓安全账户转账。', reportedLoss: '80000.00', victim: { name: '测试被害人' },
      transfers: [{ fromAccount: luhnCard('621700'), toAccount: card, bank: '中国工商银行', amount: '80000.00', occurredAt: new Date(Date.now() - 3600_000).toISOString(), channel: 'BANK_TRANSFER' }],
    },
  });
  const banks = await gqlAs<{ requestTargets: { id: string; name: string }[] }>(GD, 'query WqBanks { requestTargets(type: FREEZE) { id name } }');
  const icbc = banks.requestTargets.find((b) => b.name === '中国工商银行');
  if (!icbc) throw new Error('work-queue e2e: ICBC is not among the banks');
  const sent = await gqlAs<{ sendFreezeRequest: { id: string; reference: string } }>(GD, 'mutation WqFreeze($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id reference } }', {
    i: { caseId, kind: 'FREEZE', urgency: 'NORMAL', account: card, amount: '80000.00', bankAgencyId: icbc.id, bankName: '中国工商银行', legalBasisDoc: `粤公(反诈)冻字[2026]${suffix}号` },
  });
  const db = new Client({ connectionString: e2eOwnerUrl() });
  await db.connect();
  try {
    await db.query(`UPDATE agency_requests SET deadline_at = now() - interval '1 year' WHERE id = $1`, [sent.sendFreezeRequest.id]);
  } finally {
    await db.end();
  }

  const me = await gqlAs<{ me: { agency: { id: string } } }>(GD_SUPERVISOR, 'query WqMe { me { agency { id } } }');
  const force = await gqlAs<{ createTaskForce: { id: string } }>(GD_SUPERVISOR, 'mutation WqForce($i: CreateTaskForceInput!) { createTaskForce(input: $i) { id } }', {
    i: { name: `E2E 工作队列专案 ${suffix}` },
  });
  const taskTitle = `调取取现监控 ${suffix}`;
  const task = await gqlAs<{ dispatchTask: { id: string } }>(GD_SUPERVISOR, 'mutation WqTask($i: DispatchTaskInput!) { dispatchTask(input: $i) { id } }', {
    i: {
      taskForceId: force.createTaskForce.id, kind: 'EVIDENCE_COLLECTION', title: taskTitle, assigneeAgencyId: me.me.agency.id, province: '44',
      dueAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
    },
  });
  return {
    requestId: sent.sendFreezeRequest.id, reference: sent.sendFreezeRequest.reference, caseNumber: created.createCase.caseNumber,
    taskForceId: force.createTaskForce.id, taskId: task.dispatchTask.id, taskTitle,
  };
}

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const s = await newPage(browser);
  await login(s.page, email);
  return s;
}

const group = (page: Page, kind: string): Locator => page.locator(`[data-testid="work-group"][data-kind="${kind}"]`);
const item = (page: Page, kind: string, id: string): Locator => group(page, kind).locator(`[data-testid="work-item"][data-id="${id}"]`);

async function waitLive(page: Page): Promise<void> {
  await page.locator('[data-testid="work-queue"] [data-testid="live-status"][data-status="open"]').waitFor({ timeout: LIVE_MS });
}

/** Marks the page so a test can tell it was not reloaded (a reload drops the mark). */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { __e2eMark: number }).__e2eMark = 1));
}
async function stillMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as { __e2eMark?: number }).__e2eMark === 1);
}

/** What the checks below read in the page, in the browser (the e2e type check has no DOM library). */
interface PageWindow {
  document: { activeElement: unknown };
  getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string };
}

/** Tabs from where the focus is until `target` has it (at most `limit` presses); false if it never does. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => (globalThis as unknown as PageWindow).document.activeElement === el)) return true;
  }
  return false;
}

/** Each test drives several pages of a portal that may be compiling on a loaded machine. */
const TEST_MS = 240_000;

describe('the home page is a work queue', () => {
  let fx: Fixture;

  beforeAll(async () => {
    fx = await arrange();
  }, TEST_MS);

  test("an investigator's overdue freeze and task due, each one link (by keyboard too) from its action", async () => {
    const inv = await signedIn(GD);
    try {
      // --- Guangdong's investigator: deadlines first ---
      const queue = inv.page.locator('[data-testid="work-queue"][data-loaded="true"]');
      await queue.waitFor();
      const kinds = await inv.page.locator('[data-testid="work-group"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      expect(kinds.indexOf('REQUEST_OVERDUE')).toBeLessThan(kinds.indexOf('TASK_DUE'));
      const overdue = item(inv.page, 'REQUEST_OVERDUE', fx.requestId);
      await overdue.waitFor();
      expect(await overdue.getAttribute('data-overdue')).toBe('true');
      expect(await overdue.getAttribute('data-colour')).toBe('RED');
      expect(await overdue.getByTestId('work-item-status').textContent()).toBe('已超期');
      expect(await overdue.getByTestId('work-item-title').textContent()).toContain(fx.reference);
      expect(await overdue.getByTestId('work-item-agency').textContent()).toBe('发往 中国工商银行');
      expect(await overdue.getByTestId('work-item-amount').textContent()).toContain('80,000.00');
      // The deadline says its zone.
      expect(await overdue.getByTestId('work-item-due').textContent()).toMatch(/北京时间|UTC\+8|GMT\+8/);
      expect(await overdue.getByTestId('work-item-link').getAttribute('href')).toBe(`/requests/${fx.requestId}`);
      expect(Number(await group(inv.page, 'REQUEST_OVERDUE').getAttribute('data-overdue-count'))).toBeGreaterThanOrEqual(1);
      await group(inv.page, 'REQUEST_OVERDUE').getByTestId('work-group-overdue').waitFor();
      expect(await group(inv.page, 'REQUEST_OVERDUE').getByTestId('work-group-all').getAttribute('href')).toBe('/requests?direction=OUTGOING&show=OVERDUE');

      const task = item(inv.page, 'TASK_DUE', fx.taskId);
      await task.waitFor();
      expect(await task.getAttribute('data-overdue')).toBe('false');
      expect(await task.getByTestId('work-item-title').textContent()).toContain(fx.taskTitle);
      expect(await task.getByTestId('work-item-link').getAttribute('href')).toBe(`/task-forces/${fx.taskForceId}#task-${fx.taskId}`);
      expect(await axeViolations(inv.page, '[data-testid="work-queue"]')).toEqual([]);
      await screenshot(inv.page, 'work-queue-investigator-zh');

      await switchLanguage(inv.page, 'en');
      await overdue.getByTestId('work-item-status').filter({ hasText: 'Overdue' }).waitFor();
      expect(await overdue.getByTestId('work-item-agency').textContent()).toBe('To Industrial and Commercial Bank of China');
      expect(await text(inv.page, 'work-queue-summary')).toMatch(/items? waiting/);
      expect(await axeViolations(inv.page, '[data-testid="work-queue"]')).toEqual([]);
      await screenshot(inv.page, 'work-queue-investigator-en');

      // Items are links in the tab order, with a visible focus ring; Enter opens the task on its force's board.
      const taskLink = task.getByTestId('work-item-link');
      expect(await tabTo(inv.page, taskLink)).toBe(true);
      expect(await taskLink.evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).outlineStyle)).not.toBe('none');
      await inv.page.keyboard.press('Enter');
      await inv.page.waitForURL((url) => url.pathname === `/task-forces/${fx.taskForceId}` && url.hash === `#task-${fx.taskId}`);
      await inv.page.locator(`#task-${fx.taskId}[data-testid="task-row"]`).waitFor();

      // A new link (the demo ring's cases share clues with Shanghai's) opens the case's links, and is read once opened.
      await inv.page.goto('/');
      const links = group(inv.page, 'LINK_HIT');
      await links.waitFor();
      const before = Number(await links.getAttribute('data-count'));
      const hit = links.getByTestId('work-item-link').first();
      const caseId = ((await hit.getAttribute('href')) ?? '').match(/^\/cases\/([0-9a-f-]{36})#links$/)?.[1];
      expect(caseId).toBeDefined();
      await hit.click();
      await inv.page.waitForURL((url) => url.pathname === `/cases/${caseId}` && url.hash === '#links');
      await inv.page.locator('#links[data-testid="links"][data-loaded="true"]').waitFor();
      // Scrolled to, though it is rendered after the page (lib/scroll-to-hash.ts).
      const top = (await inv.page.locator('#links').boundingBox())?.y ?? -1;
      expect(top).toBeGreaterThan(-2);
      expect(top).toBeLessThan(200);
      await screenshot(inv.page, 'work-queue-link-opened');
      await inv.page.goto('/');
      await inv.page.locator(`[data-testid="work-group"][data-kind="LINK_HIT"][data-count="${before - 1}"]`).waitFor();
    } finally {
      await inv.context.close();
    }
  }, TEST_MS);

  test("a bank's freeze to answer leaves its home, and the investigator's, live once answered from another context", async () => {
    const inv = await signedIn(GD);
    const bank = await signedIn(ICBC);
    const answering = await signedIn(ICBC);
    try {
      const overdue = item(inv.page, 'REQUEST_OVERDUE', fx.requestId);
      await overdue.waitFor();
      await waitLive(inv.page);
      await mark(inv.page);

      // --- ICBC's liaison: the freeze to answer, soonest deadline first ---
      const toAnswer = item(bank.page, 'REQUEST_TO_ANSWER', fx.requestId);
      await toAnswer.waitFor();
      expect(await toAnswer.getAttribute('data-colour')).toBe('RED');
      expect(await toAnswer.getByTestId('work-item-agency').textContent()).toContain('来自 广东省公安厅');
      expect(await toAnswer.getByTestId('work-item-amount').textContent()).toContain('80,000.00');
      expect(await toAnswer.getByTestId('work-item-link').getAttribute('href')).toBe(`/requests/${fx.requestId}`);
      expect(await axeViolations(bank.page, '[data-testid="work-queue"]')).toEqual([]);
      await screenshot(bank.page, 'work-queue-bank-zh');
      await switchLanguage(bank.page, 'en');
      await toAnswer.getByTestId('work-item-agency').filter({ hasText: 'From ' }).waitFor();
      await screenshot(bank.page, 'work-queue-bank-en');
      await waitLive(bank.page);
      await mark(bank.page);

      // --- Answered from another context: it leaves both homes without a reload ---
      await answering.page.goto(`/requests/${fx.requestId}`);
      await answering.page.getByTestId('acknowledge').click();
      await answering.page.locator('[data-testid="request-page"][data-state="ACKNOWLEDGED"]').waitFor();
      const answer = answering.page.getByTestId('answer-freeze');
      await answer.getByTestId('outcome-FROZEN').check();
      await answer.locator('input[name="amountHeld"]').fill('80000.00');
      await answer.getByTestId('answer-submit').click();
      await answering.page.locator('[data-testid="request-page"][data-state="FROZEN"]').waitFor();

      await toAnswer.waitFor({ state: 'detached', timeout: LIVE_MS });
      expect(await stillMarked(bank.page)).toBe(true);
      await screenshot(bank.page, 'work-queue-bank-answered-en');
      await overdue.waitFor({ state: 'detached', timeout: LIVE_MS });
      expect(await stillMarked(inv.page)).toBe(true);
    } finally {
      await Promise.all([inv.context.close(), bank.context.close(), answering.context.close()]);
    }
  }, TEST_MS);
});
