import type { Browser, Page } from 'playwright-core';
import { axeViolations, gqlAs, launchBrowser, login, newPage, screenshot, switchLanguage, text } from './support';

/**
 * Retention and purge (issue 13): the national centre's admin sets the period of each class of data and runs the
 * `retention` queue now (the worker of the e2e stack purges and the page follows the run to DONE); an agency's
 * auditor reads the same rules and its own runs without any control; a police supervisor of the owning agency
 * places and releases a legal hold on a demo case, which its investigator sees as a badge only.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const NATIONAL_ADMIN = 'admin@national.demo';
const AUDITOR = 'auditor@gd.demo';
const SUPERVISOR = 'supervisor@gd.demo';
const INVESTIGATOR = 'investigator@gd.demo';
const CASE_NUMBER = '440000-2026-D00002';
const CLASSES = 8;
const PURGED_CLASSES = 7;

const SET_RULE = 'mutation E2eSetRule($i: SetRetentionRuleInput!) { setRetentionRule(input: $i) { dataClass periodDays } }';

async function openRetention(page: Page): Promise<void> {
  await page.getByTestId('nav-retention').click();
  await page.waitForURL((url) => url.pathname === '/retention');
  await page.getByTestId('retention-rules').waitFor();
  await page.locator('[data-testid="retention-rule"]').nth(CLASSES - 1).waitFor();
}

const rule = (page: Page, dataClass: string) => page.locator(`[data-testid="retention-rule"][data-class="${dataClass}"]`);

describe('retention and purge', () => {
  test('the national admin changes a period (too short is refused), runs retention now and sees the run finish', async () => {
    const rules = await gqlAs<{ retentionRules: { dataClass: string; periodDays: number }[] }>(NATIONAL_ADMIN, '{ retentionRules { dataClass periodDays } }');
    const original = rules.retentionRules.find((r) => r.dataClass === 'NOTIFICATIONS')?.periodDays;
    expect(original).toBeGreaterThanOrEqual(7);
    const { context, page } = await newPage(browser);
    try {
      await login(page, NATIONAL_ADMIN);
      await openRetention(page);
      expect(await page.locator('[data-testid="retention-rule"]').count()).toBe(CLASSES);
      // The audit trail is marked as kept at least a year and never purged by the queue.
      expect(await rule(page, 'AUDIT_TRAIL').getByTestId('retention-never-purged').textContent()).toBe('至少保留 365 天，保留队列从不清除');
      expect(await rule(page, 'NOTIFICATIONS').textContent()).toContain('通知');
      expect(await page.getByTestId('retention-run-now').textContent()).toBe('立即执行');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'retention-rules');

      // Under the floor (7 days for notifications): the api refuses, and the error names the field.
      const notifications = rule(page, 'NOTIFICATIONS');
      const input = notifications.getByTestId('retention-period-input');
      expect(await input.getAttribute('aria-invalid')).toBeNull();
      await input.fill('3');
      await notifications.getByTestId('retention-period-save').click();
      const error = notifications.getByTestId('retention-period-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/^“通知”的保留期限（天）：.*7/);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await notifications.getAttribute('data-period')).toBe(String(original));
      expect(await axeViolations(page, '[data-testid="retention-rules"]')).toEqual([]);

      // A period at or over the floor is saved, and the row says who changed it.
      const next = original === 200 ? 201 : 200;
      // By keyboard: Enter in the field saves.
      await input.fill(String(next));
      await input.press('Enter');
      await notifications.getByTestId('retention-period-saved').waitFor();
      await page.locator(`[data-testid="retention-rule"][data-class="NOTIFICATIONS"][data-period="${next}"]`).waitFor();
      expect(await notifications.getByTestId('retention-period-error').count()).toBe(0);
      expect(await notifications.textContent()).toContain(NATIONAL_ADMIN);

      // Run now: the run is queued, the page polls it, and it ends DONE (the e2e stack runs the worker).
      await page.locator('[data-testid="retention-runs"], [data-testid="retention-runs-empty"]').first().waitFor();
      const rows = page.locator('[data-testid="retention-run"]');
      const before = (await rows.count()) > 0 ? await rows.first().getAttribute('data-run-id') : null;
      await page.getByTestId('retention-run-now').click();
      // The new run heads the list (the table shows the latest first).
      const newest = '[data-testid="retention-runs"] tbody tr:first-child';
      const first = page.locator(before ? `${newest}:not([data-run-id="${before}"])` : newest);
      await first.waitFor();
      const runId = await first.getAttribute('data-run-id');
      expect(await first.getAttribute('data-trigger')).toBe('MANUAL');
      expect(await first.textContent()).toContain(NATIONAL_ADMIN);
      await page.locator(`[data-testid="retention-run"][data-run-id="${runId}"][data-status="DONE"]`).waitFor({ timeout: 45_000 });
      expect(await first.getByTestId('retention-run-status').textContent()).toBe('已完成');
      const detail = page.locator(`[data-testid="retention-run-detail"][data-run-id="${runId}"][data-status="DONE"]`);
      await detail.waitFor();
      expect(await detail.locator('[data-testid="retention-bar"]').count()).toBe(PURGED_CLASSES);
      expect(await detail.locator('[data-testid="retention-bar"][data-class="AUDIT_TRAIL"]').count()).toBe(0);
      expect(await text(page, 'retention-run-total')).toMatch(/^(共清除 \d+ 行|没有超过保留期限的数据，未清除任何行。)$/);
      expect(await page.getByTestId('retention-run-now').isEnabled()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'retention-run-done');
    } finally {
      await context.close();
      // The rules are national: put the period back for the other tests and the next run.
      await gqlAs(NATIONAL_ADMIN, SET_RULE, { i: { dataClass: 'NOTIFICATIONS', periodDays: original } });
    }
  });

  test("an agency's auditor sees the rules and the runs, without edit or run controls", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, AUDITOR);
      await openRetention(page);
      expect(await page.locator('[data-testid="retention-rule"]').count()).toBe(CLASSES);
      expect(await page.getByTestId('retention-period-input').count()).toBe(0);
      expect(await page.getByTestId('retention-run-now').count()).toBe(0);
      expect(await rule(page, 'CLOSED_CASE_EVIDENCE').getByTestId('retention-period').textContent()).toMatch(/^\d+ 天$/);
      // The runs: each with a status (the national admin's run of the test above, when it ran first).
      await page.locator('[data-testid="retention-runs"], [data-testid="retention-runs-empty"]').first().waitFor();
      for (const status of await page.locator('[data-testid="retention-run"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))) {
        expect(['QUEUED', 'RUNNING', 'DONE', 'FAILED']).toContain(status);
      }
      // A manual run is the national centre's; the person is not shown to other agencies, and counts are Guangdong's own.
      for (const row of await page.locator('[data-testid="retention-run"][data-trigger="MANUAL"]').all()) {
        expect(await row.textContent()).toContain('国家反诈中心');
        expect(await row.textContent()).not.toContain(NATIONAL_ADMIN);
      }
      for (const agency of await page.locator('[data-testid="retention-count"] td:first-child').allTextContents()) expect(agency).toBe('广东省公安厅');
      expect(await axeViolations(page)).toEqual([]);

      await switchLanguage(page, 'en');
      await page.getByRole('heading', { name: 'Retention and purge' }).waitFor();
      expect(await rule(page, 'AUDIT_TRAIL').getByTestId('retention-never-purged').textContent()).toBe('Kept at least 365 days, never purged by the queue');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('an investigator has no retention page', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, INVESTIGATOR);
      expect(await page.getByTestId('nav-retention').count()).toBe(0);
      await page.goto('/retention');
      await page.getByTestId('forbidden').waitFor();
    } finally {
      await context.close();
    }
  });

  test('a supervisor places and releases a legal hold on a demo case; the investigator sees only the badge', async () => {
    const found = await gqlAs<{ cases: { edges: { node: { id: string; caseNumber: string } }[] } }>(
      SUPERVISOR, 'query HoldDemoCase($f: CaseFilter) { cases(first: 20, filter: $f) { edges { node { id caseNumber } } } }', { f: { search: '电商客服' } },
    );
    const caseId = found.cases.edges.find((e) => e.node.caseNumber === CASE_NUMBER)?.node.id;
    expect(caseId).toBeTruthy();
    // A hold left by an earlier, interrupted run would hide the "place" button.
    await gqlAs(SUPERVISOR, 'mutation($c: ID!) { releaseLegalHold(caseId: $c) }', { c: caseId }).catch(() => undefined);

    const supervisor = await newPage(browser);
    try {
      const { page } = supervisor;
      await login(page, SUPERVISOR);
      await page.goto(`/cases/${caseId}`);
      const panel = page.locator('[data-testid="legal-hold"][data-held="false"]');
      await panel.waitFor();
      expect(await page.getByTestId('legal-hold-badge').count()).toBe(0);
      await page.getByTestId('legal-hold-place').click();
      const reason = page.getByTestId('legal-hold-reason');
      await reason.waitFor();
      // The reason field has the focus and is required.
      await page.locator('[data-testid="legal-hold-reason"]:focus').waitFor();
      await page.getByTestId('legal-hold-submit').click();
      expect(await text(page, 'legal-hold-reason-error')).toBe('保全理由：必填。');
      await reason.fill('（2026）粤01刑初123号案件审理中，需保留全部证据');
      await page.getByTestId('legal-hold-submit').click();
      await page.locator('[data-testid="legal-hold"][data-held="true"]').waitFor();
      expect(await text(page, 'legal-hold-badge')).toContain('法律保全');
      expect(await text(page, 'legal-hold-reason-text')).toContain('（2026）粤01刑初123号案件审理中');
      expect(await text(page, 'legal-hold-set-by')).toContain(SUPERVISOR);
      expect(await text(page, 'legal-hold-notice')).toBe('已设置法律保全。');
      await page.getByTestId('legal-hold-release').waitFor();
      expect(await axeViolations(page, '[data-testid="legal-hold"]')).toEqual([]);
      await screenshot(page, 'case-legal-hold');

      // The investigator of the same agency: the badge, reason and who, but no button.
      const investigator = await newPage(browser);
      try {
        await login(investigator.page, INVESTIGATOR);
        await investigator.page.goto(`/cases/${caseId}`);
        await investigator.page.locator('[data-testid="legal-hold"][data-held="true"]').waitFor();
        expect(await text(investigator.page, 'legal-hold-badge')).toContain('法律保全');
        expect(await investigator.page.getByTestId('legal-hold-release').count()).toBe(0);
        expect(await investigator.page.getByTestId('legal-hold-place').count()).toBe(0);
      } finally {
        await investigator.context.close();
      }

      // Release, after a confirmation.
      await page.getByTestId('legal-hold-release').click();
      await page.getByTestId('legal-hold-release-confirm').click();
      await page.locator('[data-testid="legal-hold"][data-held="false"]').waitFor();
      expect(await text(page, 'legal-hold-notice')).toBe('已解除法律保全。');
      expect(await page.getByTestId('legal-hold-badge').count()).toBe(0);
      await page.getByTestId('legal-hold-place').waitFor();
    } finally {
      await supervisor.context.close();
    }
    // The investigator's case page shows no legal hold panel at all now.
    const after = await gqlAs<{ case: { legalHold: unknown } }>(INVESTIGATOR, 'query($c: ID!) { case(id: $c) { legalHold { reason } } }', { c: caseId });
    expect(after.case.legalHold).toBeNull();
  });
});
