#!/usr/bin/env node
// A real OpenID Connect provider (oidc-provider 9) for the demo and the tests of single sign-on: fixed accounts, a
// plain bilingual form to pick one (no scripts, no external assets), "I used a second factor" setting amr, and a
// clock offset so that a test can get a genuinely expired ID token. Prints `ready <issuer>` once listening.
//
// Settings, each from argv (--port=4700) or the environment (IDP_PORT=4700):
//   port / IDP_PORT                          default 4700
//   issuer / IDP_ISSUER                      default http://127.0.0.1:<port>
//   clients / IDP_CLIENTS                    JSON [{ client_id, client_secret, redirect_uris }] (default: the demo client)
//   accounts / IDP_ACCOUNTS                  JSON [{ email, sub, roles, name }] (default: the demo accounts)
//   clock-offset / IDP_CLOCK_OFFSET_SECONDS  seconds added to this process's clock (e.g. -7200)
//   portal-url / PORTAL_URL                  the demo client's redirect URI is <portal-url>/api/auth/sso/callback
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';

const argv = Object.fromEntries(
  process.argv.slice(2).filter((a) => a.startsWith('--')).map((a) => {
    const i = a.indexOf('=');
    return i < 0 ? [a.slice(2), 'true'] : [a.slice(2, i), a.slice(i + 1)];
  }),
);
const setting = (arg, env, fallback) => argv[arg] ?? process.env[env] ?? fallback;

// Shifted before the provider is loaded: it stamps iat/exp, codes and sessions from Date.now().
const offsetSeconds = Number(setting('clock-offset', 'IDP_CLOCK_OFFSET_SECONDS', '0'));
if (!Number.isFinite(offsetSeconds)) throw new Error('clock offset must be a number of seconds');
if (offsetSeconds !== 0) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + offsetSeconds * 1000;
}
const { default: Provider } = await import('oidc-provider');

const port = Number(setting('port', 'IDP_PORT', '4700'));
const issuer = setting('issuer', 'IDP_ISSUER', `http://127.0.0.1:${port}`);
const portalUrl = setting('portal-url', 'PORTAL_URL', 'http://localhost:3000').replace(/\/+$/, '');

/** The demo: one client for the seeded agency, accounts of its domain (tools/seed/sso.ts configures the other side). */
const DEMO_CLIENT = { client_id: 'caselink-demo', client_secret: 'caselink-demo-sso-secret-2026' };
const demoClients = [{ ...DEMO_CLIENT, redirect_uris: [...new Set([portalUrl, 'http://localhost:3000', 'http://127.0.0.1:3000'])].map((u) => `${u}/api/auth/sso/callback`) }];
const demoAccounts = [
  { email: 'sso.liaison@icbc.demo', sub: 'icbc-0001', roles: ['LIAISON'], name: '单点联络员 SSO Liaison' },
  { email: 'sso.analyst@icbc.demo', sub: 'icbc-0002', roles: ['ANALYST'], name: '单点分析员 SSO Analyst' },
  { email: 'sso.nobody@icbc.demo', sub: 'icbc-0003', roles: ['INVESTIGATOR'], name: '无可用角色 No usable role' },
];

const parseList = (raw, what) => {
  if (!raw) return undefined;
  const value = JSON.parse(raw);
  if (!Array.isArray(value)) throw new Error(`${what} must be a JSON array`);
  return value;
};
const clients = (parseList(setting('clients', 'IDP_CLIENTS'), 'clients') ?? demoClients).map((c) => ({
  client_id: c.client_id, client_secret: c.client_secret, redirect_uris: c.redirect_uris,
  grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
}));
const accounts = parseList(setting('accounts', 'IDP_ACCOUNTS'), 'accounts') ?? demoAccounts;
const accountBySub = new Map(accounts.map((a) => [String(a.sub), a]));

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  // acr, amr and auth_time ride on the profile scope: the provider leaves openid's own claims out of the ID token
  // unless a client asks for them by name (claims parameter), and a client should not have to.
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles', 'acr', 'amr', 'auth_time'] },
  acrValues: ['urn:caselink:demo:pwd', 'urn:caselink:demo:mfa'],
  // Profile claims in the ID token as well (a client that only reads the ID token still sees e-mail and roles).
  conformIdTokenClaims: false,
  findAccount: (_ctx, sub) => {
    const a = accountBySub.get(String(sub));
    if (!a) return undefined;
    return { accountId: String(a.sub), claims: () => ({ sub: String(a.sub), email: a.email, email_verified: true, name: a.name, roles: a.roles ?? [] }) };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 3600 },
});
provider.on('server_error', (_ctx, err) => console.error(`idp server_error: ${err.message}`));

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function page(uid, clientId, error) {
  const options = accounts.map((a, i) => `
      <li><label><input type="radio" name="account" value="${escape(a.sub)}"${i === 0 ? ' checked' : ''}>
        ${escape(a.name ?? a.email)} &lt;${escape(a.email)}&gt; — ${escape((a.roles ?? []).join(', ') || '—')}</label></li>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>演示身份认证 · Demo identity provider</title>
<style>
  body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
  fieldset { border: 1px solid #8a94a0; border-radius: 6px; margin: 1rem 0; } ul { list-style: none; padding: 0; } li { margin: .4rem 0; }
  button { font: inherit; padding: .5rem 1rem; margin-right: .5rem; } .error { color: #a1121a; }
  :focus-visible { outline: 3px solid #1d5fd0; outline-offset: 2px; }
</style></head>
<body>
<main>
<h1>演示身份认证 · Demo identity provider</h1>
<p>应用 <code>${escape(clientId)}</code> 请求登录 · The application <code>${escape(clientId)}</code> asks you to sign in.</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
  <fieldset><legend>选择账号 · Choose an account</legend><ul>${options}
  </ul></fieldset>
  <p><label><input type="checkbox" name="mfa" value="1"> 我已使用第二因素 · I used a second factor</label></p>
  <button type="submit" name="action" value="login">登录 · Sign in</button>
  <button type="submit" name="action" value="abort">取消 · Cancel</button>
</form>
</main>
</body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function send(res, status, html) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // No scripts at all; the form posts to this origin (its redirects then go to the client, hence no form-action).
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  });
  res.end(html);
}

const handler = provider.callback();
const server = createServer(async (req, res) => {
  const m = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(new URL(req.url, issuer).pathname);
  if (!m) return handler(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== m[1]) return send(res, 400, page(m[1], '', '会话不匹配 · Interaction mismatch'));
    if (!m[2] && req.method === 'GET') return send(res, 200, page(details.uid, details.params.client_id));
    if (!m[2] || req.method !== 'POST') return send(res, 405, 'method not allowed');
    const form = await readForm(req);
    if (form.get('action') === 'abort') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the user cancelled' }, { mergeWithLastSubmission: false });
    }
    const account = accountBySub.get(form.get('account') ?? '');
    if (!account) return send(res, 400, page(details.uid, details.params.client_id, '请选择账号 · Choose an account'));
    const mfa = form.get('mfa') === '1';
    // Consent is given with the log-in: a grant of what the client asked for, so no second page is needed.
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: String(account.sub), clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, {
      login: { accountId: String(account.sub), amr: mfa ? ['pwd', 'otp'] : ['pwd'], acr: mfa ? 'urn:caselink:demo:mfa' : 'urn:caselink:demo:pwd' },
      consent: { grantId },
    }, { mergeWithLastSubmission: false });
  } catch (e) {
    send(res, 400, page('', '', `交互已失效，请重新登录 · This sign-in has expired, please start again (${e.message})`));
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
