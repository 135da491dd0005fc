/// <reference lib="dom" />
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, gqlAs, launchBrowser, login, luhnCard, newPage, PORTAL_URL, screenshot, type UiLocale } from './support';

/**
 * Every page of the portal passes axe-core's WCAG 2.0/2.1 A and AA rules, in Chinese and in English, as the demo users
 * who may see it. The routes come from apps/portal/src/app/**\/page.tsx: a page nobody visits here fails the first test,
 * so a new page joins this check when it is written. A failure names the route, the language, the user and the rule.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const APP_DIR = path.join(__dirname, '..', '..', 'portal', 'src', 'app');
const LOCALES: UiLocale[] = ['zh-CN', 'en'];

/** The portal's routes as Next names them ("/cases/[id]"): each folder under src/app that holds a page.tsx. */
function portalRoutes(dir = APP_DIR, prefix = ''): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'page.tsx') routes.push(prefix || '/');
    // Route groups, "(name)", do not appear in the address.
    if (entry.isDirectory()) routes.push(...portalRoutes(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? prefix : `${prefix}/${entry.name}`));
  }
  return routes.sort();
}

/** The demo records the dynamic routes open: found (or, for a task force, made) through the api before the visits. */
interface Records {
  caseId: string;
  transferId: string;
  seriesId: string;
  alertId: string;
  bulletinId: string;
  taskForceId: string;
  /** A batch of emergency stops, and its case. */
  batchId: string;
  batchCaseId: string;
  /** One request per kind, as the sender (Guangdong) and each addressed agency see it. */
  freezeId: string;
  telecomId: string;
  cooperationId: string;
}

const GD_INVESTIGATOR = 'investigator@gd.demo';
const GD_SUPERVISOR = 'supervisor@gd.demo';
const DEMO_CASE = '440000-2026-D00001';

/** Who visits what. Every route of the portal is in here at least once; some twice, where another role sees another page. */
const PLAN: { user: string | null; routes: string[] }[] = [
  // The last is no route: the portal's "page not found".
  { user: null, routes: ['/login', '/login/sso', '/no-such-page'] },
  {
    user: GD_INVESTIGATOR,
    routes: [
      '/', '/cases', '/cases/new', '/cases/[id]', '/cases/[id]/graph', '/cases/[id]/import', '/cases/[id]/requests/new',
      '/cases/[id]/statements/new', '/cases/[id]/trace/[transferId]', '/cases/[id]/batches/[batchId]', '/series', '/series/[id]', '/requests', '/requests/[id]',
      '/alerts', '/alerts/[id]', '/notifications', '/task-forces/[id]', '/access-requests', '/account', '/dashboard',
      '/analytics', '/bulletins', '/bulletins/[id]',
    ],
  },
  { user: GD_SUPERVISOR, routes: ['/', '/dashboard', '/task-forces', '/bulletins/new', '/linking', '/linking/hubs', '/alerts/thresholds', '/access-requests'] },
  { user: 'admin@gd.demo', routes: ['/', '/admin/users', '/linking/warninglist', '/retention'] },
  { user: 'auditor@gd.demo', routes: ['/', '/audit'] },
  { user: 'analyst@gd.demo', routes: ['/', '/cases/[id]'] },
  { user: 'admin@national.demo', routes: ['/', '/admin/agencies', '/linking/relink', '/retention'] },
  { user: 'liaison@icbc.demo', routes: ['/', '/requests', '/requests/[id]', '/alerts', '/bulletins'] },
  { user: 'admin@icbc.demo', routes: ['/admin/machine-clients', '/admin/bank-prefixes'] },
  { user: 'liaison@cmcc.demo', routes: ['/requests/[id]'] },
  { user: 'liaison@kh.demo', routes: ['/', '/requests/[id]'] },
];

