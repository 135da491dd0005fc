import type { Browser, Locator, Page } from 'playwright-core';
import { gqlAs, launchBrowser, login, luhnCard, newPage, screenshot, switchLanguage, text, uniqueSuffix } from './support';

/**
 * Evidence linking end to end. The seed gives Guangdong and Fujian a case each with the same mule card, so
 * Guangdong's case sits in a series with a case it may not read: the case page shows the series and a blind
 * hit naming Fujian; the graph draws them. Zhejiang and Shanghai then each record a case paying one fresh card:
 * Zhejiang sees Shanghai's blind hit, asks for access in one click, Shanghai approves, and the case appears
 * as linked. Fund trace from a transfer, the warninglist as an agency admin, hub reviews, and a full relink
 * followed to 100% as the national admin.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const GD = 'investigator@gd.demo';
const ZJ = 'investigator@zj.demo';
const SH = 'investigator@sh.demo';
/** Access decisions are a supervisor's call (access table). */
const SH_SUPERVISOR = 'supervisor@sh.demo';
const MULE = '6217002430001234567';
const FJ_AGENCY = '福建省公安厅';
const SH_AGENCY = '上海市公安局';
/** The linker works in the background (worker): links appear within seconds of a change. */
const LINK_WAIT_MS = 45_000;


async function demoCaseId(): Promise<string> {
  const data = await gqlAs<{ cases: { edges: { node: { id: string; caseNumber: string } }[] } }>(
    GD,
    'query($f: CaseFilter) { cases(first: 20, filter: $f) { edges { node { id caseNumber } } } }',
    { f: { search: '高收益理财' } },
  );
  const found = data.cases.edges.find((e) => e.node.caseNumber === '440000-2026-D00001');
  if (!found) throw new Error('demo case 440000-2026-D00001 not found: is the demo seeded?');
  return found.node.id;
}

/** Clicks "Refresh" on the links panel until `target` shows (the linker may still be working). */
async function refreshLinksUntil(page: Page, target: Locator): Promise<void> {
  const deadline = Date.now() + LINK_WAIT_MS;
  await page.locator('[data-testid="links"][data-loaded]').waitFor();
  while (!(await target.first().isVisible())) {
    if (Date.now() > deadline) throw new Error(`links did not show ${target} within ${LINK_WAIT_MS} ms`);
    await page.waitForTimeout(1500);
    await page.getByTestId('links-refresh').click();
    await page.locator('[data-testid="links-refresh"]:not([disabled])').waitFor();
  }
}

/** Clicks a node of a cytoscape canvas at its rendered position (the canvas publishes them for tests). */
async function clickNode(page: Page, canvas: Locator, nodeId: string, double = false): Promise<void> {
  const positions = JSON.parse((await canvas.getAttribute('data-positions')) ?? '{}') as Record<string, { x: number; y: number }>;
  const at = positions[nodeId];
  if (!at) throw new Error(`node ${nodeId} is not on the graph: ${Object.keys(positions).join(', ')}`);
  const box = await canvas.boundingBox();
  if (!box) throw new Error('graph canvas has no box');
  if (double) await page.mouse.dblclick(box.x + at.x, box.y + at.y);
  else await page.mouse.click(box.x + at.x, box.y + at.y);
}

async function createCaseWithTransfer(email: string, title: string, province: string, toCard: string): Promise<string> {
  const created = await gqlAs<{ createCase: { id: string } }>(email, 'mutation LinkingCase($i: CreateCaseInput!) { createCase(input: $i) { id caseNumber } }', {
    // Own document texts (the api compiles a document with graphql-jit once it has run twice, and the compiled
    // form misses input defaults such as sensitivity = NORMAL), and sensitivity spelled out.
    i: { title, fraudType: 'ROMANCE', reportedOn: '2026-01-15', provinces: [province], sensitivity: 'NORMAL' },
  });
  const caseId = created.createCase.id;
  await gqlAs(email, 'mutation LinkingStatement($i: AddStatementInput!) { addStatement(input: $i) { id takenAt } }', {
    i: {
      caseId, takenAt: new Date(Date.now() - 86_400_000).toISOString(), place: '派出所', province, narrative: '网恋对象以投资为由诱导转账。',
      reportedLoss: '20000.00', victim: { name: '测试被害人' },
      transfers: [{ fromAccount: luhnCard('622202'), toAccount: toCard, bank: '中国银行', amount: '20000.00', occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), channel: 'BANK_TRANSFER' }],
    },
  });
  return caseId;
}

