import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_SECOND_FACTORS } from '@caselink/demo-data';
import { axeViolations, launchBrowser, login, newPage, screenshot, switchLanguage } from './support';

/**
 * The sign-in pages of issue 12 pass axe-core's WCAG 2 A/AA rules in both languages and work from the keyboard:
 * the log-in page, the second step, the account page with an authenticator app being added, and the lock screen.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('sign-in pages are accessible', () => {
  test('log-in page and second step, by keyboard, in Chinese and English', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login');
      expect(await axeViolations(page)).toEqual([]);
      await switchLanguage(page, 'en');
      expect(await axeViolations(page)).toEqual([]);
      // Keyboard only: e-mail, password, Enter.
      await page.locator('input[name="email"]').focus();
      await page.keyboard.type(DEMO_SECOND_FACTORS.passkey.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByTestId('second-step').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'second-step-passkey-en');
    } finally {
      await context.close();
    }
  });

  test('account page with an authenticator app being added, and the lock screen', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'investigator@fj.demo');
      await page.goto('/account');
      await page.getByTestId('factors').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('add-totp').click();
      await page.getByTestId('totp-start').click();
      await page.getByTestId('totp-qr').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // The session locks (as the idle timer would); the next page load shows the lock screen, not the log-in form.
      await page.evaluate(async () => {
        await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { lockSession }' }) });
      });
      await page.reload();
      await page.getByTestId('lock-screen').waitFor();
      expect(await axeViolations(page, '[data-testid="lock-screen"]')).toEqual([]);
      // Focus starts in the password field: type and press Enter.
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
      await page.getByTestId('factors').waitFor();
    } finally {
      await context.close();
    }
  });

  test("admins' pages: users with factor status and sign-in policy, agencies with the national switches", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin@gd.demo');
      await page.goto('/admin/users');
      await page.getByTestId('user-row-investigator@gd.demo').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'admin-users-sign-in');
    } finally {
      await context.close();
    }
    const national = await newPage(browser);
    try {
      await login(national.page, 'admin@national.demo');
      await national.page.goto('/admin/agencies');
      await national.page.locator('table').first().waitFor();
      expect(await axeViolations(national.page)).toEqual([]);
      await screenshot(national.page, 'admin-agencies-sign-in');
    } finally {
      await national.context.close();
    }
  });
});