/** The address of a route for this user: the request is the one addressed to the user's agency (or sent by Guangdong). */
function addressOf(route: string, user: string | null, r: Records): string {
  const request = user === 'liaison@cmcc.demo' ? r.telecomId : user === 'liaison@kh.demo' ? r.cooperationId : r.freezeId;
  const ids: Record<string, string> = {
    '/cases/[id]': r.caseId, '/series/[id]': r.seriesId, '/alerts/[id]': r.alertId, '/bulletins/[id]': r.bulletinId,
    '/task-forces/[id]': r.taskForceId, '/requests/[id]': request, '[transferId]': r.transferId, '[batchId]': r.batchId,
  };
  let address = route.replace('/cases/[id]/batches/[batchId]', `/cases/${r.batchCaseId}/batches/${r.batchId}`);
  for (const [pattern, id] of Object.entries(ids)) address = address.replace(pattern, pattern.replace(/\[\w+\]$/, id));
  if (address.includes('[')) throw new Error(`no record for ${route}`);
  return address;
}

async function records(): Promise<Records> {
  const found = await gqlAs<{ cases: { edges: { node: { id: string; caseNumber: string; statements: { transfers: { id: string }[] }[] } }[] } }>(
    GD_SUPERVISOR, 'query A11yCase($f: CaseFilter) { cases(first: 20, filter: $f) { edges { node { id caseNumber statements { transfers { id } } } } } }', { f: { search: '高收益理财' } },
  );
  const demo = found.cases.edges.find((e) => e.node.caseNumber === DEMO_CASE)?.node;
  const transferId = demo?.statements.flatMap((s) => s.transfers)[0]?.id;
  if (!demo || !transferId) throw new Error(`demo case ${DEMO_CASE} with a transfer not found: is the demo seeded?`);
  const lists = await gqlAs<{
    requests: { edges: { node: { id: string; type: string } }[] };
    alerts: { edges: { node: { id: string } }[] };
    bulletins: { edges: { node: { id: string } }[] };
  }>(GD_SUPERVISOR, `query A11yLists {
    requests(first: 100, direction: OUTGOING) { edges { node { id type } } }
    alerts(first: 1) { edges { node { id } } }
    bulletins(first: 1) { edges { node { id } } }
  }`);
  const request = (type: string) => {
    const id = lists.requests.edges.find((e) => e.node.type === type)?.node.id;
    if (!id) throw new Error(`no demo ${type} request sent by Guangdong`);
    return id;
  };
  const alertId = lists.alerts.edges[0]?.node.id;
  const bulletinId = lists.bulletins.edges[0]?.node.id;
  if (!alertId || !bulletinId) throw new Error('the demo has no alert or bulletin for Guangdong');
  // The series the linker put the demo case in (at start-up: wait for it).
  let seriesId: string | undefined;
  for (let i = 0; i < 60 && !seriesId; i++) {
    const links = await gqlAs<{ caseLinks: { series: { id: string } | null } }>(GD_SUPERVISOR, 'query A11ySeries($id: ID!) { caseLinks(caseId: $id) { series { id } } }', { id: demo.id });
    seriesId = links.caseLinks.series?.id;
    if (!seriesId) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (!seriesId) throw new Error('the demo case was not linked into a series within a minute');
  const force = await gqlAs<{ createTaskForce: { id: string } }>(GD_SUPERVISOR, 'mutation A11yForce($i: CreateTaskForceInput!) { createTaskForce(input: $i) { id } }', {
    i: { name: `无障碍检查专案 ${Date.now().toString(36)}`, seriesId },
  });
  const batch = await stopsBatch();
  return {
    caseId: demo.id, transferId, seriesId, batchId: batch.id, batchCaseId: batch.caseId, alertId, bulletinId, taskForceId: force.createTaskForce.id,
    freezeId: request('FREEZE'), telecomId: request('TELECOM'), cooperationId: request('COOPERATION'),
  };
}

/**
 * A batch of emergency stops that stops nothing at a bank: a case of its own whose money went to a card no bank
 * registered, so the batch lists it back (UNKNOWN_BANK) and no bank's inbox changes under the other specs.
 */
async function stopsBatch(): Promise<{ id: string; caseId: string }> {
  const at = new Date(Date.now() - 3600_000).toISOString();
  const made = await gqlAs<{ createCase: { id: string } }>(GD_INVESTIGATOR, 'mutation A11yStopCase($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
    i: { title: `无障碍检查 批量止付 ${Date.now().toString(36)}`, fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: at.slice(0, 10), provinces: ['44'], sensitivity: 'NORMAL' },
  });
  const caseId = made.createCase.id;
  const statement = await gqlAs<{ addStatement: { transfers: { id: string }[] } }>(GD_INVESTIGATOR,
    'mutation A11yStopStatement($i: AddStatementInput!) { addStatement(input: $i) { transfers { id } } }', {
      i: {
        caseId, takenAt: at, place: '无障碍检查', province: '44', reportedLoss: '1000.00', narrative: '无障碍检查用的笔录。', victim: { name: '无障碍检查' },
        transfers: [{ fromAccount: luhnCard('621661'), toAccount: luhnCard('621661'), amount: '1000.00', occurredAt: at, channel: 'BANK_TRANSFER' }],
      },
    });
  const sent = await gqlAs<{ sendEmergencyStops: { id: string } }>(GD_INVESTIGATOR,
    'mutation A11yStops($i: SendEmergencyStopsInput!) { sendEmergencyStops(input: $i) { id } }',
    { i: { transferId: statement.addStatement.transfers[0].id, clientKey: `a11y-${caseId}`, legalBasisDoc: '粤公（刑）止字〔2026〕A11Y号' } });
  return { id: sent.sendEmergencyStops.id, caseId };
}

