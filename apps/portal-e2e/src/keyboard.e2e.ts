/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { axeViolations, gqlAs, launchBrowser, login, newPage, screenshot, switchLanguage } from './support';

/**
 * Issue 16, part 6: the inboxes and forms work from the keyboard, and read in the page's language.
 * - Requests inbox (ICBC): the direction tabs are one tab stop moved with the arrow keys; Tab reaches the rows, Enter
 *   opens one; focus is always visible; the counts are live regions.
 * - Alerts inbox, bulletins and notifications: rows reached with Tab and opened with Enter; the bell's list opens with
 *   Enter, takes focus, and Escape closes it and gives focus back to the bell.
 * - The share dialog opens from the keyboard and Escape closes it, focus back on its button.
 * - A clue the api refuses with an English-only reason reads in Chinese on the Chinese page and in English on the
 *   English one; times say their zone.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const DEMO_CASE = '440000-2026-D00001';

/** Presses Tab until the focused element matches `selector` (at most `max` times); fails naming what had focus. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`Tab never reached ${selector} (focus on ${at})`);
}

/** The focused element shows a focus ring: an outline at least 2px wide. */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

async function demoCaseId(): Promise<string> {
  const found = await gqlAs<{ cases: { edges: { node: { id: string; caseNumber: string } }[] } }>(
    'supervisor@gd.demo', 'query KbCase($f: CaseFilter) { cases(first: 20, filter: $f) { edges { node { id caseNumber } } } }', { f: { search: '高收益理财' } },
  );
  const id = found.cases.edges.find((e) => e.node.caseNumber === DEMO_CASE)?.node.id;
  if (!id) throw new Error(`demo case ${DEMO_CASE} not found`);
  return id;
}

describe('keyboard use of inboxes and forms', () => {
  test("the requests inbox: arrow keys between the tabs, Tab to a row, Enter opens it; live counts", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'liaison@icbc.demo');
      await page.goto('/requests');
      await page.getByTestId('request-row').first().waitFor();
      // One tab stop: the chosen tab; the arrow keys move and choose.
      expect(await page.getByTestId('tab-INCOMING').getAttribute('tabindex')).toBe('0');
      expect(await page.getByTestId('tab-OUTGOING').getAttribute('tabindex')).toBe('-1');
      await tabTo(page, '[data-testid="tab-INCOMING"]');
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('ArrowRight');
      await page.waitForURL((url) => url.searchParams.get('direction') === 'OUTGOING');
      expect(await focusedTestId(page)).toBe('tab-OUTGOING');
      expect(await page.getByTestId('tab-OUTGOING').getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowLeft');
      await page.waitForURL((url) => url.searchParams.get('direction') === 'INCOMING');
      expect(await focusedTestId(page)).toBe('tab-INCOMING');
      await page.getByTestId('request-row').first().waitFor();
      // The list's counts are announced when they change.
      expect(await page.getByTestId('requests-total').getAttribute('aria-live')).toBe('polite');
      expect(await page.getByTestId('inbox-counts').getAttribute('aria-live')).toBe('polite');
      // Tab reaches a row's link, with a visible focus ring; Enter opens the request.
      await tabTo(page, '[data-testid="request-link"]');
      expect(await focusVisible(page)).toBe(true);
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      await screenshot(page, 'keyboard-requests-inbox');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === href);
      await page.getByTestId('request-page').waitFor();
    } finally {
      await context.close();
    }
  });

  test('alerts, bulletins and notifications: Tab to a row and Enter opens it; the bell opens, Escape closes it', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'investigator@gd.demo');
      for (const [path, link, opened] of [['/alerts', 'alert-link', /^\/alerts\/[0-9a-f-]{36}$/], ['/bulletins', 'bulletin-link', /^\/bulletins\/[0-9a-f-]{36}$/]] as const) {
        await page.goto(path);
        await page.getByTestId(link).first().waitFor();
        await tabTo(page, `[data-testid="${link}"]`);
        expect(await focusVisible(page)).toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => opened.test(url.pathname));
      }

      // The bell: Enter opens the latest notifications and moves focus into them; Escape closes, focus back on the bell.
      await tabTo(page, '[data-testid="notification-bell"]');
      await page.keyboard.press('Enter');
      await page.getByTestId('notification-menu').waitFor();
      expect(await focusedTestId(page)).toBe('notification-menu');
      await page.getByTestId('notification-item').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="notification-menu"]') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      await page.getByTestId('notification-menu').waitFor({ state: 'detached' });
      expect(await focusedTestId(page)).toBe('notification-bell');

      // The notifications page: a row's link by Tab, and each time with its zone.
      await page.goto('/notifications');
      await page.getByTestId('notification-row').first().waitFor();
      expect(await page.getByTestId('notification-row').first().textContent()).toContain('（北京时间）');
      await tabTo(page, '[data-testid="notification-link"]');
      expect(await focusVisible(page)).toBe(true);
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === href);
    } finally {
      await context.close();
    }
  });

  test('the share dialog opens from the keyboard and Escape closes it, focus back on its button', async () => {
    const caseId = await demoCaseId();
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'supervisor@gd.demo');
      await page.goto(`/cases/${caseId}`);
      await page.getByTestId('open-share-dialog').waitFor();
      await tabTo(page, '[data-testid="open-share-dialog"]');
      await page.keyboard.press('Enter');
      await page.getByTestId('share-dialog').waitFor();
      // Focus is inside the dialog (a modal dialog keeps it there).
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="share-dialog"]') !== null)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId('share-dialog').waitFor({ state: 'detached' });
      expect(await focusedTestId(page)).toBe('open-share-dialog');
    } finally {
      await context.close();
    }
  });

  test('a refused clue, typed and sent from the keyboard, reads in the page language only; times say their zone', async () => {
    const caseId = await demoCaseId();
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'investigator@gd.demo');
      await page.goto(`/cases/${caseId}`);
      await page.getByTestId('add-identifier-form').waitFor();
      // The api refuses a 4-digit card number with an English-only reason ("card number must be 12 to 19 digits long").
      await page.locator('#clue-kind').selectOption('BANK_CARD');
      await page.locator('#clue-value').focus();
      await page.keyboard.type('1234');
      await page.keyboard.press('Enter');
      await page.getByTestId('error-value').waitFor();
      const zh = await page.getByTestId('error-value').textContent();
      expect(zh).not.toMatch(/[A-Za-z]/);
      expect(await page.locator('#clue-value').getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      // Every time on the case page says it is Beijing time.
      const summary = await page.getByTestId('case-summary').textContent();
      expect(summary).toContain('（北京时间）');

      await switchLanguage(page, 'en');
      await page.locator('#clue-value').fill('1234');
      await page.locator('#clue-value').press('Enter');
      await page.getByTestId('error-value').filter({ hasText: /card number/ }).waitFor();
      expect(await page.getByTestId('error-value').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
      expect(await page.getByTestId('case-summary').textContent()).toContain('(UTC+8)');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'keyboard-clue-refused-en');
    } finally {
      await context.close();
    }
  });
});
