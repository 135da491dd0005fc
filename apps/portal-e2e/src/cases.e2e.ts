import type { Browser, Page } from 'playwright-core';
import { gqlAs, launchBrowser, login, newPage, screenshot, switchLanguage, text, uniqueSuffix } from './support';

/**
 * The cases capability end to end: Guangdong records a case with a statement and its payment trail, shares it
 * with Beijing as CONTRIBUTE; Beijing finds it in /cases and adds a statement from a Beijing victim; Guangdong
 * then sees both statements and the summed loss. Banks never reach cases; a bad clue is refused inline.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const GD = 'investigator@gd.demo';
/** Shares and access decisions are a supervisor's call (access table). */
const GD_SUPERVISOR = 'supervisor@gd.demo';
const BJ = 'investigator@bj.demo';
const BJ_AGENCY = '北京市公安局';

/** Valid checksums (GB 11643 ID number, Luhn bank cards), as in the api's own tests. */
const GD_VICTIM = { name: '陈美玲', idNumber: '11010519491231002X', phone: '13812345678', age: '52' };
const TRANSFER = { from: '6222021234567890128', to: '6217002430001234567', bank: '中国建设银行', amount: '38000.25' };
const GD_LOSS = '38000.25';
const BJ_LOSS = '12000.50';
/** 38000.25 + 12000.50, in the format zh-CN uses for CNY. */
const SUM_ZH = '¥50,000.75';

/** A case page, not /cases/new. */
const isCasePage = (url: URL) => /^\/cases\/[^/]+$/.test(url.pathname) && url.pathname !== '/cases/new';

