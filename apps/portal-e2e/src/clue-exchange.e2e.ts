import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { axeViolations, gqlAs, launchBrowser, login, newPage, screenshot, switchLanguage, uniqueSuffix } from './support';

/**
 * Issue 16, part 4, in the browser: a case's clues go out as STIX 2.1 and MISP and come back in elsewhere.
 * Guangdong (owner of the demo case 440000-2026-D00001) exports it as a STIX bundle and as a MISP event; Fujian imports
 * the bundle into a case of its own: the preview shows the document's facts (TLP in colour, producer, case number),
 * the new clues with a box each, the clue Fujian already held; one clue left unchosen, the others are added and appear
 * in the clue list. The MISP event then brings just the one left out. A malformed bundle is refused with each problem
 * and where it is, in Chinese and in English. Beijing holds the demo case under "do not pass on": its export buttons
 * are off with the reason. Every state is checked with axe and photographed in both languages.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const GD = 'investigator@gd.demo';
const FJ = 'investigator@fj.demo';
const BJ = 'investigator@bj.demo';
const DEMO_CASE = '440000-2026-D00001';
/** The ring's mule card (CCB) and the Agricultural Bank account the demo case's trail pays into. */
const MULE = '6217002430001234567';
const ABC_ACCOUNT = '6228480402564890018';
/** The first victim's own card on the demo case (money only left it): left unchosen in the STIX import, brought by the MISP one. */
const VICTIM_CARD = '6222021234567890128';

/** The STIX 2.1 TLP:RED marking definition (§7.2.1.4). */
const TLP_RED = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';

/**
 * A bundle as another tool writes it: a partner's report marked TLP:RED with a domain and an IP (new clues), an e-mail
 * address and a file (no CaseLink kind) and a card number failing its Luhn check.
 */
function partnerBundle(): Buffer {
  const at = '2026-11-20T08:00:00.000Z';
  const identity = `identity--${randomUUID()}`;
  const sco = (type: string, props: Record<string, unknown>) => ({ type, spec_version: '2.1', id: `${type}--${randomUUID()}`, object_marking_refs: [TLP_RED], ...props });
  const observables = [
    sco('domain-name', { value: 'pay-check.example.com' }),
    sco('ipv4-addr', { value: '203.0.113.77' }),
    sco('email-addr', { value: 'kefu@pay-check.example.com' }),
    sco('payment-card', { card_number: '6217002430001234568' }),
    sco('file', { name: 'pay.apk', hashes: { 'SHA-256': 'a'.repeat(64) } }),
  ];
  return Buffer.from(JSON.stringify({
    type: 'bundle', id: `bundle--${randomUUID()}`,
    objects: [
      { type: 'identity', spec_version: '2.1', id: identity, created: at, modified: at, name: 'Partner CERT', identity_class: 'organization' },
      ...observables,
      { type: 'report', spec_version: '2.1', id: `report--${randomUUID()}`, created: at, modified: at, published: at, name: 'Fake payment site',
        created_by_ref: identity, object_refs: observables.map((o) => o.id), object_marking_refs: [TLP_RED] },
    ],
  }));
}

async function demoCaseId(): Promise<string> {
  const found = await gqlAs<{ cases: { edges: { node: { id: string; caseNumber: string } }[] } }>(
    GD, 'query ExchangeDemoCase($f: CaseFilter) { cases(first: 20, filter: $f) { edges { node { id caseNumber } } } }', { f: { search: '高收益理财' } },
  );
  const id = found.cases.edges.find((e) => e.node.caseNumber === DEMO_CASE)?.node.id;
  if (!id) throw new Error(`demo case ${DEMO_CASE} not found: is the demo seeded?`);
  return id;
}

async function downloaded(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`download ${download.suggestedFilename()} failed: ${await download.failure()}`);
  return readFileSync(file);
}

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await page.getByTestId('case-page').waitFor();
  await page.getByTestId('clue-exchange').waitFor();
}

/** Clicks an export button and returns the file the browser saved. */
async function exportAs(page: Page, format: 'stix' | 'misp'): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`clue-export-${format}`).click()]);
  return { name: download.suggestedFilename(), body: await downloaded(download) };
}

/** Hands a file to the import's file input (as choosing it does) and waits for the preview or the refusal. */
async function chooseFile(page: Page, name: string, body: Buffer): Promise<void> {
  await page.getByTestId('clue-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: body });
  await page.locator('[data-testid="clue-import-preview"], [data-testid="clue-import-problems"], [data-testid="clue-import-error"]').first().waitFor();
}

const keyEndingWith = (canonical: string) => `[data-key$=":${canonical}"]`;

async function identifierValues(page: Page): Promise<string[]> {
  return page.getByTestId('identifier-canonical').allTextContents();
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await axeViolations(page, '[data-testid="clue-exchange"]')).toEqual([]);
}

