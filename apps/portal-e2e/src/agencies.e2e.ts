import type { Browser } from 'playwright-core';
import { DEMO_AGENCIES } from '@caselink/demo-data';
import { launchBrowser, login, logout, newPage, screenshot, text, uniqueSuffix } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('agency administration (national admin only)', () => {
  test('the national admin lists agencies and creates one whose admin can log in', async () => {
    const suffix = uniqueSuffix();
    const name = `E2E测试银行${suffix}`;
    const nameEn = `E2E Test Bank ${suffix}`;
    const adminEmail = `e2e-admin-${suffix}@bank.demo`;
    const password = 'E2e-Agency-Admin-2026';
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin@national.demo');
      await page.getByTestId('link-agencies').click();
      await page.waitForURL((url) => url.pathname === '/admin/agencies');
      const table = page.getByTestId('agencies-table');
      await table.locator('tbody tr').first().waitFor();
      const listed = await table.locator('tbody').textContent();
      for (const agency of DEMO_AGENCIES) expect(listed).toContain(agency.name);

      const form = page.getByTestId('create-agency-form');
      await form.locator('input[name="name"]').fill(name);
      await form.locator('input[name="nameEn"]').fill(nameEn);
      await form.locator('select[name="kind"]').selectOption('BANK');
      await form.locator('input[name="region"]').fill('440000');
      await form.locator('input[name="adminEmail"]').fill(adminEmail);
      await form.locator('input[name="adminDisplayName"]').fill('E2E 银行管理员');
      await form.locator('input[name="adminPassword"]').fill(password);
      await page.getByTestId('create-agency-submit').click();
      await page.getByTestId('agencies-notice').waitFor();
      expect(await text(page, 'agencies-notice')).toBe(`已创建机构 ${name}，管理员为 ${adminEmail}。`);
      expect(await table.locator('tbody').textContent()).toContain(nameEn);
      await screenshot(page, 'admin-agencies');

      await logout(page);
      await login(page, adminEmail, password);
      expect(await text(page, 'agency-name')).toBe(name);
      expect(await text(page, 'agency-kind')).toContain('银行');
      expect(await page.getByTestId('panel-ADMIN').count()).toBe(1);
      // Not a coordinating agency: no agency administration.
      expect(await page.getByTestId('link-agencies').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a provincial admin is refused the agencies page', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin@gd.demo');
      expect(await page.getByTestId('link-agencies').count()).toBe(0);
      await page.goto('/admin/agencies');
      await page.getByTestId('forbidden').waitFor();
    } finally {
      await context.close();
    }
  });
});
