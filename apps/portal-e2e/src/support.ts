import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_AGENCIES, DEMO_PASSWORD, type DemoAgency, type DemoUser } from '@caselink/demo-data';
import { luhnCheckDigit } from '@caselink/domain';

export const PORTAL_URL = (process.env.PORTAL_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');

export type UiLocale = 'zh-CN' | 'en';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh context per scenario: no cookies, so no refresh session or language choice leaks between tests. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: PORTAL_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 860 },
  });
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function agencyOf(user: DemoUser): DemoAgency {
  const agency = DEMO_AGENCIES.find((a) => a.key === user.agencyKey);
  if (!agency) throw new Error(`demo user ${user.email} has unknown agency ${user.agencyKey}`);
  return agency;
}

/** Fills the login form and submits; does not wait for the outcome. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByTestId('login-form').waitFor();
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Logs in and waits for the home page to show this user. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, email, password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('welcome').waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByTestId('login-form').waitFor();
}

/** Switches the UI language and waits until the switch shows the new choice as active. */
export async function switchLanguage(page: Page, locale: UiLocale): Promise<void> {
  await page.getByTestId(`lang-${locale}`).click();
  await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
  await page.locator(`[data-testid="lang-${locale}"][aria-pressed="true"]`).waitFor();
}

export async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

/** Unique enough for repeated runs against one seeded database. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/**
 * fetch for the tests' own set-up calls to the portal. On a loaded 2-core machine this process's event loop can stall
 * past undici's keep-alive deadline, so it reuses a socket the portal has just closed as idle and sees ECONNRESET
 * before the request reached the server (seen once in CI). Such a request was never processed: it is sent once more.
 */
export async function portalFetch(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

/** GraphQL straight through the portal's /graphql proxy, as a demo user: for set-up that is not under test. */
export async function gqlAs<T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const call = async (q: string, v: Record<string, unknown>, token?: string) => {
    const response = await portalFetch(`${PORTAL_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: q, variables: v }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`${q.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const auth = await call('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: DEMO_PASSWORD } });
  return call(query, variables, auth.login.accessToken) as Promise<T>;
}

/** A 19-digit card number with a valid Luhn check digit, unique per run (the api rejects a bad check digit). */
export function luhnCard(prefix: string): string {
  const body = (prefix + Date.now().toString() + Math.floor(Math.random() * 1e6).toString().padStart(6, '0')).slice(0, 18);
  return body + luhnCheckDigit(body);
}

/** WCAG 2.0 and 2.1, levels A and AA: what axe-core checks on every page. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The WCAG 2.0/2.1 A and AA rules axe-core checks on the page as it is now (or the part under `include`): their
 * violations, each as "rule (impact): what it asks — the first elements" so a failure says what to fix where.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  // Next streams a page's metadata: its <title> can arrive a moment after the content. Check the settled page (a page
  // that never gets one still fails, on document-title).
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