function datetimeLocal(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

async function openCaseFromList(page: Page, title: string): Promise<void> {
  await page.getByTestId('nav-cases').click();
  await page.waitForURL((url) => url.pathname === '/cases');
  await page.locator('#case-search').fill(title);
  await page.getByTestId('apply-filters').click();
  const row = page.getByTestId('case-row').filter({ hasText: title });
  await row.waitFor();
  await row.getByTestId('case-link').click();
  await page.waitForURL(isCasePage);
  await page.getByTestId('case-title').filter({ hasText: title }).waitFor();
}

async function waitForStatements(page: Page, count: number): Promise<void> {
  await page.locator(`[data-testid="statement-count"]:text-is("${count}")`).waitFor();
}

describe('cases', () => {
  test('Guangdong records and shares a case; Beijing contributes; Guangdong sees the summed loss', async () => {
    const title = `E2E 虚假投资App案 ${uniqueSuffix()}`;
    let caseUrl = '';

    // --- Guangdong records the case ---
    const gd = await newPage(browser);
    try {
      const page = gd.page;
      await login(page, GD);
      await page.getByTestId('link-cases').click();
      await page.waitForURL((url) => url.pathname === '/cases');
      await page.getByTestId('cases-table').waitFor();
      await page.getByTestId('new-case').click();
      await page.waitForURL((url) => url.pathname === '/cases/new');

      // Required fields are checked before any round trip.
      await page.getByTestId('create-case-submit').click();
      await page.getByTestId('error-title').waitFor();
      await page.getByTestId('error-fraudType').waitFor();
      await screenshot(page, 'cases-new-errors');

      await page.locator('input[name="title"]').fill(title);
      // Reported yesterday: the api judges "not in the future" by the UTC date, which trails Beijing time
      // by a day between 00:00 and 08:00 there.
      await page.locator('input[name="reportedOn"]').fill(datetimeLocal(new Date(Date.now() - 86_400_000)).slice(0, 10));
      await page.locator('select[name="fraudType"]').selectOption('INVESTMENT');
      await page.locator('textarea[name="description"]').fill('受害人通过“汇盈”App 购买虚假理财产品。');
      // Guangdong is pre-ticked; Beijing is involved too.
      expect(await page.locator('input[name="provinces"][value="44"]').isChecked()).toBe(true);
      await page.locator('input[name="provinces"][value="11"]').check();
      await page.getByTestId('create-case-submit').click();
      await page.waitForURL(isCasePage);
      caseUrl = new URL(page.url()).pathname;
      await page.getByTestId('case-notice').waitFor();
      expect(await text(page, 'case-title')).toBe(title);
      expect(await text(page, 'case-number')).not.toBe('');
      expect(await page.getByTestId('case-summary').getByTestId('viewer-access').getAttribute('data-access')).toBe('OWNER');
      expect(await page.getByTestId('case-summary').getByTestId('case-status').getAttribute('data-status')).toBe('REPORTED');

      // A statement with one transfer.
      await page.getByTestId('add-statement').click();
      await page.waitForURL((url) => url.pathname.endsWith('/statements/new'));
      await page.getByTestId('statement-form').waitFor();
      await page.locator('input[name="victim.name"]').fill(GD_VICTIM.name);
      await page.locator('input[name="victim.idNumber"]').fill(GD_VICTIM.idNumber);
      await page.locator('input[name="victim.phone"]').fill(GD_VICTIM.phone);
      await page.locator('input[name="victim.age"]').fill(GD_VICTIM.age);
      await page.locator('select[name="victim.gender"]').selectOption('F');
      await page.locator('input[name="place"]').fill('广州市天河区天河南派出所');
      await page.locator('textarea[name="narrative"]').fill('受害人在微信群中被拉入“汇盈”投资群，按“导师”指示下载App并转账，随后无法提现。');
      await page.getByTestId('add-transfer').click();
      await page.locator('input[name="transfers.0.fromAccount"]').fill(TRANSFER.from);
      await page.locator('input[name="transfers.0.toAccount"]').fill(TRANSFER.to);
      await page.locator('input[name="transfers.0.bank"]').fill(TRANSFER.bank);
      await page.locator('input[name="transfers.0.amount"]').fill(TRANSFER.amount);
      await page.locator('input[name="transfers.0.occurredAt"]').fill(datetimeLocal(new Date(Date.now() - 2 * 86_400_000)));
      // The form offers the transfers' total as the reported loss.
      await page.getByTestId('transfers-total').getByRole('button').click();
      expect(await page.locator('input[name="reportedLoss"]').inputValue()).toBe(GD_LOSS);
      await screenshot(page, 'cases-statement-form');
      await page.getByTestId('statement-submit').click();
      await page.waitForURL((url) => url.pathname === caseUrl);
      await waitForStatements(page, 1);
      expect(await page.getByTestId('transfer-row').count()).toBe(1);
      expect(await text(page, 'victim-id-number')).toContain('*');
      // The owner may see the full personal data, on purpose (audited).
      await page.getByTestId('reveal-personal-data').click();
      await page.locator(`[data-testid="victim-id-number"]:text-is("${GD_VICTIM.idNumber}")`).waitFor();

      // A clue the api cannot normalise is refused inline with its reason; a good one is added.
      await page.locator('#clue-kind').selectOption('PHONE');
      await page.locator('#clue-value').fill('12ab');
      await page.getByTestId('add-identifier-submit').click();
      await page.getByTestId('error-value').waitFor();
      expect((await text(page, 'error-value')).length).toBeGreaterThan(3);
      await screenshot(page, 'cases-identifier-invalid');
      const before = await page.getByTestId('identifier-row').count();
      await page.locator('#clue-value').fill('13900001111');
      await page.getByTestId('add-identifier-submit').click();
      await page.getByTestId('identifier-row').nth(before).waitFor();
      expect(await page.getByTestId('error-value').count()).toBe(0);

      // Status: REPORTED -> INVESTIGATING.
      await page.getByTestId('status-to-INVESTIGATING').click();
      await page.locator('[data-testid="case-summary"] [data-testid="case-status"][data-status="INVESTIGATING"]').waitFor();
      // The investigator sees the shares, but sharing is the supervisor's call.
      await page.getByTestId('shares').waitFor();
      expect(await page.getByTestId('open-share-dialog').count()).toBe(0);
    } finally {
      await gd.context.close();
    }

    // --- Guangdong's supervisor shares it with Beijing ---
    const gdSupervisor = await newPage(browser);
    try {
      const page = gdSupervisor.page;
      await login(page, GD_SUPERVISOR);
      await page.goto(caseUrl);
      // Share with Beijing as CONTRIBUTE, usable in court.
      await page.getByTestId('open-share-dialog').click();
      await page.getByTestId('share-dialog').waitFor();
      const agency = page.getByTestId('share-agency');
      await agency.locator('option', { hasText: BJ_AGENCY }).waitFor({ state: 'attached' });
      // The own agency is not offered.
      expect(await agency.locator('option', { hasText: '广东省公安厅' }).count()).toBe(0);
      const bjValue = await agency.locator('option', { hasText: BJ_AGENCY }).getAttribute('value');
      await agency.selectOption(bjValue ?? '');
      await page.getByTestId('share-access-CONTRIBUTE').check();
      await page.getByTestId('share-mayUseInCourt').check();
      await screenshot(page, 'cases-share-dialog');
      await page.getByTestId('share-submit').click();
      await page.getByTestId('shares-notice').waitFor();
      const shareRow = page.getByTestId('share-row').filter({ hasText: BJ_AGENCY });
      expect(await shareRow.getByTestId('viewer-access').getAttribute('data-access')).toBe('CONTRIBUTE');
      await screenshot(page, 'cases-owner-view');
    } finally {
      await gdSupervisor.context.close();
    }

    // --- Beijing finds the case in /cases and adds a statement from a Beijing victim ---
    const bj = await newPage(browser);
    try {
      const page = bj.page;
      await login(page, BJ);
      await page.getByTestId('nav-cases').click();
      await page.waitForURL((url) => url.pathname === '/cases');
      const row = page.getByTestId('case-row').filter({ hasText: title });
      await row.waitFor();
      expect(await row.getByTestId('viewer-access').getAttribute('data-access')).toBe('CONTRIBUTE');
      await screenshot(page, 'cases-list-beijing');
      await row.getByTestId('case-link').click();
      await page.waitForURL((url) => url.pathname === caseUrl);
      await page.getByTestId('handling-banner').waitFor();
      expect(await page.getByTestId('handling-banner').textContent()).toContain('可作为诉讼证据');
      expect(await page.getByTestId('handling-banner').textContent()).toContain('不得转交');
      // Not the owner: no status changes, no shares section.
      expect(await page.getByTestId('status-actions').count()).toBe(0);
      expect(await page.getByTestId('shares').count()).toBe(0);
      await screenshot(page, 'cases-beijing-view');

      await page.getByTestId('add-statement').click();
      await page.getByTestId('statement-form').waitFor();
      await page.locator('input[name="victim.name"]').fill('刘建国');
      await page.locator('input[name="victim.phone"]').fill('13900002222');
      await page.locator('select[name="victim.province"]').selectOption('11');
      await page.locator('input[name="place"]').fill('北京市朝阳区望京派出所');
      await page.locator('select[name="province"]').selectOption('11');
      await page.locator('textarea[name="narrative"]').fill('受害人经同一“汇盈”投资群介绍入金，后平台关闭。');
      // A bad amount is caught inline before saving.
      await page.locator('input[name="reportedLoss"]').fill('12000.505');
      await page.getByTestId('statement-submit').click();
      await page.getByTestId('error-reportedLoss').waitFor();
      await page.locator('input[name="reportedLoss"]').fill(BJ_LOSS);
      await page.getByTestId('statement-submit').click();
      await page.waitForURL((url) => url.pathname === caseUrl);
      await waitForStatements(page, 2);
    } finally {
      await bj.context.close();
    }

    // --- Guangdong sees both statements and the summed loss ---
    const gd2 = await newPage(browser);
    try {
      const page = gd2.page;
      await login(page, GD);
      await openCaseFromList(page, title);
      await waitForStatements(page, 2);
      expect(await text(page, 'case-total-loss')).toBe(SUM_ZH);
      const statements = page.getByTestId('statement');
      expect(await statements.nth(1).getByTestId('statement-taken').textContent()).toContain(BJ_AGENCY);
      expect(await text(page, 'case-victim-count')).toContain('2');
      await screenshot(page, 'cases-owner-two-statements');

      await page.goto(`/cases?q=${encodeURIComponent(title)}`);
      const row = page.getByTestId('case-row').filter({ hasText: title });
      await row.waitFor();
      expect(await row.getByTestId('case-total-loss').textContent()).toBe(SUM_ZH);
      await screenshot(page, 'cases-list-guangdong');

      await switchLanguage(page, 'en');
      await row.locator('[data-testid="case-status"]', { hasText: 'Investigating' }).waitFor();
      expect(await row.getByTestId('case-total-loss').textContent()).toBe('CN¥50,000.75');
      await screenshot(page, 'cases-list-guangdong-en');
    } finally {
      await gd2.context.close();
    }
  }, 180_000);

  test('Fujian asks for access; Guangdong approves READ from the inbox; Fujian reads with personal data masked', async () => {
    const suffix = uniqueSuffix();
    const title = `E2E 冒充客服案 ${suffix}`;
    const reason = `E2E 串并线索相同 ${suffix}`;
    const created = await gqlAs<{ createCase: { id: string } }>(
      GD,
      'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }',
      { i: { title, fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-01-15', provinces: ['44'] } },
    );
    const caseId = created.createCase.id;
    await gqlAs(GD, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
      i: {
        caseId, takenAt: new Date().toISOString(), place: '深圳市南山区派出所', province: '44', narrative: '自称电商客服称需办理退款。',
        reportedLoss: '9999.99', victim: { name: '黄小明', idNumber: GD_VICTIM.idNumber, phone: '13700001234' }, transfers: [],
      },
    });
    await gqlAs('investigator@fj.demo', 'mutation($i: RequestAccessInput!) { requestAccess(input: $i) { id } }', { i: { caseId, reason } });

    const gd = await newPage(browser);
    try {
      const page = gd.page;
      await login(page, GD_SUPERVISOR);
      // The top bar counts pending incoming requests.
      await page.getByTestId('pending-requests-count').waitFor();
      expect(Number(await text(page, 'pending-requests-count'))).toBeGreaterThanOrEqual(1);
      await page.getByTestId('nav-access-requests').click();
      await page.waitForURL((url) => url.pathname === '/access-requests');
      const row = page.getByTestId('request-row').filter({ hasText: reason });
      await row.waitFor();
      expect(await row.textContent()).toContain('福建省公安厅');
      await row.getByTestId('decide-note').fill('同意只读，请勿转交');
      await screenshot(page, 'cases-access-inbox');
      await row.getByTestId('approve').click();
      await row.locator('[data-testid="request-status"][data-status="APPROVED"]').waitFor();
    } finally {
      await gd.context.close();
    }

    const fj = await newPage(browser);
    try {
      const page = fj.page;
      await login(page, 'investigator@fj.demo');
      await page.getByTestId('nav-access-requests').click();
      await page.getByTestId('tab-OUTGOING').click();
      await page.getByTestId('request-status-filter').selectOption('');
      const row = page.getByTestId('request-row').filter({ hasText: reason });
      await row.locator('[data-testid="request-status"][data-status="APPROVED"]').waitFor();
      expect(await row.textContent()).toContain('同意只读');
      await screenshot(page, 'cases-access-outgoing');

      await row.getByRole('link').click();
      await page.waitForURL((url) => url.pathname === `/cases/${caseId}`);
      await page.getByTestId('case-title').filter({ hasText: title }).waitFor();
      expect(await page.getByTestId('case-summary').getByTestId('viewer-access').getAttribute('data-access')).toBe('READ');
      expect(await text(page, 'victim-id-number')).toContain('*');
      expect(await page.getByTestId('reveal-personal-data').count()).toBe(0);
      expect(await page.getByTestId('add-statement').count()).toBe(0);
      expect(await page.getByTestId('add-identifier-form').count()).toBe(0);
      await screenshot(page, 'cases-read-only');
    } finally {
      await fj.context.close();
    }
  }, 120_000);

  test('a bank liaison cannot reach cases and is told why', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'liaison@icbc.demo');
      expect(await page.getByTestId('nav-cases').count()).toBe(0);
      expect(await page.getByTestId('link-cases').count()).toBe(0);
      await page.goto('/cases');
      await page.getByTestId('cases-not-for-agency').waitFor();
      expect(await text(page, 'cases-not-for-agency')).toBe('案件功能不对本机构开放');
      expect(await page.getByTestId('forbidden').textContent()).toContain('中国工商银行');
      await screenshot(page, 'cases-bank-denied');
    } finally {
      await context.close();
    }
  });
});
