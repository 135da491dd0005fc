import { LOGIN_POLICY } from '@caselink/domain';
import type { Browser, Page } from 'playwright-core';
import { LOGIN_ERRORS } from './expected';
import { launchBrowser, login, logout, newPage, screenshot, submitLogin, text, uniqueSuffix } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const NEW_PASSWORD = 'E2e-Password-2026!';

async function openUsers(page: Page) {
  await login(page, 'admin@gd.demo');
  await page.getByTestId('link-users').click();
  await page.waitForURL((url) => url.pathname === '/admin/users');
  // Either the list or its error arrives; an error fails here with its text instead of a timeout.
  await page.locator('[data-testid="users-error"], [data-testid^="user-row-"]').first().waitFor();
  expect(await page.getByTestId('users-error').allTextContents()).toEqual([]);
  await page.getByTestId('user-row-investigator@gd.demo').waitFor();
}

async function createUser(page: Page, email: string, displayName: string, role: string) {
  const form = page.getByTestId('create-user-form');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="displayName"]').fill(displayName);
  await form.locator('input[name="password"]').fill(NEW_PASSWORD);
  await form.locator(`input[name="roles"][value="${role}"]`).check();
  await page.getByTestId('create-user-submit').click();
  await page.getByTestId(`user-row-${email}`).waitFor();
}

describe('agency administration of users', () => {
  test('an ADMIN creates a user, who can then log in', async () => {
    const email = `e2e-${uniqueSuffix()}@gd.demo`;
    const { context, page } = await newPage(browser);
    try {
      await openUsers(page);
      // Own agency only: Guangdong users, no Beijing ones.
      expect(await page.getByTestId('user-row-admin@bj.demo').count()).toBe(0);

      // What each role may do, read from the access table: full personal data for investigators, not analysts.
      const personal = page.getByTestId('capability-victimPersonalData');
      await personal.scrollIntoViewIfNeeded();
      expect(await personal.locator('td[data-role="INVESTIGATOR"]').getAttribute('data-allowed')).toBe('true');
      expect(await personal.locator('td[data-role="ANALYST"]').getAttribute('data-allowed')).toBe('false');
      expect(await page.getByTestId('capability-shareCase').locator('td[data-role="SUPERVISOR"]').getAttribute('data-allowed')).toBe('true');
      expect(await page.getByTestId('capability-shareCase').locator('td[data-role="INVESTIGATOR"]').getAttribute('data-allowed')).toBe('false');
      await screenshot(page, 'admin-users-role-capabilities');

      // Empty submit: every field explains itself without a round trip.
      await page.getByTestId('create-user-submit').click();
      expect(await text(page, 'error-email')).toBe('必填。');
      expect(await text(page, 'error-displayName')).toBe('必填。');
      expect(await text(page, 'error-password')).toBe(`至少需要 ${LOGIN_POLICY.minPasswordLength} 个字符。`);
      expect(await text(page, 'error-roles')).toBe('请至少选择一个角色。');
      await screenshot(page, 'admin-users-errors');

      await createUser(page, email, 'E2E 测试员', 'INVESTIGATOR');
      expect(await text(page, 'users-notice')).toBe(`已创建用户 ${email}。`);
      expect(await page.getByTestId(`user-row-${email}`).textContent()).toContain('侦查员');
      await screenshot(page, 'admin-users-created');

      // The same email again is refused by the api and shown at the email field.
      await createUser(page, 'investigator@gd.demo', 'Duplicate', 'ANALYST').catch(() => undefined);
      await page.getByTestId('error-email').waitFor();
      expect(await text(page, 'error-email')).not.toBe('');

      await logout(page);
      await login(page, email, NEW_PASSWORD);
      expect(await text(page, 'agency-name')).toBe('广东省公安厅');
      expect(await page.getByTestId('panel-INVESTIGATOR').count()).toBe(1);
      // An investigator has no business in user administration.
      await page.goto('/admin/users');
      await page.getByTestId('forbidden').waitFor();
    } finally {
      await context.close();
    }
  });

  test('a deactivated user is told so at login, and a reactivated one gets back in', async () => {
    const email = `e2e-off-${uniqueSuffix()}@gd.demo`;
    const { context, page } = await newPage(browser);
    try {
      await openUsers(page);
      await createUser(page, email, 'E2E 停用测试', 'ANALYST');
      const row = page.getByTestId(`user-row-${email}`);
      await row.getByRole('button', { name: '停用' }).click();
      await row.locator('.status-off').waitFor();
      expect(await row.locator('.status').textContent()).toBe('已停用');
      await screenshot(page, 'admin-users-deactivated');
      await logout(page);

      await submitLogin(page, email, NEW_PASSWORD);
      await page.getByTestId('login-error').waitFor();
      expect(await text(page, 'login-error')).toBe(LOGIN_ERRORS.inactive['zh-CN']);

      await login(page, 'admin@gd.demo');
      await page.goto('/admin/users');
      await page.getByTestId(`user-row-${email}`).getByRole('button', { name: '恢复' }).click();
      await page.getByTestId(`user-row-${email}`).locator('.status-ok').waitFor();
      await logout(page);
      await login(page, email, NEW_PASSWORD);
      expect(await page.getByTestId('panel-ANALYST').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  test('repeated wrong passwords lock the account and the login page says until when', async () => {
    const email = `e2e-lock-${uniqueSuffix()}@gd.demo`;
    const { context, page } = await newPage(browser);
    try {
      await openUsers(page);
      await createUser(page, email, 'E2E 锁定测试', 'ANALYST');
      await logout(page);

      for (let attempt = 1; attempt <= LOGIN_POLICY.maxFailedAttempts; attempt++) {
        await submitLogin(page, email, `wrong-password-${attempt}`);
        // Each answer replaces the previous one; wait for the form to be usable again before retrying.
        await page.getByTestId('login-error').waitFor();
        await page.locator('[data-testid="login-submit"]:not([disabled])').waitFor();
      }
      await submitLogin(page, email, NEW_PASSWORD);
      await page.getByTestId('login-error').filter({ hasText: LOGIN_ERRORS.lockedPrefix['zh-CN'] }).waitFor();
      expect(await text(page, 'login-error')).toMatch(/账号已锁定，请于 .+ 之后再试。$/);
      await screenshot(page, 'login-locked-zh');
    } finally {
      await context.close();
    }
  });
});
