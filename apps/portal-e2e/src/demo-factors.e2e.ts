import type { Browser } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD, DEMO_SECOND_FACTORS } from '@caselink/demo-data';
import { launchBrowser, newPage, screenshot, submitLogin } from './support';

/**
 * The demo's users with a second factor log in as a person would (issue 12, "done when"): totp@gd.demo with a code
 * from the published authenticator secret, passkey@zj.demo with the published demo passkey loaded into Chromium's
 * virtual authenticator (WebAuthn.addCredential). Needs the portal at localhost (passkeys need a host name).
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('demo users with a second factor', () => {
  test('totp@gd.demo: password, then a code from the demo authenticator', async () => {
    const { context, page } = await newPage(browser);
    try {
      const { email, secretBase32 } = DEMO_SECOND_FACTORS.totp;
      await submitLogin(page, email, DEMO_PASSWORD);
      await page.getByTestId('second-step').waitFor();
      // A step of its own: the api accepts each 30-second step once per factor, and reruns come within seconds.
      const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30, algorithm: 'SHA1' });
      const step = Math.floor(Date.now() / 30_000);
      await page.locator('input[name="totp-code"]').fill(totp.generate({ timestamp: (step + 1) * 30_000 + 1_000 }));
      await screenshot(page, 'demo-totp-second-step');
      await page.getByTestId('second-submit').click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('welcome').waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);

  test('passkey@zj.demo: password, then the demo passkey', async () => {
    const { context, page } = await newPage(browser);
    try {
      const { email, credentialId, privateKeyPkcs8, rpId } = DEMO_SECOND_FACTORS.passkey;
      const cdp = await context.newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
      });
      await cdp.send('WebAuthn.addCredential', {
        authenticatorId,
        credential: {
          credentialId: Buffer.from(credentialId, 'base64url').toString('base64'), isResidentCredential: false, rpId,
          privateKey: privateKeyPkcs8, signCount: Math.floor(Date.now() / 1000),
        },
      });
      await submitLogin(page, email, DEMO_PASSWORD);
      await page.getByTestId('second-step').waitFor();
      await page.getByTestId('second-passkey').click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('welcome').waitFor();
      await screenshot(page, 'demo-passkey-signed-in');
    } finally {
      await context.close();
    }
  }, 60_000);
});
