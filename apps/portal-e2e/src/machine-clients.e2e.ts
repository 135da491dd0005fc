import type { Browser, Page } from 'playwright-core';
import { axeViolations, gqlAs, launchBrowser, login, newPage, PORTAL_URL, screenshot, switchLanguage, text, uniqueSuffix } from './support';

/**
 * Machine clients (issue 16 part 3) as a bank's admin manages them: ICBC's admin creates a client for the bank's own
 * system, sees its secret once, and the system gets a token with it at the api's POST /oauth/token; the admin rotates
 * the secret (the old one keeps working for the grace hours asked, or stops at once with 0) and revokes the client
 * (nothing works any more). A liaison of the bank does not see the page. axe-clean in both languages, with screenshots.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The api itself: the portal does not proxy /oauth/token (a bank's system talks to the api, not to the portal).
 * API_URL when set, else the port the project's scripts pair with the portal's (test.sh 3100 → 4100, start.sh 3000 → 4000).
 */
function apiUrl(): string {
  if (process.env.API_URL) return process.env.API_URL.replace(/\/$/, '');
  const portal = new URL(PORTAL_URL);
  return `http://127.0.0.1:${Number(portal.port || 80) + 1000}`;
}

const ADMIN = 'admin@icbc.demo';
const LIAISON = 'liaison@icbc.demo';
const DEMO_CLIENT_ID = 'mc_1cbc0000000000000000de50';
const PAGE = '/admin/machine-clients';
const NAV = `nav-${PAGE.slice(1)}`;

