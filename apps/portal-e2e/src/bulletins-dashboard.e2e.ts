import type { Browser } from 'playwright-core';
import { gqlAs, launchBrowser, login, newPage, screenshot, switchLanguage, text, uniqueSuffix } from './support';

/**
 * Bulletins and the supervisor dashboard. Guangdong's supervisor publishes a warning to banks and to Fujian's police,
 * watching the demo mule card; ICBC's liaison reads it, Shaanxi's police (not addressed) cannot, and Guangdong's
 * investigator sees the hit on the case that holds the card. The dashboard shows the supervisor's figures as charts
 * and drills down to the case list.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const GD_SUPERVISOR = 'supervisor@gd.demo';
const GD = 'investigator@gd.demo';
const ICBC = 'liaison@icbc.demo';
const SN = 'investigator@sn.demo';
const MULE = '6217002430001234567';
const FJ_AGENCY = '福建省公安厅';

describe('bulletins', () => {
  test('a supervisor publishes a warning; addressed agencies read it, others do not, and the matching case shows the hit', async () => {
    const title = `“高收益理财”APP 预警 ${uniqueSuffix()}`;
    let bulletinId = '';
    const sup = await newPage(browser);
    try {
      await login(sup.page, GD_SUPERVISOR);
      await sup.page.getByTestId('nav-bulletins').click();
      await sup.page.getByTestId('bulletins-page').waitFor();
      await sup.page.getByTestId('new-bulletin').click();
      await sup.page.getByTestId('bulletin-form').waitFor();
      await sup.page.getByTestId('bulletin-title-input').fill(title);
      await sup.page.getByTestId('bulletin-body-input').fill('近期多地出现冒充“理财导师”诱导下载虚假APP的案件，请关注以下收款账户。');
      await sup.page.getByTestId('bulletin-recipient-kinds').getByLabel('全部银行').check();
      await sup.page.getByTestId('bulletin-recipient-agencies').getByLabel(FJ_AGENCY).check();
      const row = sup.page.getByTestId('bulletin-identifier-row').first();
      await row.getByTestId('bulletin-identifier-kind').selectOption('BANK_CARD');
      await row.getByTestId('bulletin-identifier-value').fill(MULE);
      await screenshot(sup.page, 'bulletins-publish');
      await sup.page.getByTestId('bulletin-publish').click();
      await sup.page.getByTestId('bulletin-page').waitFor();
      bulletinId = (await sup.page.getByTestId('bulletin-page').getAttribute('data-bulletin-id')) ?? sup.page.url().split('/').pop() ?? '';
      expect(await text(sup.page, 'bulletin-title')).toContain(title);
      await screenshot(sup.page, 'bulletins-published');
    } finally {
      await sup.context.close();
    }

    // ICBC (a bank: addressed by kind) reads it in its list.
    const bank = await newPage(browser);
    try {
      await login(bank.page, ICBC);
      await bank.page.getByTestId('nav-bulletins').click();
      const row = bank.page.getByTestId('bulletin-row').filter({ hasText: title });
      await row.waitFor({ timeout: 30_000 });
      await row.getByTestId('bulletin-link').click();
      await bank.page.getByTestId('bulletin-page').waitFor();
      expect(await text(bank.page, 'bulletin-identifiers')).toContain(MULE);
      await screenshot(bank.page, 'bulletins-bank');
      await switchLanguage(bank.page, 'en');
      await bank.page.getByTestId('bulletin-identifiers').waitFor();
      await screenshot(bank.page, 'bulletins-bank-en');
    } finally {
      await bank.context.close();
    }

    // Shaanxi's police were not addressed: not in their list.
    const sn = await gqlAs<{ bulletins: { edges: { node: { title: string } }[] } }>(SN, 'query SnBulletins { bulletins(first: 100) { edges { node { title } } } }');
    expect(sn.bulletins.edges.map((e) => e.node.title)).not.toContain(title);

    // Guangdong's case holding the mule card shows the hit (the worker matches at publication).
    const found = await gqlAs<{ cases: { edges: { node: { id: string; caseNumber: string } }[] } }>(
      GD, 'query BulletinDemoCase($f: CaseFilter) { cases(first: 20, filter: $f) { edges { node { id caseNumber } } } }', { f: { search: '高收益理财' } },
    );
    const caseId = found.cases.edges.find((e) => e.node.caseNumber === '440000-2026-D00001')?.node.id;
    const gd = await newPage(browser);
    try {
      await login(gd.page, GD);
      for (let i = 0; i < 20; i++) {
        await gd.page.goto(`/cases/${caseId}`);
        await gd.page.getByTestId('case-page').waitFor();
        if (await gd.page.locator(`[data-testid="case-bulletin-hit"][data-bulletin-id="${bulletinId}"]`).count()) break;
        await gd.page.waitForTimeout(1000);
      }
      await gd.page.locator(`[data-testid="case-bulletin-hit"][data-bulletin-id="${bulletinId}"]`).waitFor();
      await gd.page.getByTestId('case-bulletin-hits').scrollIntoViewIfNeeded();
      await screenshot(gd.page, 'bulletins-case-hit');
    } finally {
      await gd.context.close();
    }
  });
});

describe('supervisor dashboard', () => {
  test('the supervisor reads the figures as charts and drills down to the cases', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, GD_SUPERVISOR);
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('dashboard-page').waitFor();
      for (const id of ['kpi-open-cases', 'kpi-loss', 'kpi-held', 'kpi-freeze-rate', 'kpi-answer-time', 'kpi-overdue-requests', 'kpi-overdue-tasks']) {
        await page.getByTestId(id).waitFor();
      }
      await page.getByTestId('dashboard-provinces').locator('svg').first().waitFor();
      await page.getByTestId('dashboard-requests').waitFor();
      await screenshot(page, 'dashboard');
      await switchLanguage(page, 'en');
      await page.getByTestId('dashboard-provinces').locator('svg').first().waitFor();
      await screenshot(page, 'dashboard-en');

      // Drill-down: a province's bar opens the case list filtered to it.
      const drill = page.getByTestId('chart-province-drill').first();
      await drill.click();
      await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.has('province'));
      await page.locator('[data-testid="cases-total"], [data-testid="cases-empty"]').first().waitFor();
      await screenshot(page, 'dashboard-drill-cases');
    } finally {
      await context.close();
    }

    // Banks have no dashboard.
    const bank = await newPage(browser);
    try {
      await login(bank.page, ICBC);
      expect(await bank.page.getByTestId('nav-dashboard').count()).toBe(0);
    } finally {
      await bank.context.close();
    }
  });
});