/** Waits until the page has its heading, its data and no loading placeholder (the portal renders on the client). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main');
      if (!main?.querySelector('h1')) return false;
      if (main.querySelector('.page-status, [aria-busy="true"]')) return false;
      return !/加载中|Loading…/.test(main.textContent ?? '');
    },
    undefined,
    { timeout: 30_000 },
  );
}

async function setLanguage(context: BrowserContext, locale: UiLocale): Promise<void> {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: PORTAL_URL }]);
}

/** Screenshots of a few pages in both languages. */
const SHOTS: Record<string, string> = {
  '/': 'home', '/cases/[id]': 'case', '/requests': 'requests-inbox', '/requests/[id]': 'request', '/alerts': 'alerts', '/notifications': 'notifications',
};

let recordsOnce: Promise<Records> | undefined;
const CHUNK = 6;

describe('every page passes axe-core (WCAG 2.0 and 2.1, A and AA) in Chinese and English', () => {
  test('the plan visits every route of the portal', () => {
    const planned = new Set(PLAN.flatMap((p) => p.routes));
    expect(portalRoutes().filter((route) => !planned.has(route))).toEqual([]);
  });

  // At most a few routes per test, so that a slow machine stays inside each test's time.
  const visits = PLAN.flatMap(({ user, routes }) => {
    const chunks: { user: string | null; routes: string[] }[] = [];
    for (let i = 0; i < routes.length; i += CHUNK) chunks.push({ user, routes: routes.slice(i, i + CHUNK) });
    return chunks.map((c) => [`${c.user ?? 'anonymous'}: ${c.routes.join(' ')}`, c] as const);
  });

  test.each(visits)('as %s', async (_name, { user, routes }) => {
    recordsOnce ??= records();
    const r = await recordsOnce;
    const { context, page } = await newPage(browser);
    const violations: string[] = [];
    try {
      if (user) await login(page, user);
      for (const locale of LOCALES) {
        await setLanguage(context, locale);
        for (const route of routes) {
          const where = `${route} [${locale}] as ${user ?? 'anonymous'}`;
          await page.goto(addressOf(route, user, r));
          // A page that never finishes loading is a finding of its own; axe still checks what it shows.
          await settle(page).catch((e: Error) => violations.push(`${where}: did not finish loading (${e.message.split('\n')[0]})`));
          const lang = await page.locator('html').getAttribute('lang');
          if (lang !== locale) violations.push(`${where}: html lang="${lang}"`);
          for (const v of await axeViolations(page)) violations.push(`${where}: ${v}`);
          const shot = SHOTS[route];
          if (shot && (route !== '/' || user === GD_INVESTIGATOR || user === 'liaison@icbc.demo')) {
            await screenshot(page, `a11y-${shot}-${user?.split('@')[0] ?? 'anonymous'}-${locale}`);
          }
        }
      }
    } finally {
      await context.close();
    }
    expect(violations).toEqual([]);
  }, 600_000);
});
