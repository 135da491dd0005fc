#!/usr/bin/env node
// CaseLink example machine client: a bank's own system that answers freezes by itself (docs/machine-clients.md).
//
//   API_URL=http://127.0.0.1:4000 CLIENT_ID=mc_… CLIENT_SECRET=mcs_… node examples/bank-client/bank-client.mjs
//
// It gets an access token with the OAuth 2.0 client credentials grant (POST /oauth/token), subscribes to its bank's
// inbox over graphql-ws (requestUpdates), and answers every freeze addressed to its bank: acknowledgeRequest, then
// answerFreeze with the amount held and, from the ledger, the downstream transfers. On every (re)connection it first
// catches up with the inbox (freezes that arrived while it was away), so no event needs to be caught live.
//
// Environment:
//   API_URL        the api (not the portal), e.g. http://127.0.0.1:4000
//   CLIENT_ID      the machine client's client_id (createMachineClient)
//   CLIENT_SECRET  its secret (shown once when created or rotated)
//   LEDGER_FILE    optional JSON: { "accounts": { "<card or account>": { "balance": "1200.00",
//                  "downstream": [{ "toAccount": "…", "bank": "…", "amount": "…", "occurredAt": "2026-11-19T10:05:00Z" }] } } }
//                  An account in the ledger holds min(balance, amount asked) (FROZEN, PARTIALLY_FROZEN or NO_FUNDS);
//                  an account not in it is held in full (FROZEN) — a demo stand-in for the core banking system.
//
// Needs Node.js 20+ (fetch) and the packages graphql-ws and ws (in the CaseLink repository already; elsewhere
// `npm install graphql-ws ws`). Stop it with Ctrl-C.
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const API_URL = (process.env.API_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
const CLIENT_ID = process.env.CLIENT_ID ?? '';
const CLIENT_SECRET = process.env.CLIENT_SECRET ?? '';
const LEDGER = process.env.LEDGER_FILE ? JSON.parse(readFileSync(process.env.LEDGER_FILE, 'utf8')).accounts ?? {} : {};

const log = (message, extra = {}) => console.log(JSON.stringify({ at: new Date().toISOString(), client: 'bank-client', message, ...extra }));

if (!CLIENT_ID || !CLIENT_SECRET) {
  console.error('Set CLIENT_ID and CLIENT_SECRET (and API_URL): see docs/machine-clients.md');
  process.exit(2);
}

// —— the token: client credentials grant, kept until shortly before it runs out ——
let cached = null; // { token, until }

async function accessToken({ fresh = false } = {}) {
  if (!fresh && cached && cached.until - Date.now() > 120_000) return cached.token;
  for (;;) {
    const res = await fetch(`${API_URL}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        // client_secret_basic (RFC 6749 §2.3.1): the id and secret, form-encoded, then Base64.
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    const body = await res.json();
    if (res.ok) {
      cached = { token: body.access_token, until: Date.now() + body.expires_in * 1000 };
      log('token issued', { scope: body.scope, expiresIn: body.expires_in });
      return cached.token;
    }
    if (res.status === 429) {
      // The sign-in limits: wait as told, then ask again.
      const seconds = Number(res.headers.get('retry-after') ?? 60);
      log('token refused for now, waiting', { error: body.error, seconds });
      await new Promise((r) => setTimeout(r, seconds * 1000));
      continue;
    }
    // invalid_client: a wrong, rotated-out or revoked secret — a person has to act.
    throw new Error(`token refused: ${res.status} ${body.error}: ${body.error_description}`);
  }
}

// —— GraphQL over HTTP ——
async function graphql(query, variables = {}) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${API_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${await accessToken({ fresh: attempt > 0 })}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    const code = body.errors?.[0]?.extensions?.code;
    // A token that ran out between two calls: once more with a fresh one.
    if (code === 'UNAUTHENTICATED' && attempt === 0) continue;
    if (body.errors?.length) throw Object.assign(new Error(`${code}: ${body.errors[0].message}`), { code, extensions: body.errors[0].extensions });
    return body.data;
  }
}

// —— money as whole cents (no floating point) ——
const cents = (amount) => {
  const [whole, frac = ''] = String(amount).trim().split('.');
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
};
const money = (c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

/** What the bank answers for one freeze, from the ledger (or in full when the account is not in it). */
function answerFor(request) {
  const entry = LEDGER[request.account.replace(/\s+/g, '')];
  const asked = cents(request.amount);
  if (!entry) return { outcome: 'FROZEN', amountHeld: money(asked), downstream: [] };
  const balance = cents(entry.balance);
  const held = balance < asked ? balance : asked;
  const outcome = held === 0n ? 'NO_FUNDS' : held < asked ? 'PARTIALLY_FROZEN' : 'FROZEN';
  return { outcome, amountHeld: held === 0n ? null : money(held), balance: money(balance), downstream: entry.downstream ?? [] };
}

// —— answering ——
const REQUEST = 'query($id: ID!) { request(id: $id) { id reference type state account amount toAgency { id } } }';
const ACKNOWLEDGE = 'mutation($id: ID!) { acknowledgeRequest(id: $id) { state } }';
const ANSWER = 'mutation($i: AnswerFreezeInput!) { answerFreeze(input: $i) { state amountHeld } }';
const INBOX = `query($after: String) { requests(direction: INCOMING, type: FREEZE, states: [SENT, ACKNOWLEDGED], first: 100, after: $after) {
  edges { node { id } } pageInfo { hasNextPage endCursor } } }`;

let agencyId = null;
const inFlight = new Set();

async function handle(id) {
  if (inFlight.has(id)) return;
  inFlight.add(id);
  try {
    let { request } = await graphql(REQUEST, { id });
    if (request.type !== 'FREEZE' || request.toAgency.id !== agencyId) return;
    if (request.state === 'SENT') {
      await graphql(ACKNOWLEDGE, { id });
      log('acknowledged', { reference: request.reference });
      request = { ...request, state: 'ACKNOWLEDGED' };
    }
    if (request.state !== 'ACKNOWLEDGED') return;
    const answer = answerFor(request);
    const { answerFreeze } = await graphql(ANSWER, { i: { id, ...answer } });
    log('answered', { reference: request.reference, state: answerFreeze.state, amountHeld: answerFreeze.amountHeld, downstream: answer.downstream.length });
  } catch (e) {
    // CONFLICT: someone at the bank's desk (or another instance) answered first. Anything else: logged, tried again at
    // the next catch-up.
    log(e.code === 'CONFLICT' ? 'already answered elsewhere' : 'could not answer', { requestId: id, error: e.message });
  } finally {
    inFlight.delete(id);
  }
}

/** Every freeze in the inbox still waiting for an answer. */
async function catchUp() {
  let after = null;
  do {
    const { requests } = await graphql(INBOX, { after });
    for (const { node } of requests.edges) await handle(node.id);
    after = requests.pageInfo.hasNextPage ? requests.pageInfo.endCursor : null;
  } while (after);
}

// —— the live inbox ——
async function main() {
  const { me } = await graphql('query { me { displayName agency { id name } } }');
  agencyId = me.agency.id;
  log('signed in', { as: me.displayName, agency: me.agency.name });

  let renew = null;
  const ws = createClient({
    url: `${API_URL.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: globalThis.WebSocket ?? WebSocket,
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    // A fresh token for every connection; the api stops delivering on a connection once its token runs out.
    connectionParams: async () => ({ authorization: `Bearer ${await accessToken()}` }),
    on: {
      connected: () => {
        log('connected');
        clearTimeout(renew);
        // Reconnect (with a new token) two minutes before this one runs out.
        renew = setTimeout(() => ws.terminate(), Math.max(10_000, cached.until - Date.now() - 120_000));
        catchUp().catch((e) => log('catch-up failed', { error: e.message }));
      },
      closed: (event) => {
        clearTimeout(renew);
        // 4401: the client was revoked or its agency switched off (fatal for graphql-ws: no retry).
        if (event?.code === 4401) {
          log('the api ended this client\'s connection: revoked or switched off', { code: event.code });
          process.exit(1);
        }
      },
    },
  });

  ws.subscribe({ query: 'subscription { requestUpdates { requestId type state toAgencyId } }' }, {
    next: ({ data }) => {
      const u = data?.requestUpdates;
      if (u && u.type === 'FREEZE' && u.toAgencyId === agencyId && u.state === 'SENT') void handle(u.requestId);
    },
    error: (e) => {
      log('subscription failed', { error: String(e?.message ?? e?.reason ?? JSON.stringify(e)) });
      process.exit(1);
    },
    complete: () => undefined,
  });
  log('listening', { api: API_URL });

  const stop = async () => {
    clearTimeout(renew);
    await ws.dispose();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  log('stopped', { error: e.message });
  process.exit(1);
});
