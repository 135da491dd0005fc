import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@caselink/demo-data';
import { gqlAs, launchBrowser, login, luhnCard, newPage, portalFetch, PORTAL_URL, screenshot, switchLanguage, text, uniqueSuffix } from './support';

/**
 * Requests between agencies end to end, with both sides logged in at once in their own browser contexts:
 * - Guangdong sends an emergency stop to ICBC from a clue on the case page (a bad account comes back at its field);
 *   ICBC's liaison sees it arrive in the inbox without reloading, acknowledges, and answers PARTIALLY_FROZEN with
 *   two downstream transfers; the investigator's request page turns to the answer by itself; the fund trace from
 *   the victim's transfer now runs on to the two new accounts, and a follow-up freeze to China Merchants Bank
 *   goes out from the trace's last-seen table, prefilled.
 * - A subscriber look-up to China Mobile answered COMPLETED with the subscriber's details (English).
 * - A cooperation request to the Cambodian police carrying one of the case's two evidence files: the partner
 *   sees and downloads that one only, moves the request on, and the investigator sees the partner's message live.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const GD = 'investigator@gd.demo';
const ICBC = 'liaison@icbc.demo';
const CMCC = 'liaison@cmcc.demo';
const KH = 'liaison@kh.demo';
/** Pushed changes should show within a few seconds; generous for a loaded CI machine. */
const LIVE_MS = 20_000;


const mobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function tokenOf(email: string): Promise<string> {
  const response = await portalFetch(`${PORTAL_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', variables: { i: { email, password: DEMO_PASSWORD } } }),
  });
  const body = (await response.json()) as { data: { login: { accessToken: string } } };
  return body.data.login.accessToken;
}

interface Fixture {
  caseId: string;
  caseNumber: string;
  card: string;
  transferId: string;
  phone: string;
}

/** A fresh Guangdong case: a victim paid 50,000 into a fresh ICBC card; a phone clue; two evidence files. */
async function createCase(): Promise<Fixture & { files: { id: string; fileName: string }[] }> {
  const suffix = uniqueSuffix();
  const card = luhnCard('622202');
  const phone = mobile();
  const created = await gqlAs<{ createCase: { id: string; caseNumber: string } }>(GD, 'mutation RqCase($i: CreateCaseInput!) { createCase(input: $i) { id caseNumber } }', {
    i: { title: `E2E 冒充客服退款诈骗 ${suffix}`, fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-02-03', provinces: ['44'], sensitivity: 'NORMAL' },
  });
  const caseId = created.createCase.id;
  const statement = await gqlAs<{ addStatement: { transfers: { id: string }[] } }>(GD, 'mutation RqStatement($i: AddStatementInput!) { addStatement(input: $i) { id transfers { id } } }', {
    i: {
      caseId, takenAt: new Date(Date.now() - 86_400_000).toISOString(), place: '深圳市公安局南山分局', province: '44',
      narrative: '自称快递客服以退款为由诱导被害人向“安全账户”转账。', reportedLoss: '50000.00', victim: { name: '测试被害人' },
      transfers: [{ fromAccount: luhnCard('621700'), toAccount: card, bank: '中国工商银行', amount: '50000.00', occurredAt: new Date(Date.now() - 2 * 3600_000).toISOString(), channel: 'BANK_TRANSFER' }],
    },
  });
  await gqlAs(GD, 'mutation RqClue($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId, kind: 'PHONE', value: phone, note: '诈骗来电' } });
  const token = await tokenOf(GD);
  const files: { id: string; fileName: string }[] = [];
  for (const [name, content] of [[`通话录音摘要-${suffix}.txt`, '2026-02-01 14:02 来电 …'], [`内部研判报告-${suffix}.txt`, '仅限本单位']] as const) {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'text/plain' }), name);
    const response = await portalFetch(`${PORTAL_URL}/api/cases/${caseId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
    const a = (await response.json()) as { id: string; fileName: string };
    files.push({ id: a.id, fileName: a.fileName });
  }
  return { caseId, caseNumber: created.createCase.caseNumber, card, transferId: statement.addStatement.transfers[0].id, phone, files };
}

/** Logs a user in in a context of their own (both sides stay signed in at once). */
async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const s = await newPage(browser);
  await login(s.page, email);
  return s;
}

