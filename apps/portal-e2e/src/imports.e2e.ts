import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { luhnCheckDigit } from '@caselink/domain';
import { gqlAs, launchBrowser, login, newPage, screenshot, switchLanguage, text, uniqueSuffix } from './support';

/**
 * Spreadsheet import and evidence files end to end: Guangdong creates a case, imports a CSV of five statements
 * (three good, two refused with the column named), follows the import to DONE and sees the statements and the
 * summed loss on the case; then uploads a file, finds its sha256 listed, downloads the same bytes, and has an
 * empty file refused with the reason.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const GD = 'investigator@gd.demo';

/** GB 11643 resident ID: 17 digits and an ISO 7064 MOD 11-2 check character. */
function idNumber(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

/** A card number with its Luhn check digit appended. */
function luhn(partial: string): string {
  return partial + luhnCheckDigit(partial);
}

const isLuhnValid = (card: string) => luhn(card.slice(0, -1)) === card;

/** "YYYY-MM-DD HH:mm" in Beijing time, `days` ago: the worker reads such times as Asia/Shanghai. */
function beijing(daysAgo: number, time: string): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000 + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 10)} ${time}`;
}

const isCasePage = (url: URL) => /^\/cases\/[^/]+$/.test(url.pathname) && url.pathname !== '/cases/new';

async function downloadText(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`download ${download.suggestedFilename()} failed: ${await download.failure()}`);
  return readFileSync(file);
}

const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

function buildCsv() {
  const good = idNumber('44010619800101123');
  const goodToo = idNumber('44030519751230456');
  const valid = idNumber('44010419900215789');
  // The same body with a check character that cannot be right.
  const badId = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
  const cards = [luhn('622202100112345678'), luhn('621700001234567890'), luhn('622848001234567890'), luhn('621483001122334455')];
  for (const c of cards) if (!isLuhnValid(c)) throw new Error(`bad test card ${c}`);
  const header = ['victim_name', 'victim_id_number', 'victim_phone', 'victim_gender', 'victim_province', 'taken_at', 'place', 'narrative',
    'reported_loss', 'transfer1_from', 'transfer1_to', 'transfer1_bank', 'transfer1_amount', 'transfer1_time', 'transfer1_channel'];
  const taken = beijing(2, '10:30');
  const paid = beijing(3, '14:05');
  const rows = [
    ['林晓燕', good, '13812345678', '女', '44', taken, '广州市天河区石牌派出所', '被冒充客服诱导转账。', '1200.50', cards[0], cards[1], '中国建设银行', '1200.50', paid, 'BANK_TRANSFER'],
    ['周志强', goodToo, '13923456789', '男', '44', taken, '深圳市南山区派出所', '在虚假投资App充值后无法提现。', '3000.00', cards[2], cards[1], '中国建设银行', '3000.00', paid, '银行转账'],
    // Row 4: the ID number fails its check character.
    ['错号码', badId, '13700001111', '男', '44', taken, '广州市越秀区派出所', '身份证号校验位错误。', '50.00', '', '', '', '', '', ''],
    ['吴丽', valid, '13600002222', '女', '44', taken, '佛山市禅城区派出所', '刷单返利被骗。', '815.25', cards[3], cards[1], '中国建设银行', '815.25', paid, 'BANK_TRANSFER'],
    // Row 6: a negative loss.
    ['负金额', '', '13500003333', '女', '44', taken, '东莞市派出所', '损失金额为负数。', '-20.00', '', '', '', '', '', ''],
  ];
  return { csv: `${[header, ...rows].map(csvLine).join('\r\n')}\r\n`, badIdRow: 4, negativeRow: 6 };
}

/** 1200.50 + 3000.00 + 815.25, as zh-CN writes CNY. */
const IMPORTED_SUM_ZH = '¥5,015.75';

async function createCaseInUi(page: Page, title: string): Promise<string> {
  await page.goto('/cases/new');
  await page.getByTestId('new-case-form').waitFor();
  await page.locator('input[name="title"]').fill(title);
  await page.locator('select[name="fraudType"]').selectOption('FAKE_CUSTOMER_SERVICE');
  const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  await page.locator('input[name="reportedOn"]').fill(yesterday);
  await page.getByTestId('create-case-submit').click();
  await page.waitForURL(isCasePage);
  await page.getByTestId('case-title').filter({ hasText: title }).waitFor();
  return new URL(page.url()).pathname;
}

describe('imports and evidence', () => {
  test('Guangdong imports a CSV of statements: 3 imported, 2 refused with their columns; the case shows them', async () => {
    const { csv, badIdRow, negativeRow } = buildCsv();
    const title = `E2E 表格导入 ${uniqueSuffix()}`;
    const { context, page } = await newPage(browser);
    try {
      await login(page, GD);
      const caseUrl = await createCaseInUi(page, title);
      await page.getByTestId('import-statements').click();
      await page.waitForURL((url) => url.pathname === `${caseUrl}/import`);
      await page.getByTestId('import-page').waitFor();
      await page.getByTestId('column-guide').waitFor();
      expect(await page.getByTestId('column-guide').textContent()).toContain('身份证号');

      // The template in Chinese headers, as the page's language.
      const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-template').click()]);
      expect(template.suggestedFilename()).toBe('caselink-statements-template-zh.csv');
      const templateText = (await downloadText(template)).toString('utf8');
      expect(templateText.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^受害人姓名,身份证号,/);
      await screenshot(page, 'imports-page');

      // Nothing chosen: said so, no round trip.
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-file-error').waitFor();

      await page.getByTestId('import-file').setInputFiles({ name: 'statements.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByTestId('import-submit').click();
      const progress = page.getByTestId('import-progress');
      await progress.waitFor();
      await page.locator('[data-testid="import-progress"][data-status="DONE"]').waitFor({ timeout: 30_000 });
      expect(page.url()).toContain('?import=');
      expect(await text(page, 'import-imported')).toBe('3');
      expect(await text(page, 'import-error-count')).toBe('2');
      expect(await text(page, 'import-total')).toBe('5');
      expect(await text(page, 'import-summary')).toContain('已导入 3 份笔录，2 行有错误');

      // The error report names the row and the column, in the page's language and canonically.
      const errorRows = page.getByTestId('import-error-row');
      expect(await errorRows.count()).toBe(2);
      const idError = page.locator(`[data-testid="import-error-row"][data-row="${badIdRow}"]`);
      expect(await idError.getAttribute('data-column')).toBe('victim_id_number');
      expect(await idError.getByTestId('import-error-column').textContent()).toContain('身份证号');
      expect((await idError.getByTestId('import-error-reason').textContent())?.length).toBeGreaterThan(3);
      const lossError = page.locator(`[data-testid="import-error-row"][data-row="${negativeRow}"]`);
      expect(await lossError.getAttribute('data-column')).toBe('reported_loss');
      expect(await lossError.getByTestId('import-error-column').textContent()).toContain('损失金额');

      // The error report as CSV, made in the browser.
      const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-errors').click()]);
      expect(report.suggestedFilename()).toBe('statements-errors.csv');
      const reportLines = (await downloadText(report)).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(reportLines).toHaveLength(3);
      expect(reportLines[1]).toMatch(new RegExp(`^${badIdRow},身份证号,victim_id_number,`));
      expect(reportLines[2]).toMatch(new RegExp(`^${negativeRow},损失金额,reported_loss,`));

      // The earlier-imports list has it, done.
      const historyRow = page.getByTestId('import-row').first();
      await historyRow.locator('[data-testid="import-status"][data-status="DONE"]').waitFor();
      expect(await historyRow.textContent()).toContain('statements.csv');
      await screenshot(page, 'imports-done');

      await switchLanguage(page, 'en');
      await page.locator('[data-testid="import-summary"]', { hasText: '3 statements imported, 2 rows with errors' }).waitFor();
      expect(await idError.getByTestId('import-error-column').textContent()).toBe('victim_id_number');
      await screenshot(page, 'imports-done-en');
      await switchLanguage(page, 'zh-CN');

      // The case page shows the three statements and their summed loss.
      await page.getByTestId('import-back-to-case').click();
      await page.waitForURL((url) => url.pathname === caseUrl);
      await page.locator('[data-testid="statement-count"]:text-is("3")').waitFor();
      expect(await text(page, 'case-total-loss')).toBe(IMPORTED_SUM_ZH);
      const names = await page.getByTestId('victim-name').allTextContents();
      expect(names.sort()).toEqual(['吴丽', '周志强', '林晓燕'].sort());
      expect(await page.getByTestId('transfer-row').count()).toBe(3);
      await screenshot(page, 'imports-case-statements');
    } finally {
      await context.close();
    }
  }, 120_000);

  test('evidence: a file is uploaded with progress, listed with its sha256, downloaded byte for byte; an empty one is refused', async () => {
    const title = `E2E 证据材料 ${uniqueSuffix()}`;
    const created = await gqlAs<{ createCase: { id: string } }>(GD, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
      i: { title, fraudType: 'INVESTMENT', reportedOn: '2026-01-15', provinces: ['44'] },
    });
    const caseId = created.createCase.id;
    const content = Buffer.from(`聊天记录 chat log ${title}\n`.repeat(40), 'utf8');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const fileName = '聊天记录-chat.txt';

    const { context, page } = await newPage(browser);
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await login(page, GD);
      await page.goto(`/cases/${caseId}`);
      await page.getByTestId('evidence').waitFor();
      await page.getByTestId('attachments-empty').waitFor();

      await page.getByTestId('evidence-file').setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: content });
      await page.getByTestId('evidence-upload').click();
      await page.getByTestId('evidence-notice').waitFor();
      const row = page.getByTestId('attachment-row').filter({ hasText: fileName });
      await row.waitFor();
      expect(await text(page, 'attachment-count')).toBe('1');
      expect(await row.getByTestId('attachment-size').getAttribute('data-bytes')).toBe(String(content.length));
      expect(await row.getByTestId('attachment-size').textContent()).toMatch(/^\d+(\.\d)? KB$/);
      const hash = row.getByTestId('attachment-sha256');
      expect(await hash.getAttribute('data-value')).toBe(sha256);
      expect(await hash.textContent()).toBe(`${sha256.slice(0, 12)}…${sha256.slice(-6)}`);

      // A click copies the whole hash.
      await hash.click();
      await hash.locator('.copied').waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(sha256);
      await screenshot(page, 'attachments-listed');

      // The download carries the bearer token, keeps the name and the bytes.
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('attachment-download').click()]);
      expect(download.suggestedFilename()).toBe(fileName);
      expect((await downloadText(download)).equals(content)).toBe(true);

      // An empty file is refused by the api, and the page says why.
      await page.getByTestId('evidence-file').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
      await page.getByTestId('evidence-upload').click();
      await page.getByTestId('evidence-error').waitFor();
      expect(await text(page, 'evidence-error')).toBe('文件为空（0 字节），请选择其他文件。');
      expect(await page.getByTestId('attachment-row').count()).toBe(1);
      await screenshot(page, 'attachments-empty-refused');

      // Still listed after a reload (read from the api, not kept in the page).
      await page.reload();
      await page.getByTestId('attachment-row').filter({ hasText: fileName }).waitFor();
    } finally {
      await context.close();
    }
  }, 90_000);
});
