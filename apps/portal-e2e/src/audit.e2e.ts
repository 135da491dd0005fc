import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { axeViolations, gqlAs, launchBrowser, login, newPage, screenshot, switchLanguage, text } from './support';

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

  test("an AUDITOR sees the agency's chain matching its signed heads and downloads them", async () => {
    // The worker publishes every 15 minutes; the national admin asks for a publication now, as an operator would.
    await gqlAs('admin@national.demo', 'mutation { publishAuditAnchors }');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await gqlAs<{ auditAnchors: { check: { status: string } } }>('auditor@gd.demo', '{ auditAnchors { check { status } } }');
      if (r.auditAnchors.check.status === 'MATCHES') break;
      if (Date.now() > deadline) throw new Error(`no signed head published for Guangdong: ${r.auditAnchors.check.status}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'auditor@gd.demo');
      await page.goto('/audit');
      await page.getByTestId('anchors-status').waitFor();
      expect(await text(page, 'anchors-status')).toMatch(/^与签名链头一致审计链与核对的 \d+ 个签名链头一致/);
      expect(await text(page, 'anchors-last-head')).toMatch(/^最新签名链头：第 \d+ 条记录，发布于 /);
      expect(await axeViolations(page, '[data-testid="anchors-panel"]')).toEqual([]);
      await screenshot(page, 'audit-anchors-zh');

      // The bundle: a tar holding the public key, the heads and README.txt with the OpenSSL commands.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('anchors-download').click()]);
      expect(download.suggestedFilename()).toMatch(/^caselink-audit-anchors-[0-9a-f]{8}-.*\.tar$/);
      const file = await download.path();
      if (!file) throw new Error(`download failed: ${await download.failure()}`);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 100).toString('utf8')).toMatch(/^caselink-audit-anchors\/README\.txt\0/);
      expect(bytes.toString('latin1')).toContain('openssl pkeyutl -verify -pubin -inkey audit-public.pem -rawin');

      // Verifying the chain now says what the signed heads say too.
      await page.getByTestId('verify-chain').click();
      await page.getByTestId('verify-anchors').waitFor();
      expect(await text(page, 'verify-anchors')).toMatch(/^签名链头：审计链与核对的 \d+ 个签名链头一致/);
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
