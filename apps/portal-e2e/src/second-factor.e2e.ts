import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { logout, newPage, launchBrowser, portalFetch, PORTAL_URL, screenshot, submitLogin, uniqueSuffix } from './support';

/**
 * Sign-in with a second factor (issue 12): TOTP and recovery codes, passkeys through a virtual authenticator,
 * the idle lock, and enrolment an agency enforces. WebAuthn needs a host name, so PORTAL_URL must be
 * http://localhost:<port> (the api's WEBAUTHN_RP_ID=localhost and WEBAUTHN_ORIGINS must match).
 * Each test uses a user of its own in Beijing's police (admin@bj.demo creates it) and removes its factors at the end.
 */

let browser: Browser;
let adminToken: string;
const PASSWORD = 'E2e-Second-Factor-2026!';
const ADMIN = 'admin@bj.demo';
const DEMO_PASSWORD = 'CaseLink-Demo-2026';

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await portalFetch(`${PORTAL_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function tokenOf(email: string, password = DEMO_PASSWORD): Promise<string> {
  const data = await gql<{ login: { accessToken: string | null } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password } });
  if (!data.login.accessToken) throw new Error(`${email} has a second step due`);
  return data.login.accessToken;
}

const asAdmin = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, adminToken);

interface Policy { id: string; secondFactorRequired: boolean; idleLockMinutes: number; sessionHours: number }

async function agencyPolicy(): Promise<Policy> {
  return (await asAdmin<{ me: { agency: Policy } }>('{ me { agency { id secondFactorRequired idleLockMinutes sessionHours } } }')).me.agency;
}

async function setPolicy(policy: Policy, token = adminToken): Promise<void> {
  const { id, secondFactorRequired, idleLockMinutes, sessionHours } = policy;
  await gql('mutation($i: SetAgencySignInPolicyInput!) { setAgencySignInPolicy(input: $i) { id } }',
    { i: { agencyId: id, secondFactorRequired, idleLockMinutes, sessionHours } }, token);
}

async function createUser(label: string): Promise<{ id: string; email: string }> {
  const email = `e2e-${label}-${uniqueSuffix()}@bj.demo`;
  const data = await asAdmin<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: { email, displayName: `E2E ${label}`, roles: ['INVESTIGATOR'], password: PASSWORD },
  });
  return { id: data.createUser.id, email };
}

/** Removes the user's factors and switches it off, so nothing is left that another test would trip over. */
async function cleanUp(userId: string): Promise<void> {
  await asAdmin('mutation($id: ID!) { resetUserSecondFactors(id: $id) { id } }', { id: userId });
  await asAdmin('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: userId });
}

/** Codes by 30-second step; the api takes each step once, so a later use waits for the next step. */
function totpFor(secret: string) {
  const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), digits: 6, period: 30, algorithm: 'SHA1' });
  let lastStep = -1;
  return async (): Promise<string> => {
    while (Math.floor(Date.now() / 30_000) <= lastStep) await new Promise((r) => setTimeout(r, 500));
    lastStep = Math.floor(Date.now() / 30_000);
    return totp.generate({ timestamp: lastStep * 30_000 + 1_000 });
  };
}

async function waitHome(page: Page) {
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('welcome').waitFor();
}

/** Password log-in of a user without a factor. */
async function passwordLogin(page: Page, email: string) {
  await submitLogin(page, email, PASSWORD);
  await waitHome(page);
}

/** Adds an authenticator app on /account; answers the code generator and the recovery codes shown. */
async function enrolTotp(page: Page, shot?: string): Promise<{ code: () => Promise<string>; recoveryCodes: string[] }> {
  await page.getByTestId('totp-start').click();
  await page.getByTestId('totp-qr').waitFor();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  if (shot) await screenshot(page, shot);
  const code = totpFor(secret);
  await page.locator('input[name="totp-confirm-code"]').fill(await code());
  await page.getByTestId('totp-confirm').click();
  await page.getByTestId('recovery-codes').waitFor();
  const recoveryCodes = (await page.getByTestId('recovery-code').allTextContents()).map((c) => c.trim());
  expect(recoveryCodes.length).toBeGreaterThan(0);
  await page.getByTestId('codes-saved-check').check();
  await page.getByTestId('codes-saved').click();
  return { code, recoveryCodes };
}

async function openAccount(page: Page) {
  await page.getByTestId('nav-account').click();
  await page.waitForURL((url) => url.pathname === '/account');
  await page.getByTestId('factors').waitFor();
}

beforeAll(async () => {
  expect(new URL(PORTAL_URL).hostname).toBe('localhost');
  browser = await launchBrowser();
  adminToken = await tokenOf(ADMIN);
});

afterAll(async () => {
  await browser?.close();
});

async function withPage(run: (page: Page, context: BrowserContext) => Promise<void>) {
  const { context, page } = await newPage(browser);
  try {
    await run(page, context);
  } finally {
    await context.close();
  }
}

describe('second factor', () => {
  test('TOTP: enrol on the account page, then log in with a fresh code and with a recovery code', async () => {
    const user = await createUser('totp');
    try {
      await withPage(async (page) => {
        await passwordLogin(page, user.email);
        await openAccount(page);
        await page.getByTestId('no-factors').waitFor();
        await page.getByTestId('add-totp').click();
        const { code, recoveryCodes } = await enrolTotp(page, 'second-factor-totp-qr');
        await page.getByTestId('factor-TOTP').waitFor();
        await page.getByTestId('session-current').waitFor();
        await screenshot(page, 'second-factor-account');

        await logout(page);
        await submitLogin(page, user.email, PASSWORD);
        await page.getByTestId('second-step').waitFor();
        const input = page.locator('input[name="totp-code"]');
        expect(await input.getAttribute('autocomplete')).toBe('one-time-code');
        expect(await input.getAttribute('inputmode')).toBe('numeric');
        await screenshot(page, 'second-factor-second-step');
        await input.fill('000000');
        await page.getByTestId('second-submit').click();
        await page.getByTestId('login-error').waitFor();
        await input.fill(await code());
        await page.getByTestId('second-submit').click();
        await waitHome(page);

        await logout(page);
        await submitLogin(page, user.email, PASSWORD);
        await page.getByTestId('second-step').waitFor();
        await page.getByTestId('second-recovery').click();
        await page.locator('input[name="recovery-code"]').fill(recoveryCodes[0]);
        await page.getByTestId('second-submit').click();
        await waitHome(page);
        await openAccount(page);
        await page.getByTestId('recovery-left').filter({ hasText: String(recoveryCodes.length - 1) }).waitFor();
      });
    } finally {
      await cleanUp(user.id);
    }
  }, 150_000);

  test('passkey: enrol with a virtual authenticator and log in with it', async () => {
    const user = await createUser('passkey');
    try {
      await withPage(async (page, context) => {
        const cdp = await context.newCDPSession(page);
        await cdp.send('WebAuthn.enable');
        await cdp.send('WebAuthn.addVirtualAuthenticator', {
          options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
        });
        await passwordLogin(page, user.email);
        await openAccount(page);
        await page.getByTestId('add-passkey').click();
        await page.locator('input[name="passkey-label"]').fill('E2E key');
        await page.getByTestId('passkey-register').click();
        await page.locator('[data-testid="recovery-codes"], [data-testid="passkey-error"]').first().waitFor();
        expect(await page.getByTestId('passkey-error').allTextContents()).toEqual([]);
        await page.getByTestId('codes-saved-check').check();
        await page.getByTestId('codes-saved').click();
        await page.getByTestId('factor-PASSKEY').waitFor();

        await logout(page);
        await submitLogin(page, user.email, PASSWORD);
        await page.getByTestId('second-step').waitFor();
        await page.getByTestId('second-passkey').click();
        await waitHome(page);
      });
    } finally {
      await cleanUp(user.id);
    }
  }, 120_000);

  test('idle lock: after a minute without input the lock screen asks for the password; what was typed stays', async () => {
    const user = await createUser('idle');
    const before = await agencyPolicy();
    await setPolicy({ ...before, idleLockMinutes: 1 });
    try {
      await withPage(async (page) => {
        await passwordLogin(page, user.email);
        await openAccount(page);
        const field = page.locator('input[name="current-password"]');
        await field.fill('half-typed');
        await page.getByTestId('lock-screen').waitFor({ timeout: 100_000 });
        await screenshot(page, 'second-factor-lock-screen');
        await page.locator('input[name="unlock-password"]').fill('wrong-password-1');
        await page.getByTestId('lock-submit').click();
        await page.getByTestId('lock-error').waitFor();
        await page.locator('input[name="unlock-password"]').fill(PASSWORD);
        await page.getByTestId('lock-submit').click();
        await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
        expect(await field.inputValue()).toBe('half-typed');
        expect(new URL(page.url()).pathname).toBe('/account');
        // The page goes on: the sessions list reloads with the new token.
        await page.reload();
        await page.getByTestId('session-current').waitFor();
      });
    } finally {
      await setPolicy(before);
      await cleanUp(user.id);
    }
  }, 200_000);

  test('enforced enrolment: a user without a factor is taken through enrolment at log-in', async () => {
    const user = await createUser('enrol');
    const before = await agencyPolicy();
    await setPolicy({ ...before, secondFactorRequired: true });
    try {
      await withPage(async (page) => {
        await submitLogin(page, user.email, PASSWORD);
        await page.getByTestId('enrol-step').waitFor();
        await page.getByTestId('totp-start').click();
        await page.getByTestId('totp-qr').waitFor();
        await screenshot(page, 'second-factor-enrolment');
        const code = totpFor((await page.getByTestId('totp-secret').textContent()) ?? '');
        await page.locator('input[name="totp-confirm-code"]').fill(await code());
        await page.getByTestId('totp-confirm').click();
        await page.getByTestId('codes-step').waitFor();
        await page.getByTestId('codes-saved-check').check();
        await page.getByTestId('codes-saved').click();
        await page.getByTestId('second-step').waitFor();
        await page.locator('input[name="totp-code"]').fill(await code());
        await page.getByTestId('second-submit').click();
        await waitHome(page);
      });
    } finally {
      // The national admin may set any agency's policy (the agency's own admin may now be asked to enrol).
      await setPolicy(before, await tokenOf('admin@national.demo')).catch(() => setPolicy(before));
      await cleanUp(user.id);
    }
  }, 150_000);
});
