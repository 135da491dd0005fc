import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { gqlAs, launchBrowser, login, newPage, screenshot, switchLanguage, text } from './support';

/**
 * Risk signals and alerts (tools/seed/demo-withdrawals.md): China Merchants Bank uploads a day of ATM withdrawals in
 * Hangzhou; 22,000.50 CNY from one account crosses the 20,000 CNY daily threshold, so an alert lands with Zhejiang's
 * police (the region where the money left) and becomes a lead on Guangdong's case 440000-2026-D00002, into which
 * the victim paid that account. Guangdong's investigator follows it from the case; Fujian's police do not see it.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const CMB = 'liaison@cmb.demo';
const ZJ = 'investigator@zj.demo';
const GD = 'investigator@gd.demo';
const FJ = 'investigator@fj.demo';
const CASE_NUMBER = '440000-2026-D00002';
const CSV = readFileSync(path.join(__dirname, '../../../tools/seed/demo-withdrawals.csv'));

describe('risk alerts', () => {
  test('a bank uploads withdrawals; the alert lands with the right police and links to the case', async () => {
    // The bank's reporting desk: upload, progress to DONE, the alert raised from its signals (no lead shown to it).
    const bank = await newPage(browser);
    let alertId = '';
    try {
      await login(bank.page, CMB);
      await bank.page.getByTestId('nav-alerts').click();
      await bank.page.getByTestId('reporter-desk').waitFor();
      await bank.page.getByTestId('signal-upload-file').setInputFiles({ name: 'withdrawals.csv', mimeType: 'text/csv', buffer: CSV });
      await bank.page.getByTestId('signal-upload-submit').click();
      await bank.page.locator('[data-testid="signal-upload-progress"][data-status="DONE"]').waitFor({ timeout: 30_000 });
      expect(await text(bank.page, 'signal-upload-accepted')).toContain('5');
      const row = bank.page.locator('[data-testid="reporter-alerts"] [data-testid="alert-row"][data-rule="CASH_WITHDRAWAL_DAILY"]').first();
      await row.waitFor({ timeout: 30_000 });
      alertId = (await row.getAttribute('data-alert-id')) ?? '';
      expect(await row.getByTestId('alert-figure').textContent()).toMatch(/22,000\.50/);
      await screenshot(bank.page, 'alerts-bank-upload');
    } finally {
      await bank.context.close();
    }

    // Zhejiang's police: the alert is in their inbox, with a lead on Guangdong's case they cannot open.
    const zj = await newPage(browser);
    try {
      await login(zj.page, ZJ);
      await zj.page.getByTestId('nav-alerts').click();
      await zj.page.getByTestId('alerts-inbox').waitFor();
      const row = zj.page.locator(`[data-testid="alert-row"][data-alert-id="${alertId}"]`);
      await row.waitFor({ timeout: 30_000 });
      expect(await row.getAttribute('data-status')).toBe('NEW');
      expect(Number(await row.getByTestId('alert-lead-count').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      await screenshot(zj.page, 'alerts-police-inbox');
      await row.getByTestId('alert-link').click();
      await zj.page.getByTestId('alert-page').waitFor();
      // Not Zhejiang's to read: the lead tells who holds a matching case and on what, not which case.
      const lead = zj.page.locator('[data-testid="alert-lead"][data-can-open="false"]').first();
      await lead.waitFor();
      expect(await lead.getByTestId('alert-lead-owner').textContent()).toContain('广东省公安厅');
      await lead.getByTestId('alert-lead-closed').waitFor();
      expect(await lead.getAttribute('data-case-id')).toBeNull();
      expect(await zj.page.getByTestId('alert-leads').textContent()).not.toContain(CASE_NUMBER);
      await zj.page.getByTestId('alert-acknowledge').click();
      await zj.page.locator('[data-testid="alert-page"][data-status="ACKNOWLEDGED"]').waitFor();
      await screenshot(zj.page, 'alerts-police-alert');
      await switchLanguage(zj.page, 'en');
      await zj.page.getByTestId('alert-leads').waitFor();
      await screenshot(zj.page, 'alerts-police-alert-en');
    } finally {
      await zj.context.close();
    }

    // Guangdong's investigator owns the case: the lead shows on the case page and leads to the alert and back.
    const found = await gqlAs<{ cases: { edges: { node: { id: string; caseNumber: string } }[] } }>(
      GD, 'query AlertsDemoCase($f: CaseFilter) { cases(first: 20, filter: $f) { edges { node { id caseNumber } } } }', { f: { search: '电商客服' } },
    );
    const caseId = found.cases.edges.find((e) => e.node.caseNumber === CASE_NUMBER)?.node.id;
    expect(caseId).toBeTruthy();
    const gd = await newPage(browser);
    try {
      await login(gd.page, GD);
      await gd.page.goto(`/cases/${caseId}`);
      await gd.page.getByTestId('case-page').waitFor();
      const lead = gd.page.locator(`[data-testid="case-alert-lead"][data-alert-id="${alertId}"]`);
      await lead.waitFor({ timeout: 30_000 });
      await gd.page.getByTestId('case-alert-leads').scrollIntoViewIfNeeded();
      await screenshot(gd.page, 'alerts-case-lead');
      await lead.getByTestId('case-alert-link').click();
      await gd.page.getByTestId('alert-page').waitFor();
      const back = gd.page.locator(`[data-testid="alert-lead"][data-case-id="${caseId}"]`);
      expect(await back.getAttribute('data-can-open')).toBe('true');
      await back.getByTestId('alert-lead-link').click();
      await gd.page.waitForURL((url) => url.pathname === `/cases/${caseId}`);
    } finally {
      await gd.context.close();
    }

    // Fujian's police (another region, no case of theirs involved) do not see it.
    const fjAlerts = await gqlAs<{ alerts: { edges: { node: { id: string } }[] } }>(FJ, 'query AlertsFj { alerts(first: 100) { edges { node { id } } } }');
    expect(fjAlerts.alerts.edges.map((e) => e.node.id)).not.toContain(alertId);
  });
});