/** client_credentials with HTTP Basic (RFC 6749 §2.3.1: the id and secret form-encoded first). */
async function tokenWith(clientId: string, secret: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64');
  const response = await fetch(`${apiUrl()}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function openPage(page: Page) {
  await page.getByTestId(NAV).click();
  await page.waitForURL((url) => url.pathname === PAGE);
  // Either the list or its error arrives; an error fails here with its text instead of a timeout.
  await page.locator('[data-testid="mc-error"], [data-testid^="mc-row-"], [data-testid="mc-empty"]').first().waitFor();
  expect(await page.getByTestId('mc-error').allTextContents()).toEqual([]);
}

/** The one-time dialog: the values it shows, once it is open. */
async function readCredentials(page: Page) {
  const dialog = page.getByTestId('mc-credentials');
  await dialog.waitFor();
  return {
    clientId: await text(page, 'mc-credentials-client-id'),
    secret: await text(page, 'mc-credentials-secret'),
    tokenPath: await text(page, 'mc-credentials-token-path'),
  };
}

/** Tab never leaves the open dialog for the page behind it (focus may pass through the browser's own UI: nothing focused). */
async function expectFocusTrapped(page: Page, testId: string, presses = 8) {
  let inside = 0;
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.locator(':focus').count();
    const inDialog = await page.getByTestId(testId).locator(':focus').count();
    expect({ press: i + 1, outside: focused - inDialog }).toEqual({ press: i + 1, outside: 0 });
    inside += inDialog;
  }
  // ...and Tab does move through the dialog's own controls.
  expect(inside).toBeGreaterThan(presses / 2);
}

/** Every message of the page exists in the language shown: no key (or failed ICU message) reaches the screen. */
async function expectNoRawKeys(page: Page) {
  expect((await page.locator('body').innerText()).match(/machineClients\.[\w.]+/g)).toBeNull();
}

async function createClient(page: Page, name: string, roles: string[]) {
  const form = page.getByTestId('mc-create-form');
  await form.locator('input[name="name"]').fill(name);
  for (const role of roles) await form.locator(`input[name="roles"][value="${role}"]`).check();
  await page.getByTestId('mc-create-submit').click();
  return readCredentials(page);
}

async function rotate(page: Page, clientId: string, graceHours: string) {
  await page.getByTestId(`mc-row-${clientId}`).getByTestId('mc-rotate').click();
  const dialog = page.getByTestId('mc-rotate-dialog');
  await dialog.waitFor();
  await dialog.locator('input[name="graceHours"]').fill(graceHours);
  await page.getByTestId('mc-rotate-submit').click();
}

describe('machine clients of a bank (the admin page)', () => {
  test("ICBC's admin creates a client, its system gets a token, the admin rotates and revokes it", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, ADMIN);
      await openPage(page);
      // The seeded demo client of the bank is listed, active, with its id in full and one secret that works.
      const demo = page.getByTestId(`mc-row-${DEMO_CLIENT_ID}`);
      await demo.waitFor();
      expect(await demo.getAttribute('data-active')).toBe('true');
      expect(await text(page, `mc-client-id-${DEMO_CLIENT_ID}`)).toBe(DEMO_CLIENT_ID);
      expect(await demo.getByTestId('mc-status').textContent()).toBe('有效');
      expect(await demo.locator('[data-testid^="mc-secret-"][data-current="true"]').count()).toBeGreaterThanOrEqual(1);

      // A bank's roles without ADMIN; empty submit explains each field without a round trip.
      const form = page.getByTestId('mc-create-form');
      expect(await form.locator('input[name="roles"]').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('value')))).toEqual([
        'LIAISON', 'ANALYST', 'AUDITOR',
      ]);
      await page.getByTestId('mc-create-submit').click();
      expect(await text(page, 'error-name')).toBe('必填。');
      expect(await text(page, 'error-roles')).toBe('请至少选择一个角色。');
      await form.locator('input[name="name"]').fill('长'.repeat(101));
      await page.getByTestId('mc-create-submit').click();
      expect(await text(page, 'error-name')).toBe('不得超过 100 个字符。');
      await expectNoRawKeys(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'machine-clients-zh-CN');

      // Created: the secret once, with the warning; the dialog keeps Tab inside and closes with Escape.
      const name = `E2E 核心系统 ${uniqueSuffix()}`;
      const first = await createClient(page, name, ['LIAISON', 'ANALYST']);
      expect(first.clientId).toMatch(/^mc_[0-9a-f]{24}$/);
      expect(first.secret).toMatch(/^mcs_[A-Za-z0-9_-]{43}$/);
      expect(first.tokenPath).toBe('/oauth/token');
      expect(await text(page, 'mc-once-warning')).toContain('仅显示这一次');
      await expectNoRawKeys(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'machine-clients-secret-zh-CN');
      await expectFocusTrapped(page, 'mc-credentials');
      await page.keyboard.press('Escape');
      await page.getByTestId('mc-credentials').waitFor({ state: 'hidden' });
      expect(await text(page, 'mc-notice')).toBe(`已创建客户端“${name}”。`);
      const row = page.getByTestId(`mc-row-${first.clientId}`);
      expect(await row.getByTestId('mc-last-used').textContent()).toBe('从未使用');
      expect(await row.textContent()).toContain('联络员');

      // The system gets a token with the secret it was shown, with the client's roles.
      const token = await tokenWith(first.clientId, first.secret);
      expect(token.status).toBe(200);
      expect(token.body.token_type).toBe('Bearer');
      expect(typeof token.body.access_token).toBe('string');
      expect(String(token.body.scope).split(' ').sort()).toEqual(['ANALYST', 'LIAISON']);
      // The page, read again, says when it last got one.
      await page.reload();
      await row.waitFor();
      expect(await row.getByTestId('mc-last-used').textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/);

      // Rotation: a wrong grace period is refused at its field; 0 is explained; 2 hours keeps the old secret working.
      await page.getByTestId(`mc-row-${first.clientId}`).getByTestId('mc-rotate').click();
      const rotateDialog = page.getByTestId('mc-rotate-dialog');
      await rotateDialog.waitFor();
      expect(await rotateDialog.locator('input[name="graceHours"]').inputValue()).toBe('24');
      expect(await rotateDialog.textContent()).toContain('0 表示立即停用旧密钥——用于密钥泄露时');
      await rotateDialog.locator('input[name="graceHours"]').fill('0');
      await page.getByTestId('mc-rotate-zero').waitFor();
      await rotateDialog.locator('input[name="graceHours"]').fill('200');
      await page.getByTestId('mc-rotate-submit').click();
      expect(await text(page, 'error-graceHours')).toBe('必须是 0 至 168 之间的整数小时。');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await rotateDialog.waitFor({ state: 'hidden' });

      await rotate(page, first.clientId, '2');
      const second = await readCredentials(page);
      expect(second.clientId).toBe(first.clientId);
      expect(second.secret).not.toBe(first.secret);
      expect(await text(page, 'mc-previous-until')).toMatch(/^原有密钥在 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间） 之前仍然有效/);
      await screenshot(page, 'machine-clients-rotated-zh-CN');
      await page.getByTestId('mc-credentials-close').click();
      await page.getByTestId('mc-credentials').waitFor({ state: 'hidden' });
      expect(await row.locator('[data-testid^="mc-secret-"][data-current="true"]').count()).toBe(2);
      expect((await tokenWith(first.clientId, first.secret)).status).toBe(200);
      expect((await tokenWith(first.clientId, second.secret)).status).toBe(200);

      // For a leak: 0 hours stops the previous secrets at once.
      await rotate(page, first.clientId, '0');
      const third = await readCredentials(page);
      expect(await text(page, 'mc-previous-until')).toBe('原有密钥已立即失效：系统换用新密钥后才能恢复工作。');
      await page.getByTestId('mc-credentials-close').click();
      const refused = await tokenWith(first.clientId, second.secret);
      expect(refused.status).toBe(401);
      expect(refused.body.error).toBe('invalid_client');
      expect((await tokenWith(first.clientId, third.secret)).status).toBe(200);
      expect(await row.locator('[data-testid^="mc-secret-"][data-current="true"]').count()).toBe(1);

      // Revocation asks first, then is immediate: the row leaves the list of active clients, the secret is refused.
      await row.getByTestId('mc-revoke').click();
      const revokeDialog = page.getByTestId('mc-revoke-dialog');
      await revokeDialog.waitFor();
      expect(await revokeDialog.textContent()).toContain('吊销立即生效且不可撤销');
      await screenshot(page, 'machine-clients-revoke-zh-CN');
      await page.getByTestId('mc-revoke-confirm').click();
      await revokeDialog.waitFor({ state: 'hidden' });
      await row.waitFor({ state: 'detached' });
      expect(await text(page, 'mc-notice')).toBe(`已吊销客户端“${name}”。`);
      const afterRevoke = await tokenWith(first.clientId, third.secret);
      expect(afterRevoke.status).toBe(401);
      expect(afterRevoke.body.error).toBe('invalid_client');
      await page.getByTestId('mc-show-revoked').check();
      await row.waitFor();
      expect(await row.getAttribute('data-active')).toBe('false');
      expect(await row.getByTestId('mc-status').textContent()).toBe('已吊销');
      expect(await row.getByTestId('mc-rotate').count()).toBe(0);
      expect(await row.locator('[data-testid^="mc-secret-"][data-current="true"]').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'machine-clients-revoked-zh-CN');
      // The demo client was left alone.
      expect(await demo.getAttribute('data-active')).toBe('true');
    } finally {
      await context.close();
    }
  }, 180_000);

  test('the page in English: a new secret shown once, axe-clean; the client is then revoked', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, ADMIN);
      await switchLanguage(page, 'en');
      await openPage(page);
      expect(await page.locator('h1').textContent()).toBe('Machine clients of Industrial and Commercial Bank of China');
      await page.getByTestId('mc-create-submit').click();
      expect(await text(page, 'error-name')).toBe('Required.');
      expect(await text(page, 'error-roles')).toBe('Choose at least one role.');
      await expectNoRawKeys(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'machine-clients-en');

      const name = `E2E reporting ${uniqueSuffix()}`;
      const created = await createClient(page, name, ['AUDITOR']);
      expect(await text(page, 'mc-once-warning')).toContain('Shown only once');
      await expectNoRawKeys(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'machine-clients-secret-en');
      await page.keyboard.press('Escape');
      await page.getByTestId('mc-credentials').waitFor({ state: 'hidden' });

      await rotate(page, created.clientId, '24');
      await readCredentials(page);
      expect(await text(page, 'mc-previous-until')).toMatch(/^The previous secrets keep working until \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\);/);
      await screenshot(page, 'machine-clients-rotated-en');
      await page.keyboard.press('Escape');

      const row = page.getByTestId(`mc-row-${created.clientId}`);
      await row.getByTestId('mc-revoke').click();
      await page.getByTestId('mc-revoke-dialog').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('mc-revoke-confirm').click();
      await row.waitFor({ state: 'detached' });
      expect(await text(page, 'mc-notice')).toBe(`Revoked the client "${name}".`);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("a liaison of the bank neither sees the page in the navigation nor opens it; the api refuses the list", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, LIAISON);
      expect(await page.getByTestId(NAV).count()).toBe(0);
      await page.goto(PAGE);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('mc-table').count()).toBe(0);
      await expect(gqlAs(LIAISON, '{ machineClients { id } }')).rejects.toThrow(/FORBIDDEN/);
    } finally {
      await context.close();
    }
  });
});
