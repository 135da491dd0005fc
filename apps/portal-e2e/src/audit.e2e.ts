import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot, switchLanguage, text } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('audit trail', () => {
  test('an AUDITOR reads the trail and the hash chain verifies', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'auditor@gd.demo');
      await page.getByTestId('link-audit').click();
      await page.waitForURL((url) => url.pathname === '/audit');
      // The auditor's own login is on record.
      await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
      expect(await page.getByTestId('audit-table').locator('tbody').textContent()).toContain('LOGIN');
      expect(await text(page, 'audit-total')).toMatch(/^共 \d+ 条$/);

      await page.getByTestId('verify-chain').click();
      await page.getByTestId('verify-result').waitFor();
      expect(await text(page, 'verify-result')).toMatch(/^哈希链完整：已核验 \d+ 条记录。$/);
      await screenshot(page, 'audit-verified-zh');

      await switchLanguage(page, 'en');
      await page.getByTestId('verify-chain').filter({ hasText: 'Verify chain' }).waitFor();
      await page.getByTestId('verify-chain').click();
      await page.getByTestId('verify-result').filter({ hasText: 'Chain intact' }).waitFor();
      expect(await text(page, 'verify-result')).toMatch(/^Chain intact: \d+ events? checked\.$/);

      // Filtering by action narrows the trail to that action.
      await page.getByTestId('audit-filter').selectOption('LOGIN');
      // The filtered page replaces the unfiltered one when it arrives: until then other actions show.
      await page.getByTestId('audit-table').locator('tbody .audit-code').filter({ hasNotText: /^\s*LOGIN\s*$/ }).first().waitFor({ state: 'detached' });
      await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
      // Each row names the action in the page's language, with its code beside it.
      const actions = (await page.getByTestId('audit-table').locator('tbody tr td:nth-child(4) .audit-code').allTextContents()).map((a) => a.trim());
      expect(actions.length).toBeGreaterThan(0);
      expect(new Set(actions)).toEqual(new Set(['LOGIN']));
      await screenshot(page, 'audit-en');
    } finally {
      await context.close();
    }
  });

  test('an investigator is refused the audit page', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'investigator@gd.demo');
      expect(await page.getByRole('link', { name: '审计日志' }).count()).toBe(0);
      await page.goto('/audit');
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('forbidden').locator('h1').textContent()).toBe('无权访问');
    } finally {
      await context.close();
    }
  });
});
