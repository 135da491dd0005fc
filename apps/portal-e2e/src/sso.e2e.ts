import path from 'node:path';
import type { Browser } from 'playwright-core';
import { gqlAs, launchBrowser, newPage, PORTAL_URL, screenshot, uniqueSuffix } from './support';

/**
 * Single sign-on in Chromium against a real OpenID provider (tools/idp/idp.mjs): ICBC's admin points the agency at
 * the provider through GraphQL, then a user of ICBC picks "sign in with your agency's identity provider", signs in
 * at the provider's page and lands in the portal signed in.
 */
interface RunningIdp {
  issuer: string;
  stop(): Promise<void>;
}
type StartIdp = (opts: {
  clients: Array<{ client_id: string; client_secret: string; redirect_uris: string[] }>;
  accounts: Array<{ email: string; sub: string; roles: string[]; name?: string }>;
}) => Promise<RunningIdp>;
// The api's test helper that runs tools/idp/idp.mjs, loaded by path: projects may not import each other's files.
const { startIdp } = require(path.join(__dirname, '../../api/test/idp')) as { startIdp: StartIdp };

let browser: Browser;
let idp: RunningIdp;
const suffix = uniqueSuffix();
const account = { email: `sso.e2e.${suffix}@icbc.demo`, sub: `e2e-${suffix}`, roles: ['LIAISON'], name: `单点登录 E2E ${suffix}` };
const client = { client_id: `portal-e2e-${suffix}`, client_secret: `portal-e2e-secret-${suffix}-0123456789` };

beforeAll(async () => {
  idp = await startIdp({ clients: [{ ...client, redirect_uris: [`${PORTAL_URL}/api/auth/sso/callback`] }], accounts: [account] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await idp?.stop();
});

describe('single sign-on', () => {
  test("a bank user signs in through the agency's identity provider", async () => {
    const me = await gqlAs<{ me: { agency: { id: string } } }>('admin@icbc.demo', '{ me { agency { id } } }');
    const agencyId = me.me.agency.id;
    await gqlAs('admin@icbc.demo', 'mutation($i: SetAgencySsoInput!) { setAgencySso(input: $i) { agencyId } }', {
      i: { agencyId, issuer: idp.issuer, clientId: client.client_id, clientSecret: client.client_secret, emailDomain: 'icbc.demo' },
    });

    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login?next=%2Frequests');
      const choice = page.getByTestId(`sso-agency-${agencyId}`);
      await choice.waitFor();
      await screenshot(page, 'sso-login-choice-zh');
      await choice.click();

      // The provider's own page (another origin): pick the account, say a second factor was used, sign in.
      await page.waitForURL((url) => url.origin === idp.issuer);
      await page.getByLabel(account.email, { exact: false }).check();
      await page.getByLabel('我已使用第二因素 · I used a second factor').check();
      await screenshot(page, 'sso-provider-page');
      await page.getByRole('button', { name: '登录 · Sign in' }).click();

      // Back in the portal: the session is restored from the cookie the callback set, then on to the page asked for.
      await page.waitForURL((url) => url.origin === PORTAL_URL && url.pathname === '/requests', { timeout: 30_000 });
      await page.getByText(account.name).first().waitFor();
      await screenshot(page, 'sso-signed-in');
    } finally {
      await context.close();
    }
  });

  test('a refusal comes back to the log-in page with the reason in both languages', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login?sso_error=SSO_MFA_REQUIRED');
      await page.getByTestId('sso-error').waitFor();
      expect(await page.getByTestId('sso-error').textContent()).toContain('第二因素');
      await screenshot(page, 'sso-refused-zh');
    } finally {
      await context.close();
    }
  });
});