/** Marks the page so a test can tell it was not reloaded (a reload drops the mark). */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { __e2eMark: number }).__e2eMark = 1));
}
async function stillMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as { __e2eMark?: number }).__e2eMark === 1);
}

async function waitLive(page: Page): Promise<void> {
  await page.locator('[data-testid="live-status"][data-status="open"]').first().waitFor({ timeout: LIVE_MS });
}

const row = (page: Page, reference: string): Locator => page.locator(`[data-testid="request-row"][data-reference="${reference}"]`);
const requestState = (page: Page, state: string): Locator => page.locator(`[data-testid="request-page"][data-state="${state}"]`);

describe('requests between agencies', () => {
  test('emergency stop: sent from the case, live in the bank inbox, answered with downstream transfers, traced on, followed up from the trace', async () => {
    const fx = await createCase();
    const inv = await signedIn(GD);
    const bank = await signedIn(ICBC);
    try {
      // The bank's home is its inbox; it listens before anything is sent.
      await bank.page.getByTestId('home-inbox').waitFor();
      await waitLive(bank.page);
      await mark(bank.page);

      // --- Guangdong: from the card clue to a prefilled emergency stop ---
      await inv.page.goto(`/cases/${fx.caseId}`);
      await inv.page.locator('[data-testid="case-requests"][data-loaded]').waitFor();
      await inv.page.getByTestId('case-requests-empty').waitFor();
      const clue = inv.page.getByTestId('identifier-row').filter({ hasText: fx.card }).first();
      await clue.getByTestId('identifier-freeze').click();
      await inv.page.waitForURL((url) => url.pathname === `/cases/${fx.caseId}/requests/new`);
      const form = inv.page.getByTestId('freeze-form');
      await form.waitFor();
      await inv.page.getByTestId('freeze-prefill').waitFor();
      expect(await form.locator('input[name="account"]').inputValue()).toBe(fx.card);
      expect(await form.locator('input[name="amount"]').inputValue()).toBe('50000.00');
      expect(await form.locator('input[name="bankName"]').inputValue()).toBe('中国工商银行');
      // The bank of the payment trail is chosen among the banks to address.
      await inv.page.locator('select[name="bankAgencyId"]:not([disabled])').waitFor();
      const chosenBank = await form.locator('select[name="bankAgencyId"] option:checked').textContent();
      expect(chosenBank).toContain('中国工商银行');
      expect(await form.getByTestId('kind-EMERGENCY_STOP').isChecked()).toBe(true);
      expect(await form.getByTestId('urgency-URGENT').isChecked()).toBe(true);
      await inv.page.locator('[data-testid="deadline-hint"][data-minutes="30"]').waitFor();

      // Checked before sending: the legal document is required.
      await inv.page.getByTestId('request-send').click();
      await inv.page.getByTestId('error-legalBasisDoc').waitFor();
      // A bad account comes back from the api at its field (BAD_USER_INPUT, input.account).
      await form.locator('input[name="legalBasisDoc"]').fill(`粤公（刑）止字〔2026〕${uniqueSuffix()}号`);
      await form.locator('input[name="account"]').fill('12ab');
      await inv.page.getByTestId('request-send').click();
      await inv.page.getByTestId('error-account').waitFor();
      expect(await inv.page.getByTestId('error-legalBasisDoc').count()).toBe(0);
      await inv.page.getByTestId('request-form-error').waitFor();
      await screenshot(inv.page, 'requests-freeze-form-errors');

      await form.locator('input[name="account"]').fill(fx.card);
      await inv.page.getByTestId('request-send').click();
      await inv.page.waitForURL((url) => url.pathname.startsWith('/requests/'));
      await inv.page.getByTestId('request-notice').waitFor();
      await requestState(inv.page, 'SENT').waitFor();
      const reference = await text(inv.page, 'request-reference');
      expect(reference).toMatch(/\S+/);
      await waitLive(inv.page);
      await mark(inv.page);
      await screenshot(inv.page, 'requests-freeze-sent');

      // --- ICBC: it arrives in the open inbox, unread, urgent, with a green clock; no reload ---
      const arrived = row(bank.page, reference);
      await arrived.waitFor({ timeout: LIVE_MS });
      expect(await stillMarked(bank.page)).toBe(true);
      expect(await arrived.getAttribute('data-unread')).toBe('true');
      expect(await arrived.getByTestId('urgency').getAttribute('data-urgency')).toBe('URGENT');
      expect(await arrived.getByTestId('deadline').getAttribute('data-colour')).toBe('GREEN');
      expect(await arrived.getByTestId('request-account').textContent()).toBe(fx.card);
      // The bank sees the case number and fraud type, never the case.
      expect(await arrived.getByTestId('request-case-number').textContent()).toBe(fx.caseNumber);
      expect(Number(await bank.page.getByTestId('requests-unread-count').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      await screenshot(bank.page, 'requests-bank-inbox-live');

      await arrived.getByTestId('request-link').click();
      await bank.page.waitForURL((url) => url.pathname.startsWith('/requests/'));
      await requestState(bank.page, 'SENT').waitFor();
      expect(await bank.page.getByTestId('request-case').locator('a').count()).toBe(0);
      await bank.page.getByTestId('acknowledge').click();
      await requestState(bank.page, 'ACKNOWLEDGED').waitFor();
      // The investigator's page follows by itself.
      await requestState(inv.page, 'ACKNOWLEDGED').waitFor({ timeout: LIVE_MS });

      // --- ICBC answers: 20,000 held, the rest went to two accounts ---
      const toCmb = luhnCard('621483');
      const toCcb = luhnCard('621700');
      const answer = bank.page.getByTestId('answer-freeze');
      await answer.getByTestId('outcome-PARTIALLY_FROZEN').check();
      await answer.locator('input[name="amountHeld"]').fill('20000.00');
      await answer.locator('input[name="balance"]').fill('20000.00');
      await answer.getByTestId('add-downstream').click();
      await answer.getByTestId('add-downstream').click();
      await answer.locator('input[name="downstream.0.toAccount"]').fill(toCmb);
      await answer.locator('input[name="downstream.0.bank"]').fill('招商银行');
      await answer.locator('input[name="downstream.0.amount"]').fill('18000.00');
      await answer.locator('input[name="downstream.1.toAccount"]').fill(toCcb);
      await answer.locator('input[name="downstream.1.bank"]').fill('中国建设银行');
      await answer.locator('input[name="downstream.1.amount"]').fill('12000.00');
      await answer.locator('textarea[name="reason"]').fill('款项已于到账后 40 分钟内分两笔转出，余款已冻结。');
      await screenshot(bank.page, 'requests-bank-answer-form');
      await answer.getByTestId('answer-submit').click();
      await requestState(bank.page, 'PARTIALLY_FROZEN').waitFor();
      await bank.page.getByTestId('request-answer').waitFor();
      expect(await bank.page.getByTestId('downstream-row').count()).toBe(2);
      await screenshot(bank.page, 'requests-bank-answered');

      // --- Guangdong: the answer shows on the open page, without reload ---
      await requestState(inv.page, 'PARTIALLY_FROZEN').waitFor({ timeout: LIVE_MS });
      expect(await stillMarked(inv.page)).toBe(true);
      await inv.page.getByTestId('request-updated').waitFor();
      expect(await inv.page.getByTestId('downstream-row').count()).toBe(2);
      expect(await text(inv.page, 'answer-amount-held')).toContain('20,000.00');
      await inv.page.locator('[data-testid="timeline-event"][data-to-state="PARTIALLY_FROZEN"]').waitFor();
      await inv.page.getByTestId('trace-from-here').waitFor();
      await screenshot(inv.page, 'requests-answer-live');

      // --- The trace from the victim's transfer now runs on to both accounts ---
      await inv.page.getByTestId('trace-from-here').click();
      await inv.page.waitForURL((url) => url.pathname === `/cases/${fx.caseId}/trace/${fx.transferId}`);
      await inv.page.locator('[data-testid="fund-graph"][data-ready]').waitFor({ timeout: 20_000 });
      const cmbRow = inv.page.locator(`[data-testid="last-seen-row"][data-account="${toCmb}"]`);
      const ccbRow = inv.page.locator(`[data-testid="last-seen-row"][data-account="${toCcb}"]`);
      await cmbRow.waitFor();
      await ccbRow.waitFor();
      // The frozen card shows its request instead of a second freeze button.
      await inv.page.locator(`[data-testid="last-seen-row"][data-account="${fx.card}"] [data-testid="freeze-sent"]`).waitFor();
      await inv.page.getByTestId('last-seen').scrollIntoViewIfNeeded();
      await screenshot(inv.page, 'requests-trace-after-answer');

      // --- A follow-up emergency stop from the last-seen table, prefilled ---
      await cmbRow.getByTestId('freeze-request').click();
      await inv.page.waitForURL((url) => url.pathname === `/cases/${fx.caseId}/requests/new`);
      const followUp = inv.page.getByTestId('freeze-form');
      await followUp.waitFor();
      expect(new URL(inv.page.url()).searchParams.get('sourceTransferId')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await followUp.locator('input[name="account"]').inputValue()).toBe(toCmb);
      expect(await followUp.locator('input[name="amount"]').inputValue()).toBe('18000.00');
      await inv.page.locator('select[name="bankAgencyId"]:not([disabled])').waitFor();
      expect(await followUp.locator('select[name="bankAgencyId"] option:checked').textContent()).toContain('招商银行');
      expect(await followUp.getByTestId('kind-EMERGENCY_STOP').isChecked()).toBe(true);
      expect(await followUp.getByTestId('urgency-URGENT').isChecked()).toBe(true);
      await followUp.locator('input[name="legalBasisDoc"]').fill(`粤公（刑）止字〔2026〕${uniqueSuffix()}号`);
      await screenshot(inv.page, 'requests-follow-up-form');
      await inv.page.getByTestId('request-send').click();
      await inv.page.waitForURL((url) => url.pathname.startsWith('/requests/'));
      await requestState(inv.page, 'SENT').waitFor();
      expect(await inv.page.getByTestId('request-account').textContent()).toContain(toCmb);

      // The case lists both requests.
      await inv.page.goto(`/cases/${fx.caseId}`);
      await inv.page.locator('[data-testid="case-requests"][data-loaded]').waitFor();
      await inv.page.locator('[data-testid="case-requests-count"]:text-is("2")').waitFor();
      await inv.page.getByTestId('case-requests').scrollIntoViewIfNeeded();
      await screenshot(inv.page, 'requests-case-panel');

      // The bank's own inbox shows the answered request read and its clock stopped.
      await bank.page.goto('/requests');
      const done = row(bank.page, reference);
      await done.waitFor();
      expect(await done.getAttribute('data-state')).toBe('PARTIALLY_FROZEN');
      expect(await done.getByTestId('deadline').getAttribute('data-colour')).toBe('NONE');
      await screenshot(bank.page, 'requests-bank-inbox');
    } finally {
      await inv.context.close();
      await bank.context.close();
    }
  }, 180_000);

  test('telecom: a subscriber look-up answered COMPLETED with the subscriber (English)', async () => {
    const fx = await createCase();
    const inv = await signedIn(GD);
    const telecom = await signedIn(CMCC);
    try {
      await switchLanguage(inv.page, 'en');
      await switchLanguage(telecom.page, 'en');
      await telecom.page.goto('/requests');
      await waitLive(telecom.page);

      await inv.page.goto(`/cases/${fx.caseId}`);
      const clue = inv.page.getByTestId('identifier-row').filter({ hasText: fx.phone.slice(-8) }).first();
      await clue.getByTestId('identifier-telecom').click();
      const form = inv.page.getByTestId('telecom-form');
      await form.waitFor();
      expect(await form.locator('select[name="targetKind"]').inputValue()).toBe('PHONE');
      expect(await form.locator('input[name="targetValue"]').inputValue()).toContain(fx.phone.slice(-8));
      expect(await form.getByTestId('kind-SUBSCRIBER_INFO').isChecked()).toBe(true);
      await inv.page.locator('select[name="telecomAgencyId"]:not([disabled])').waitFor();
      await form.locator('select[name="telecomAgencyId"]').selectOption({ label: 'China Mobile · Beijing' });
      await form.locator('input[name="legalBasisDoc"]').fill(`GD-PSB assistance ${uniqueSuffix()}`);
      await screenshot(inv.page, 'requests-telecom-form-en');
      // Saved as a draft first (the telecom sees nothing yet), then sent from the request page.
      await inv.page.getByTestId('request-save-draft').click();
      await inv.page.waitForURL((url) => url.pathname.startsWith('/requests/'));
      await requestState(inv.page, 'DRAFT').waitFor();
      await inv.page.getByTestId('request-notice').waitFor();
      expect(await inv.page.getByTestId('message-form').count()).toBe(0);
      await inv.page.getByTestId('send-draft').click();
      await requestState(inv.page, 'SENT').waitFor();
      const reference = await text(inv.page, 'request-reference');
      await waitLive(inv.page);

      const arrived = row(telecom.page, reference);
      await arrived.waitFor({ timeout: LIVE_MS });
      expect(await arrived.getByTestId('request-target').textContent()).toContain(fx.phone.slice(-8));
      await arrived.getByTestId('request-link').click();
      const answer = telecom.page.getByTestId('answer-telecom');
      await answer.waitFor();
      await answer.getByTestId('outcome-COMPLETED').check();
      await answer.locator('input[name="subscriber.name"]').fill('王小明');
      await answer.locator('input[name="subscriber.idNumber"]').fill('11010519491231002X');
      await answer.locator('input[name="subscriber.address"]').fill('广东省深圳市南山区科技园 1 号');
      await answer.locator('input[name="subscriber.registeredOn"]').fill('2025-11-03');
      await answer.locator('input[name="subscriber.note"]').fill('Registered at a Shenzhen shop with a prepaid plan');
      await screenshot(telecom.page, 'requests-telecom-answer-form-en');
      await answer.getByTestId('answer-submit').click();
      await requestState(telecom.page, 'COMPLETED').waitFor();
      // Answered and read: nothing left unread for China Mobile from this request.
      expect(await telecom.page.getByTestId('request-updated').count()).toBe(0);

      await requestState(inv.page, 'COMPLETED').waitFor({ timeout: LIVE_MS });
      await inv.page.getByTestId('answer-subscriber').waitFor();
      expect(await text(inv.page, 'subscriber-name')).toBe('王小明');
      expect(await text(inv.page, 'answer-outcome')).toBe('Done');
      await screenshot(inv.page, 'requests-telecom-answered-en');
    } finally {
      await inv.context.close();
      await telecom.context.close();
    }
  }, 120_000);

  test('cooperation: one of two evidence files goes to the Cambodian police, who see and download only that one', async () => {
    const fx = await createCase();
    const [shared, kept] = fx.files;
    const inv = await signedIn(GD);
    const partner = await signedIn(KH);
    try {
      await switchLanguage(partner.page, 'en');
      await partner.page.getByTestId('home-inbox').waitFor();
      await waitLive(partner.page);

      await inv.page.goto(`/cases/${fx.caseId}`);
      await inv.page.getByTestId('new-cooperation-request').click();
      const form = inv.page.getByTestId('cooperation-form');
      await form.waitFor();
      await inv.page.locator('select[name="partnerAgencyId"]:not([disabled])').waitFor();
      await form.locator('select[name="partnerAgencyId"]').selectOption({ label: '柬埔寨国家警察总署 · 柬埔寨' });
      await form.locator('select[name="kind"]').selectOption('INVESTIGATIVE_ASSISTANCE');
      await form.locator('select[name="legalBasis"]').selectOption('MUTUAL_LEGAL_ASSISTANCE');
      await form.locator('input[name="legalBasisDoc"]').fill(`MLA-GD-2026-${uniqueSuffix()}`);
      // Summary left empty: refused before sending.
      await inv.page.getByTestId('request-send').click();
      await inv.page.getByTestId('error-summary').waitFor();
      await form.locator('textarea[name="summary"]').fill('请协助查找在西哈努克港某园区内操作“客服退款”话术的人员，并提供其入境记录。');
      await form.getByTestId('add-subject').click();
      await form.locator('input[name="subjects.0.name"]').fill('LIM Chan (林灿)');
      await form.locator('input[name="subjects.0.note"]').fill('话务组长，中国籍');
      await form.getByTestId('add-subject-identifier').click();
      await form.locator('select[name="subjects.0.identifiers.0.kind"]').selectOption('PHONE');
      await form.locator('input[name="subjects.0.identifiers.0.value"]').fill('+855 12 345 678');
      const sharedRow = form.locator(`[data-testid="cooperation-attachment-row"][data-attachment-id="${shared.id}"]`);
      await sharedRow.getByTestId('attachment-include').check();
      await sharedRow.getByTestId('handling-mayUseInCourt').check();
      expect(await sharedRow.getByTestId('handling-mustAskBeforeActing').isChecked()).toBe(true);
      await form.locator('[data-testid="chosen-attachments-count"]:text-is("1")').waitFor();
      await screenshot(inv.page, 'requests-cooperation-form');
      await inv.page.getByTestId('request-send').click();
      await inv.page.waitForURL((url) => url.pathname.startsWith('/requests/'));
      await requestState(inv.page, 'SENT').waitFor();
      const reference = await text(inv.page, 'request-reference');
      await waitLive(inv.page);
      await mark(inv.page);

      // --- The partner: live in the inbox; the one file, with its handling code ---
      const arrived = row(partner.page, reference);
      await arrived.waitFor({ timeout: LIVE_MS });
      await arrived.getByTestId('request-link').click();
      await requestState(partner.page, 'SENT').waitFor();
      const files = partner.page.getByTestId('request-attachment-row');
      expect(await files.count()).toBe(1);
      expect(await text(partner.page, 'request-attachment-name')).toBe(shared.fileName);
      expect(await partner.page.getByTestId('request-details').textContent()).not.toContain(kept.fileName);
      expect(await partner.page.getByTestId('attachment-handling').textContent()).toContain('May be used in court');
      expect(await partner.page.getByTestId('request-subject').textContent()).toContain('LIM Chan');
      const [download] = await Promise.all([partner.page.waitForEvent('download'), partner.page.getByTestId('request-attachment-download').click()]);
      expect(download.suggestedFilename()).toBe(shared.fileName);
      const saved = await download.path();
      expect(saved && readFileSync(saved, 'utf8')).toBe('2026-02-01 14:02 来电 …');

      await partner.page.getByTestId('acknowledge').click();
      await requestState(partner.page, 'ACKNOWLEDGED').waitFor();
      await partner.page.getByTestId('partner-IN_PROGRESS').check();
      await partner.page.locator('textarea[name="note"]').fill('Team dispatched to Sihanoukville; entry records requested from immigration.');
      await partner.page.getByTestId('partner-submit').click();
      await requestState(partner.page, 'IN_PROGRESS').waitFor();
      await partner.page.getByTestId('message-body').fill('Please send the call recordings if you have them.');
      await partner.page.getByTestId('message-send').click();
      await partner.page.locator('[data-testid="timeline-event"][data-kind="MESSAGE"]').waitFor();
      await screenshot(partner.page, 'requests-cooperation-partner-en');

      // --- Guangdong sees the progress and the message without reload ---
      await requestState(inv.page, 'IN_PROGRESS').waitFor({ timeout: LIVE_MS });
      await inv.page.locator('[data-testid="timeline-event"][data-kind="MESSAGE"]').waitFor({ timeout: LIVE_MS });
      expect(await stillMarked(inv.page)).toBe(true);
      await inv.page.getByTestId('message-body').fill('录音已整理，稍后作为补充材料发送。');
      await inv.page.getByTestId('message-send').click();
      await inv.page.locator('[data-testid="timeline-event"][data-kind="MESSAGE"]').nth(1).waitFor();
      await screenshot(inv.page, 'requests-cooperation-sender');
    } finally {
      await inv.context.close();
      await partner.context.close();
    }
  }, 150_000);

  test('the notification bell opens the latest notifications; the inbox refuses nobody it should not', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, GD);
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-menu').waitFor();
      await page.locator('[data-testid="notification-menu"] .bell-list, [data-testid="notification-menu"] .bell-empty').first().waitFor();
      await screenshot(page, 'requests-notification-bell');
      await page.getByTestId('notifications-all').click();
      await page.waitForURL((url) => url.pathname === '/notifications');
      await page.getByTestId('notification-list').waitFor();
      await screenshot(page, 'requests-notifications-page');
      // Outgoing is the investigator's default tab.
      await page.getByTestId('nav-requests').click();
      await page.locator('[data-testid="inbox"][data-direction="OUTGOING"]').waitFor();
    } finally {
      await context.close();
    }
    // An auditor has no request pages.
    const auditor = await newPage(browser);
    try {
      await login(auditor.page, 'auditor@gd.demo');
      expect(await auditor.page.getByTestId('nav-requests').count()).toBe(0);
      await auditor.page.goto('/requests');
      await auditor.page.getByTestId('forbidden').waitFor();
    } finally {
      await auditor.context.close();
    }
  });
});