describe('clue exchange: STIX 2.1 and MISP, out of one case and into another', () => {
  test("Guangdong exports STIX and MISP; Fujian previews and imports them into its own case; a malformed file is refused per problem", async () => {
    const sourceId = await demoCaseId();
    const suffix = uniqueSuffix();
    const created = await gqlAs<{ createCase: { id: string } }>(FJ, 'mutation ExchangeTarget($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
      i: { title: `E2E 线索交换 ${suffix}`, fraudType: 'INVESTMENT', reportedOn: '2026-11-20', provinces: ['35'] },
    });
    const targetId = created.createCase.id;
    // Fujian already holds the mule card: the preview says so, and it is not added twice.
    await gqlAs(FJ, 'mutation ExchangeHeld($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', {
      i: { caseId: targetId, kind: 'BANK_CARD', value: MULE, note: null },
    });

    // Guangdong, the owner, downloads both files from the case page (with its token, under the api's file names).
    const gd = await newPage(browser);
    let stix: { name: string; body: Buffer };
    let misp: { name: string; body: Buffer };
    try {
      await login(gd.page, GD);
      await openCase(gd.page, sourceId);
      expect(await gd.page.getByTestId('clue-export-blocked').count()).toBe(0);
      stix = await exportAs(gd.page, 'stix');
      misp = await exportAs(gd.page, 'misp');
    } finally {
      await gd.context.close();
    }
    expect(stix.name).toBe(`${sourceId}.stix2.json`);
    expect(misp.name).toBe(`${sourceId}.misp.json`);
    const bundle = JSON.parse(stix.body.toString('utf8')) as { type: string; objects: Array<{ type: string }> };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.some((o) => o.type === 'payment-card' || o.type === 'bank-account')).toBe(true);
    expect(Object.keys(JSON.parse(misp.body.toString('utf8')) as object)).toEqual(['Event']);

    const { context, page } = await newPage(browser);
    try {
      await login(page, FJ);
      await openCase(page, targetId);
      const before = await identifierValues(page);
      expect(before).toEqual([MULE]);

      // The STIX bundle, previewed: nothing written yet.
      await chooseFile(page, stix.name, stix.body);
      const preview = page.getByTestId('clue-import-preview');
      await expect(page.getByTestId('clue-import-status').textContent()).resolves.toMatch(/条新线索/);
      expect((await page.getByTestId('clue-import-format').textContent())?.trim()).toBe('STIX 2.1 包');
      expect((await page.getByTestId('clue-import-tlp').textContent())?.trim()).toBe('TLP:AMBER');
      expect(await page.getByTestId('clue-import-case-numbers').textContent()).toContain(DEMO_CASE);
      expect(await page.getByTestId('clue-import-producer').textContent()).toContain('广东');
      await preview.locator(`[data-testid="clue-import-new"]${keyEndingWith(ABC_ACCOUNT)}`).waitFor();
      await preview.locator(`[data-testid="clue-import-held"]${keyEndingWith(MULE)}`).waitFor();
      expect(await preview.locator(`[data-testid="clue-import-new"]${keyEndingWith(MULE)}`).count()).toBe(0);
      const victimRow = preview.locator(`[data-testid="clue-import-new"]${keyEndingWith(VICTIM_CARD)}`);
      await victimRow.waitFor();
      const newCount = await preview.getByTestId('clue-import-new').count();
      expect(newCount).toBeGreaterThanOrEqual(3);
      expect(await identifierValues(page)).toEqual(before);
      await expectAxeClean(page);
      await page.getByTestId('clue-exchange').scrollIntoViewIfNeeded();
      await screenshot(page, 'clue-exchange-stix-preview-zh');

      // One clue left out (from the keyboard), the rest added in one go; the clue list shows them at once.
      await victimRow.getByTestId('clue-import-choose').focus();
      await page.keyboard.press('Space');
      expect(await victimRow.getByTestId('clue-import-choose').isChecked()).toBe(false);
      expect((await page.getByTestId('clue-import-submit').textContent())?.trim()).toBe(`添加 ${newCount - 1} 条线索`);
      await page.getByTestId('clue-import-submit').click();
      await page.getByTestId('clue-import-preview').waitFor({ state: 'detached' });
      await expect(page.getByTestId('clue-import-status').textContent()).resolves.toContain(`已向本案添加 ${newCount - 1} 条线索`);
      const after = await identifierValues(page);
      expect(after).toHaveLength(1 + newCount - 1);
      expect(after).toContain(ABC_ACCOUNT);
      expect(after).not.toContain(VICTIM_CARD);
      await screenshot(page, 'clue-exchange-stix-added-zh');

      // The MISP event of the same case, in English: everything is there but the clue left out.
      await switchLanguage(page, 'en');
      await page.getByTestId('clue-exchange').waitFor();
      await chooseFile(page, misp.name, misp.body);
      expect((await page.getByTestId('clue-import-format').textContent())?.trim()).toBe('MISP event');
      await expect(page.getByTestId('clue-import-status').textContent()).resolves.toMatch(/^1 new clue, \d+ already in this case/);
      const onlyNew = preview.getByTestId('clue-import-new');
      expect(await onlyNew.count()).toBe(1);
      expect(await onlyNew.first().getAttribute('data-key')).toMatch(new RegExp(`:${VICTIM_CARD}$`));
      await preview.locator(`[data-testid="clue-import-held"]${keyEndingWith(ABC_ACCOUNT)}`).waitFor();
      await expectAxeClean(page);
      await page.getByTestId('clue-exchange').scrollIntoViewIfNeeded();
      await screenshot(page, 'clue-exchange-misp-preview-en');
      expect((await page.getByTestId('clue-import-submit').textContent())?.trim()).toBe('Add 1 clue');
      await page.getByTestId('clue-import-submit').click();
      await page.getByTestId('clue-import-preview').waitFor({ state: 'detached' });
      await expect(page.getByTestId('clue-import-status').textContent()).resolves.toMatch(/^1 clue added to the case/);
      expect(await identifierValues(page)).toContain(VICTIM_CARD);

      // A malformed bundle: refused as a whole, each problem said with where it is.
      const broken = Buffer.from(JSON.stringify({
        type: 'bundle', id: 'bundle--0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a00',
        objects: [
          { type: 'payment-card', spec_version: '2.0', id: 'payment-card--0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a01', card_number: MULE },
          { type: 'domain-name', spec_version: '2.1', id: 'domain-name--nope', value: 'pay.example' },
          { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a02' },
        ],
      }));
      await chooseFile(page, 'broken.json', broken);
      const problems = page.getByTestId('clue-import-problem');
      expect(await problems.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['WRONG_SPEC_VERSION', 'BAD_ID', 'MISSING_PROPERTY']);
      const enText = (await page.getByTestId('clue-import-problems').textContent()) ?? '';
      expect(enText).toContain('/objects/0/spec_version');
      expect(enText).toContain('"domain-name--nope" is not domain-name--<UUID>');
      expect(enText).toContain('/objects/2/value');
      expect(await page.getByTestId('clue-import-preview').count()).toBe(0);
      await expectAxeClean(page);
      await screenshot(page, 'clue-exchange-refused-en');
      await switchLanguage(page, 'zh-CN');
      await page.getByTestId('clue-exchange').waitFor();
      await chooseFile(page, 'broken.json', broken);
      const zhText = (await page.getByTestId('clue-import-problems').textContent()) ?? '';
      expect(zhText).toContain('文件被拒绝');
      expect(zhText).toContain('spec_version 必须为 "2.1"');
      // No English sentence in the Chinese portal: only the pointer, ids and the property name stay as they are.
      expect(zhText).not.toMatch(/not a valid|must be|is missing/);
      await expectAxeClean(page);
      await screenshot(page, 'clue-exchange-refused-zh');

      // Another tool's bundle: TLP:RED, its producer, the objects refused with the reason in Chinese; left without adding.
      await chooseFile(page, 'partner.json', partnerBundle());
      expect((await page.getByTestId('clue-import-tlp').textContent())?.trim()).toBe('TLP:RED');
      expect((await page.getByTestId('clue-import-producer').textContent())?.trim()).toBe('Partner CERT');
      expect(await preview.getByTestId('clue-import-new').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))))
        .toEqual(['DOMAIN:pay-check.example.com', 'IP:203.0.113.77']);
      const refusals = preview.getByTestId('clue-import-refusal');
      expect(await refusals.evaluateAll((els) => els.map((e) => e.getAttribute('data-reason')))).toEqual(['NO_EMAIL_KIND', 'UNSUPPORTED_TYPE', 'INVALID_VALUE']);
      expect(await refusals.last().textContent()).toContain('值未通过该类线索的校验');
      await expectAxeClean(page);
      await page.getByTestId('clue-import-preview').scrollIntoViewIfNeeded();
      await screenshot(page, 'clue-exchange-partner-preview-zh');
      await page.getByTestId('clue-import-discard').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('clue-import-preview').waitFor({ state: 'detached' });
      expect(await identifierValues(page)).not.toContain('pay-check.example.com');

      // Not JSON at all.
      await chooseFile(page, 'notes.json', Buffer.from('this is not json'));
      expect(await page.getByTestId('clue-import-problem').first().getAttribute('data-code')).toBe('NOT_JSON');
    } finally {
      await context.close();
    }
  }, 300_000);

  test('Beijing holds the demo case under "do not pass on": no export, the reason said; it may still import as a contributor', async () => {
    const caseId = await demoCaseId();
    const { context, page } = await newPage(browser);
    try {
      await login(page, BJ);
      await openCase(page, caseId);
      expect(await page.getByTestId('clue-export-stix').isDisabled()).toBe(true);
      expect(await page.getByTestId('clue-export-misp').isDisabled()).toBe(true);
      expect(await page.getByTestId('clue-export-blocked').textContent()).toContain('不得转交');
      await page.getByTestId('clue-import-form').waitFor();
      await expectAxeClean(page);
      await switchLanguage(page, 'en');
      await page.getByTestId('clue-exchange').waitFor();
      expect(await page.getByTestId('clue-export-blocked').textContent()).toContain('not passed on');
      await page.getByTestId('clue-exchange').scrollIntoViewIfNeeded();
      await screenshot(page, 'clue-exchange-no-pass-on-en');
    } finally {
      await context.close();
    }
  }, 120_000);
});
