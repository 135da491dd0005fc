import type { Browser } from 'playwright-core';
import { DEMO_USERS, type DemoUser } from '@caselink/demo-data';
import { KIND_LABEL, LOGOUT_LABEL, WELCOME, agencyName, panelTitle, regionLabel } from './expected';
import { agencyOf, launchBrowser, login, logout, newPage, screenshot, switchLanguage, text, type UiLocale } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function expectHome(page: import('playwright-core').Page, user: DemoUser, locale: UiLocale) {
  const agency = agencyOf(user);
  // The language switch re-renders in place, so wait for the translated agency name before reading the rest.
  await page.getByTestId('agency-name').filter({ hasText: agencyName(agency, locale) }).waitFor();
  expect(await text(page, 'agency-name')).toBe(agencyName(agency, locale));
  expect(await text(page, 'welcome')).toBe(WELCOME[locale](user.displayName));
  expect(await text(page, 'agency-region')).toBe(regionLabel(agency.region, locale));
  expect(await text(page, 'agency-kind')).toContain(KIND_LABEL[agency.kind][locale]);
  expect(await text(page, 'logout')).toBe(LOGOUT_LABEL[locale]);
  expect(await page.getByTestId('agency-badge').textContent()).toContain(agencyName(agency, locale));
  for (const role of user.roles) {
    expect(await page.getByTestId(`panel-${role}`).locator('h2').textContent()).toBe(panelTitle(role, agency, locale));
  }
  // Only the user's own roles get a panel.
  expect(await page.locator('[data-testid^="panel-"]').count()).toBe(user.roles.length);
}

describe('every demo user sees their home page in Chinese and English', () => {
  // The demo users with a second factor log in through it in demo-factors.e2e.ts.
  test.each(DEMO_USERS.filter((u) => !u.secondFactor).map((u) => [u.email, u] as const))('%s', async (_email, user) => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/');
      await page.waitForURL((url) => url.pathname === '/login');

      await login(page, user.email);
      await expectHome(page, user, 'zh-CN');
      const shot = `home-${user.email.replace(/[@.]/g, '_')}`;
      await screenshot(page, `${shot}-zh`);

      await switchLanguage(page, 'en');
      await expectHome(page, user, 'en');
      await screenshot(page, `${shot}-en`);

      // The choice survives a reload (NEXT_LOCALE cookie) and so does the session (refresh cookie).
      await page.reload();
      await page.getByTestId('welcome').waitFor();
      await expectHome(page, user, 'en');

      await switchLanguage(page, 'zh-CN');
      await expectHome(page, user, 'zh-CN');

      await logout(page);
      // Logged out for real: the refresh cookie no longer restores a session.
      await page.goto('/');
      await page.waitForURL((url) => url.pathname === '/login');
      expect(await page.getByTestId('logout').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
