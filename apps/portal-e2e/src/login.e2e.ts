import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '@caselink/demo-data';
import { LOGIN_ERRORS } from './expected';
import { launchBrowser, login, newPage, screenshot, submitLogin, switchLanguage, text } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('login page', () => {
  test('a wrong password shows a clear error in both languages, then the right one works', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login');
      expect(await page.locator('h1').textContent()).toBe('登录');
      await screenshot(page, 'login-zh');

      await submitLogin(page, 'analyst@gd.demo', 'not-the-password-1');
      await page.getByTestId('login-error').waitFor();
      expect(await text(page, 'login-error')).toBe(LOGIN_ERRORS.invalid['zh-CN']);
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'login-wrong-password-zh');

      await switchLanguage(page, 'en');
      expect(await page.locator('h1').textContent()).toBe('Log in');
      await submitLogin(page, 'analyst@gd.demo', 'still-not-the-password');
      await page.getByTestId('login-error').filter({ hasText: LOGIN_ERRORS.invalid.en }).waitFor();
      expect(await text(page, 'login-error')).toBe(LOGIN_ERRORS.invalid.en);
      await screenshot(page, 'login-wrong-password-en');

      // A success resets the failed-attempt count, so reruns never lock the demo account.
      await login(page, 'analyst@gd.demo');
      expect(new URL(page.url()).pathname).toBe('/');
    } finally {
      await context.close();
    }
  });

  test('an unknown email gets the same message as a wrong password', async () => {
    const { context, page } = await newPage(browser);
    try {
      await submitLogin(page, 'nobody@nowhere.demo', 'whatever-password-1');
      await page.getByTestId('login-error').waitFor();
      expect(await text(page, 'login-error')).toBe(LOGIN_ERRORS.invalid['zh-CN']);
    } finally {
      await context.close();
    }
  });

  test('a signed-out visitor of a protected page returns there after logging in', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/audit');
      await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/audit');
      await submitLogin(page, 'auditor@gd.demo', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/audit');
      await page.getByTestId('audit-table').waitFor();
    } finally {
      await context.close();
    }
  });
});