describe('evidence linking', () => {
  test('the Guangdong case shows its series, the Fujian blind hit and the link graph', async () => {
    const caseId = await demoCaseId();
    const { context, page } = await newPage(browser);
    try {
      await login(page, GD);
      await page.goto(`/cases/${caseId}`);
      await page.getByTestId('case-page').waitFor();
      // Fujian's case shares the mule card; Guangdong may not read it: a blind hit names Fujian only.
      const fujianHit = page.getByTestId('blind-hit').filter({ hasText: FJ_AGENCY });
      await refreshLinksUntil(page, fujianHit);
      await page.getByTestId('series-badge').waitFor();
      expect(await fujianHit.first().getByTestId('link-value').first().getAttribute('data-value')).toBe(MULE);
      expect(await page.getByTestId('series-hidden').count()).toBe(1);
      await page.getByTestId('links').scrollIntoViewIfNeeded();
      await screenshot(page, 'linking-case-links');

      // The series page: the cases Guangdong may read, and a note on the one it may not.
      await page.getByTestId('series-link').click();
      await page.waitForURL((url) => url.pathname.startsWith('/series/'));
      await page.getByTestId('series-page').waitFor();
      expect(await page.locator(`[data-testid="series-case"][data-case-id="${caseId}"]`).count()).toBe(1);
      await page.getByTestId('series-hidden-note').waitFor();
      expect(Number(await text(page, 'series-case-count'))).toBeGreaterThanOrEqual(2);
      await page.getByTestId('loss-by-province').waitFor();
      await screenshot(page, 'linking-series');

      // The link graph: a canvas with the case, the mule card, Fujian's hidden case and the series.
      await page.goto(`/cases/${caseId}`);
      await page.getByTestId('open-graph').click();
      await page.waitForURL((url) => url.pathname === `/cases/${caseId}/graph`);
      const canvas = page.locator('[data-testid="link-graph"][data-ready]');
      await canvas.waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('link-graph').locator('canvas').count()).toBeGreaterThan(0);
      expect(Number(await canvas.getAttribute('data-node-count'))).toBeGreaterThanOrEqual(4);
      const types = await page.getByTestId('graph-node-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node-type')));
      expect(types).toEqual(expect.arrayContaining(['CASE', 'IDENTIFIER', 'SERIES', 'HIDDEN_CASES']));
      await page.getByTestId('graph-legend').waitFor();
      await screenshot(page, 'linking-graph');

      // A click on the mule card's node expands it; the side panel shows it.
      const muleNode = `value:BANK_CARD:${MULE}`;
      await clickNode(page, canvas, muleNode);
      await page.locator(`[data-testid="graph-selected"][data-node-id="${muleNode}"]`).waitFor();
      await page.getByTestId('node-expanded').waitFor();
      await page.getByTestId('graph-fit').click();
      await screenshot(page, 'linking-graph-expanded');

      // A double click on a case node opens the case.
      await clickNode(page, canvas, `case:${caseId}`, true);
      await page.waitForURL((url) => url.pathname === `/cases/${caseId}`);
      await page.getByTestId('case-page').waitFor();
    } finally {
      await context.close();
    }
  });

  test('a blind hit becomes a linked case: one-click access request, approved by the owner', async () => {
    const card = luhnCard('621799');
    const suffix = uniqueSuffix();
    const zjCase = await createCaseWithTransfer(ZJ, `E2E 网恋诈骗（浙江）${suffix}`, '33', card);
    const shCase = await createCaseWithTransfer(SH, `E2E 网恋诈骗（上海）${suffix}`, '31', card);

    const { context, page } = await newPage(browser);
    try {
      await login(page, ZJ);
      await page.goto(`/cases/${zjCase}`);
      const shHit = page.getByTestId('blind-hit').filter({ hasText: SH_AGENCY });
      await refreshLinksUntil(page, shHit);
      expect(await shHit.getByTestId('link-value').first().getAttribute('data-value')).toBe(card);
      // Nothing of Shanghai's case is shown: no case number, no title.
      expect(await page.getByTestId('links').textContent()).not.toContain(`E2E 网恋诈骗（上海）${suffix}`);
      await shHit.getByTestId('request-access').click();
      await shHit.getByTestId('blind-hit-requested').waitFor();
      await page.getByTestId('links-notice').waitFor();
      await page.getByTestId('links').scrollIntoViewIfNeeded();
      await screenshot(page, 'linking-blind-hit-requested');

      // The request reached Shanghai for the right case; it is still shown as requested after a reload.
      const incoming = await gqlAs<{ accessRequests: { edges: { node: { id: string; caseId: string; reason: string; requestingAgency: { name: string } } }[] } }>(
        SH,
        'query { accessRequests(direction: INCOMING, status: PENDING, first: 100) { edges { node { id caseId reason requestingAgency { name } } } } }',
      );
      const req = incoming.accessRequests.edges.map((e) => e.node).find((r) => r.caseId === shCase);
      expect(req).toBeDefined();
      expect(req?.requestingAgency.name).toBe('浙江省公安厅');
      expect(req?.reason).toContain(card);
      await page.reload();
      await page.locator('[data-testid="links"][data-loaded]').waitFor();
      await shHit.getByTestId('blind-hit-requested').waitFor();

      // Shanghai approves: Zhejiang now reads the case, and it is listed as linked instead of a blind hit.
      await gqlAs(SH_SUPERVISOR, 'mutation($i: DecideAccessRequestInput!) { decideAccessRequest(input: $i) { id } }', {
        i: { id: req?.id, approve: true, access: 'READ' },
      });
      const linked = page.locator(`[data-testid="linked-case"][data-case-id="${shCase}"]`);
      await refreshLinksUntil(page, linked);
      expect(await page.getByTestId('blind-hit').filter({ hasText: SH_AGENCY }).count()).toBe(0);
      await screenshot(page, 'linking-blind-hit-approved');
    } finally {
      await context.close();
    }
  });

  test('fund trace from a transfer: flow graph, last-seen accounts, deeper traces in the background', async () => {
    const caseId = await demoCaseId();
    const { context, page } = await newPage(browser);
    try {
      await login(page, GD);
      await page.goto(`/cases/${caseId}`);
      await page.getByTestId('statement').first().waitFor();
      // A transfer that paid the mule card.
      await page.getByTestId('transfer-row').filter({ hasText: MULE }).first().getByTestId('trace-funds').click();
      await page.waitForURL((url) => url.pathname.startsWith(`/cases/${caseId}/trace/`));
      const canvas = page.locator('[data-testid="fund-graph"][data-ready]');
      await canvas.waitFor({ timeout: 20_000 });
      expect(Number(await canvas.getAttribute('data-node-count'))).toBeGreaterThanOrEqual(2);
      expect(Number(await canvas.getAttribute('data-edge-count'))).toBeGreaterThanOrEqual(1);
      await page.getByTestId('trace-origin').waitFor();
      const muleRow = page.getByTestId('last-seen-row').filter({ hasText: MULE });
      await muleRow.waitFor();
      // A freeze target: the button opens an emergency stop prefilled from the trace (or the live request, once sent).
      await muleRow.locator('[data-testid="freeze-request"], [data-testid="freeze-sent"]').first().waitFor();
      if (await muleRow.getByTestId('freeze-request').count()) {
        expect(await muleRow.getByTestId('freeze-request').getAttribute('href')).toContain(`/cases/${caseId}/requests/new?type=FREEZE`);
      }
      await screenshot(page, 'linking-trace');

      // More than 6 hops run in the worker; the page follows the run to its result.
      await page.getByTestId('trace-hops').selectOption('8');
      await page.getByTestId('trace-busy').waitFor();
      await page.getByTestId('trace-busy').waitFor({ state: 'detached', timeout: 45_000 });
      expect(await page.getByTestId('trace-error').count()).toBe(0);
      expect(await page.getByTestId('trace-run-failed').count()).toBe(0);
      await page.locator('[data-testid="fund-graph"][data-ready]').waitFor();
      await muleRow.waitFor();
      await screenshot(page, 'linking-trace-8-hops');
    } finally {
      await context.close();
    }
  }, 90_000);

  test('warninglist: an agency admin adds a value with field errors first, finds it, removes it', async () => {
    const domain = `e2e-${uniqueSuffix()}.example.com`;
    const { context, page } = await newPage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    try {
      await login(page, 'admin@gd.demo');
      await page.getByTestId('link-warninglist').click();
      await page.waitForURL((url) => url.pathname === '/linking/warninglist');
      await page.getByTestId('warninglist-row').first().waitFor();

      // Built-in entries are listed for everyone and removable by nobody but the national admin.
      await page.getByTestId('warninglist-search').fill('95588');
      await page.getByTestId('warninglist-search').press('Enter');
      const builtIn = page.getByTestId('warninglist-row').filter({ hasText: '95588' });
      await builtIn.first().waitFor();
      expect(await builtIn.first().getByTestId('warninglist-remove').count()).toBe(0);

      // Required fields are checked before any round trip; a value the api cannot read comes back at its field.
      await page.getByTestId('warninglist-submit').click();
      await page.getByTestId('error-value').waitFor();
      await page.getByTestId('error-reason').waitFor();
      await page.locator('select[name="kind"]').selectOption('PHONE');
      await page.locator('input[name="value"]').fill('12ab');
      await page.locator('input[name="reason"]').fill('E2E 测试号码');
      await page.getByTestId('warninglist-submit').click();
      await page.locator('[data-testid="error-value"]').waitFor();
      expect((await text(page, 'error-value')).length).toBeGreaterThan(3);
      expect(await page.getByTestId('error-reason').count()).toBe(0);
      await screenshot(page, 'linking-warninglist-errors');

      await page.locator('select[name="kind"]').selectOption('DOMAIN');
      await page.locator('input[name="value"]').fill(domain);
      await page.locator('input[name="reason"]').fill('E2E：公共网盘域名');
      await page.getByTestId('warninglist-submit').click();
      await page.getByTestId('warninglist-notice').waitFor();
      const added = page.locator(`[data-testid="warninglist-row"][data-value="${domain}"]`);
      await added.waitFor();

      // The same value again is refused as already listed.
      await page.locator('select[name="kind"]').selectOption('DOMAIN');
      await page.locator('input[name="value"]').fill(domain);
      await page.locator('input[name="reason"]').fill('E2E：重复');
      await page.getByTestId('warninglist-submit').click();
      await page.getByTestId('error-value').waitFor();

      await page.getByTestId('warninglist-search').fill(domain);
      await page.getByTestId('warninglist-search').press('Enter');
      await page.locator('[data-testid="warninglist-row"]').first().waitFor();
      // Only the entry searched for is left.
      await page.locator(`[data-testid="warninglist-row"]:not([data-value="${domain}"])`).first().waitFor({ state: 'detached' });
      await screenshot(page, 'linking-warninglist-added');
      await added.getByTestId('warninglist-remove').click();
      await page.getByTestId('warninglist-removed').waitFor();
      expect(await added.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('hub reviews are open to a police supervisor, closed to an investigator', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'supervisor@gd.demo');
      await page.getByTestId('link-hubs').click();
      await page.waitForURL((url) => url.pathname === '/linking/hubs');
      await page.getByTestId('hubs-table').waitFor();
      await page.locator('[data-testid="hubs-waiting"]').waitFor();
      await screenshot(page, 'linking-hubs');
      await page.goto('/linking/relink');
      await page.getByTestId('forbidden').waitFor();
    } finally {
      await context.close();
    }
    const investigator = await newPage(browser);
    try {
      await login(investigator.page, GD);
      expect(await investigator.page.getByTestId('nav-linking').count()).toBe(0);
      await investigator.page.goto('/linking/hubs');
      await investigator.page.getByTestId('forbidden').waitFor();
    } finally {
      await investigator.context.close();
    }
  });

  test('the national admin runs a full relink and follows it to 100%', async () => {
    const { context, page } = await newPage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    try {
      await login(page, 'admin@national.demo');
      await page.getByTestId('nav-linking').click();
      await page.waitForURL((url) => url.pathname.startsWith('/linking/'));
      await page.getByTestId('linking-tab-relink').click();
      await page.waitForURL((url) => url.pathname === '/linking/relink');
      await page.getByTestId('relink-history').waitFor();
      // Another run may still be going (a previous test run): the page follows that one instead.
      const start = page.getByTestId('relink-start');
      await page.locator('[data-testid="relink-start"]:not([disabled]), [data-testid="relink-current"]').first().waitFor();
      if (await start.isEnabled()) await start.click();
      await page.getByTestId('relink-current').waitFor();
      await page.getByTestId('relink-progress').locator('[role="progressbar"]').waitFor();
      await screenshot(page, 'linking-relink-running');
      await page.locator('[data-testid="relink-progress"] [data-percent="100"]').waitFor({ timeout: 120_000 });
      expect(await page.getByTestId('relink-current').getAttribute('data-state')).toBe('DONE');
      await page.getByTestId('relink-stats').waitFor();
      await page.locator('[data-testid="relink-row"][data-state="DONE"]').first().waitFor();
      await screenshot(page, 'linking-relink-done');

      // After the rebuild the Guangdong case is still in its series (English this time).
      const caseId = await demoCaseId();
      const gd = await newPage(browser);
      try {
        await login(gd.page, GD);
        await switchLanguage(gd.page, 'en');
        await gd.page.goto(`/cases/${caseId}`);
        await refreshLinksUntil(gd.page, gd.page.getByTestId('series-badge'));
        expect(await text(gd.page, 'series-link')).toMatch(/Series of \d+ cases/);
        expect(await gd.page.getByTestId('blind-hit').filter({ hasText: 'Fujian Provincial Public Security Department' }).count()).toBe(1);
        await gd.page.getByTestId('links').scrollIntoViewIfNeeded();
        await screenshot(gd.page, 'linking-case-links-en');
      } finally {
        await gd.context.close();
      }
    } finally {
      await context.close();
    }
  }, 180_000);
});
