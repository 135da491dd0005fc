import type { Browser, Page, Response } from 'playwright-core';
import { gqlAs, launchBrowser, login, newPage } from './support';

/**
 * The portal's security headers (apps/portal/src/proxy.ts): a Content-Security-Policy with a fresh script nonce
 * on every page, which Next puts on each of its scripts, so that pages work with no inline script allowed — and
 * nothing on the login page, the dashboard, a case page or the live request inbox trips the policy.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const SUPERVISOR = 'supervisor@gd.demo';

/** The nonce of the page's policy, after checking the policy and its companion headers. */
function checkHeaders(response: Response | null): string {
  expect(response?.ok()).toBe(true);
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]));
  const scriptSrc = directives.get('script-src') ?? [];
  const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  // `next start` runs in production: no eval.
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'self'"]);
  expect(directives.get('form-action')).toEqual(["'self'"]);
  expect(directives.get('connect-src')).toEqual(expect.arrayContaining(["'self'", expect.stringMatching(/^wss?:\/\//)]));
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  return nonce as string;
}

/** Every <script> the server sent carries this response's nonce (none is inline without it). */
async function checkScripts(response: Response | null, nonce: string): Promise<void> {
  const html = (await response?.text()) ?? '';
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  expect(html).not.toMatch(/\son[a-z]+="/i);
}

/** Records what the browser refused under the policy, from the console and from the DOM's violation events. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleViolations.push(m.text());
  });
  // Runs in the page (no DOM types here): the violations the document reports.
  interface PageGlobals {
    __csp?: string[];
    document: { addEventListener(type: string, listener: (e: { violatedDirective: string; blockedURI: string }) => void): void };
  }
  await page.addInitScript(() => {
    const g = globalThis as unknown as PageGlobals;
    const seen: string[] = [];
    g.__csp = seen;
    g.document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...consoleViolations, ...(await page.evaluate(() => (globalThis as unknown as PageGlobals).__csp ?? []))];
}

describe('security headers', () => {
  test('login, dashboard and a case page carry a nonce policy, and nothing breaks it', async () => {
    const found = await gqlAs<{ cases: { edges: { node: { id: string } }[] } }>(SUPERVISOR, 'query HeaderCases { cases(first: 1) { edges { node { id } } } }');
    const caseId = found.cases.edges[0]?.node.id;
    expect(caseId).toBeDefined();

    const { context, page } = await newPage(browser);
    try {
      const violations = await watchViolations(page);

      const loginPage = await page.goto('/login');
      const loginNonce = checkHeaders(loginPage);
      await checkScripts(loginPage, loginNonce);
      await page.getByTestId('login-form').waitFor();
      expect(await violations()).toEqual([]);

      await login(page, SUPERVISOR);
      expect(await violations()).toEqual([]);

      const dashboard = await page.goto('/dashboard');
      const dashboardNonce = checkHeaders(dashboard);
      // A fresh nonce per response.
      expect(dashboardNonce).not.toBe(loginNonce);
      await checkScripts(dashboard, dashboardNonce);
      await page.getByTestId('dashboard-page').waitFor();
      await page.getByTestId('dashboard-provinces').locator('svg').first().waitFor();
      expect(await violations()).toEqual([]);

      const casePage = await page.goto(`/cases/${caseId}`);
      const caseNonce = checkHeaders(casePage);
      await checkScripts(casePage, caseNonce);
      await page.getByTestId('case-title').waitFor();
      expect(await violations()).toEqual([]);

      // The request inbox's live socket (graphql-ws over the /graphql rewrite) opens: connect-src allows it.
      checkHeaders(await page.goto('/requests'));
      await page.locator('[data-testid="live-status"][data-status="open"]').first().waitFor();
      expect(await violations()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
