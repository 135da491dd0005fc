import type { Browser, Page } from 'playwright-core';
import { axeViolations, gqlAs, launchBrowser, login, luhnCard, newPage, screenshot, switchLanguage, text, uniqueSuffix, type UiLocale } from './support';

/**
 * Freezes find their bank (issue 16 part 1) in the portal: a bank's admin keeps the bank's card BINs and account
 * prefixes (list, register several, remove after confirming); an investigator typing an account into the freeze form
 * gets its issuing bank chosen, with a note saying so; a freeze sent to another bank is refused naming the right one,
 * with one click to send it there instead; the case's clue list shows each card's issuing bank. axe-clean in both
 * languages, with screenshots. Demo data: tools/seed/demo-data.ts and tools/seed/bank-prefixes.ts.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const GD = 'investigator@gd.demo';
const PAGE = '/admin/bank-prefixes';
const NAV = `nav-${PAGE.slice(1)}`;
const ABC = { zh: '中国农业银行', en: 'Agricultural Bank of China' };
const ICBC = { zh: '中国工商银行', en: 'Industrial and Commercial Bank of China' };
const CCB = { zh: '中国建设银行', en: 'China Construction Bank' };

/** A prefix no demo bank registered (demo prefixes start with 1, 4 or 6), unique per run: 8 digits. */
const freshPrefix = () => `88${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

/** Every message of the page exists in the language shown: no key (or failed ICU message) reaches the screen. */
async function expectNoRawKeys(page: Page) {
  expect((await page.locator('body').innerText()).match(/bankRouting\.[\w.]+/g)).toBeNull();
}

async function openAdminPage(page: Page) {
  await page.getByTestId(NAV).click();
  await page.waitForURL((url) => url.pathname === PAGE);
  // Either the list or its error arrives; an error fails here with its text instead of a timeout.
  await page.locator('[data-testid="bp-error"], [data-testid^="bp-row-"], [data-testid="bp-empty"]').first().waitFor();
  expect(await page.getByTestId('bp-error').allTextContents()).toEqual([]);
}

async function issuerOf(account: string): Promise<string | null> {
  const d = await gqlAs<{ issuingBank: { prefix: string; bank: { nameEn: string } } | null }>(GD, 'query($a: String!) { issuingBank(account: $a) { prefix bank { nameEn } } }', {
    a: account,
  });
  return d.issuingBank ? `${d.issuingBank.bank.nameEn} ${d.issuingBank.prefix}` : null;
}

async function register(page: Page, prefixes: string, label: string) {
  const form = page.getByTestId('bp-add-form');
  await form.locator('textarea[name="prefixes"]').fill(prefixes);
  await form.locator('input[name="label"]').fill(label);
  await page.getByTestId('bp-add-submit').click();
}

describe('a bank admin keeps its card BINs and account prefixes', () => {
  test("ABC's admin sees the bank's prefixes, registers two, and removes them after confirming (Chinese)", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin@abc.demo');
      await openAdminPage(page);
      expect(await page.locator('h1').textContent()).toBe(`${ABC.zh}的卡BIN与账号前缀`);
      // The seeded prefixes of the bank, with what they stand for; none of another bank.
      const seeded = page.getByTestId('bp-row-622848');
      await seeded.waitFor();
      expect(await seeded.getByTestId('bp-label').textContent()).toBe('金穗借记卡 ABC Golden Harvest debit cards');
      expect(await page.getByTestId('bp-row-1030').getByTestId('bp-label').textContent()).toBe('单位结算账户 ABC company accounts');
      expect(await page.getByTestId('bp-row-622202').count()).toBe(0);
      expect(Number(await page.getByTestId('bp-count').getAttribute('data-count'))).toBeGreaterThanOrEqual(5);
      expect(await seeded.textContent()).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）/);

      // Checked before any round trip: nothing, then prefixes that are not 4 to 12 digits, each named.
      await page.getByTestId('bp-add-submit').click();
      expect(await text(page, 'error-prefixes')).toBe('请至少输入一个前缀。');
      await register(page, '62a848, 123', '');
      expect(await text(page, 'error-prefixes')).toBe('“62a848”：只能包含数字，长度为 4 至 12 位。 “123”：只能包含数字，长度为 4 至 12 位。');
      // A prefix another bank registered: the api refuses all of them, naming that bank (translated from its reason).
      const [a, b] = [freshPrefix(), freshPrefix()];
      await register(page, `${a}\n622202`, 'E2E');
      expect(await text(page, 'error-prefixes')).toBe(`“622202”：前缀 622202 已由${ICBC.zh}登记。`);
      expect(await page.getByTestId(`bp-row-${a}`).count()).toBe(0);
      expect(await issuerOf(luhnCard(a))).toBeNull();
      await expectNoRawKeys(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'bank-prefixes-errors-zh-CN');

      // Two at once, separated by a Chinese comma, with a label: both listed, removable, and freezes of them now find ABC.
      const label = `E2E 测试卡段 ${uniqueSuffix()}`;
      await register(page, `${a}，${b}`, label);
      await page.getByTestId(`bp-row-${a}`).waitFor();
      expect(await text(page, 'bp-notice')).toBe(`已登记 2 个前缀：${a}, ${b}`);
      expect(await page.getByTestId(`bp-row-${b}`).getByTestId('bp-label').textContent()).toBe(label);
      expect(await page.locator('textarea[name="prefixes"]').inputValue()).toBe('');
      expect(await issuerOf(luhnCard(a))).toBe(`${ABC.en} ${a}`);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'bank-prefixes-added-zh-CN');

      // Removing asks first; Escape (or Cancel) keeps the prefix, and focus goes back to its button.
      const rowA = page.getByTestId(`bp-row-${a}`);
      await rowA.getByTestId('bp-remove').click();
      const dialog = page.getByTestId('bp-remove-dialog');
      await dialog.waitFor();
      expect(await dialog.locator('h2').textContent()).toBe(`删除前缀 ${a}？`);
      expect(await dialog.textContent()).toContain('办案民警需自行选择银行');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'bank-prefixes-remove-zh-CN');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await rowA.getByTestId('bp-remove').evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await rowA.count()).toBe(1);

      // Confirmed with the keyboard: gone from the list and from routing.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.getByTestId('bp-remove-confirm').focus();
      await page.keyboard.press('Enter');
      await rowA.waitFor({ state: 'detached' });
      expect(await text(page, 'bp-notice')).toBe(`已删除前缀 ${a}。`);
      expect(await issuerOf(luhnCard(a))).toBeNull();
      await page.getByTestId(`bp-row-${b}`).getByTestId('bp-remove').click();
      await page.getByTestId('bp-remove-confirm').click();
      await page.getByTestId(`bp-row-${b}`).waitFor({ state: 'detached' });
      // The seeded ones were left alone, also after a reload.
      await page.reload();
      await seeded.waitFor();
      expect(await page.getByTestId(`bp-row-${b}`).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 180_000);

  test("ICBC's admin in English: the list, one prefix registered and removed, axe-clean", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin@icbc.demo');
      await switchLanguage(page, 'en');
      await openAdminPage(page);
      expect(await page.locator('h1').textContent()).toBe(`Card BINs and account prefixes of ${ICBC.en}`);
      expect(await page.getByTestId('bp-row-622202').getByTestId('bp-label').textContent()).toBe('牡丹灵通卡（借记卡）ICBC Peony debit cards');
      expect(await page.getByTestId('bp-row-622848').count()).toBe(0);
      await page.getByTestId('bp-add-submit').click();
      expect(await text(page, 'error-prefixes')).toBe('Enter at least one prefix.');
      // ABC's BIN is ABC's.
      await register(page, '622848', '');
      expect(await text(page, 'error-prefixes')).toBe(`“622848”: Prefix 622848 is registered by ${ABC.en}.`);
      await expectNoRawKeys(page);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'bank-prefixes-en');

      const p = freshPrefix();
      await register(page, p, 'E2E account range');
      await page.getByTestId(`bp-row-${p}`).waitFor();
      expect(await text(page, 'bp-notice')).toBe(`Registered: ${p}`);
      expect(await issuerOf(luhnCard(p))).toBe(`${ICBC.en} ${p}`);
      await page.getByTestId(`bp-row-${p}`).getByTestId('bp-remove').click();
      await page.getByTestId('bp-remove-dialog').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'bank-prefixes-remove-en');
      await page.getByTestId('bp-remove-confirm').click();
      await page.getByTestId(`bp-row-${p}`).waitFor({ state: 'detached' });
      expect(await text(page, 'bp-notice')).toBe(`Prefix ${p} removed.`);
      expect(await issuerOf(luhnCard(p))).toBeNull();
    } finally {
      await context.close();
    }
  }, 120_000);

  test('a liaison of the bank and an investigator neither see the page in the navigation nor open it', async () => {
    for (const email of ['liaison@icbc.demo', GD]) {
      const { context, page } = await newPage(browser);
      try {
        await login(page, email);
        expect(await page.getByTestId(NAV).count()).toBe(0);
        await page.goto(PAGE);
        await page.getByTestId('forbidden').waitFor();
        expect(await page.getByTestId('bp-table').count()).toBe(0);
        await expect(gqlAs(email, 'mutation { removeBankPrefix(prefix: "622202") }')).rejects.toThrow(/FORBIDDEN/);
      } finally {
        await context.close();
      }
    }
  });
});

interface Fixture {
  caseId: string;
  /** The victim paid into this ABC card; the victim's own card is CCB's; a clue card no bank registered. */
  abcCard: string;
  ccbCard: string;
  unknownCard: string;
}

/** A fresh Guangdong case: a victim paid 30,000 from a CCB card into an ABC card (the trail names the wrong bank); a card clue of no registered bank. */
async function createCase(): Promise<Fixture> {
  const abcCard = luhnCard('622848');
  const ccbCard = luhnCard('621700');
  const unknownCard = luhnCard('955880');
  const created = await gqlAs<{ createCase: { id: string } }>(GD, 'mutation BrCase($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
    i: { title: `E2E 冒充公检法诈骗 ${uniqueSuffix()}`, fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-02-03', provinces: ['44'], sensitivity: 'NORMAL' },
  });
  const caseId = created.createCase.id;
  await gqlAs(GD, 'mutation BrStatement($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
    i: {
      caseId, takenAt: new Date(Date.now() - 86_400_000).toISOString(), place: '广州市公安局天河分局', province: '44',
      narrative: '自称检察官以“资金核查”为由诱导被害人转账。', reportedLoss: '30000.00', victim: { name: '测试被害人' },
      transfers: [{ fromAccount: ccbCard, toAccount: abcCard, bank: '中国工商银行', amount: '30000.00', occurredAt: new Date(Date.now() - 3600_000).toISOString(), channel: 'BANK_TRANSFER' }],
    },
  });
  await gqlAs(GD, 'mutation BrClue($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId, kind: 'BANK_CARD', value: unknownCard, note: '嫌疑人提供' } });
  return { caseId, abcCard, ccbCard, unknownCard };
}

/** The bank agencies a freeze can go to, by English name. */
async function bankIds(): Promise<Record<string, string>> {
  const d = await gqlAs<{ requestTargets: { id: string; nameEn: string }[] }>(GD, '{ requestTargets(type: FREEZE) { id nameEn } }');
  return Object.fromEntries(d.requestTargets.map((a) => [a.nameEn, a.id]));
}

const WORDS = {
  'zh-CN': {
    clue: (bank: string, prefix: string) => `发卡行：${bank} · 前缀 ${prefix}`,
    unknownClue: '发卡行未知（无银行登记其前缀）',
    found: `该账户由${ABC.zh}发行（前缀 622848）：已为您选择该行，冻结将发往该行。`,
    other: `该账户由${ABC.zh}发行（前缀 622848），但当前选择的是其他银行：冻结将被拒绝。 改选${ABC.zh}`,
    unknown: '尚无银行登记该账户的前缀：请选择开户银行。',
    wrong: `该账户由${ABC.zh}发行（前缀 622848），请向${ABC.zh}发送冻结。`,
    instead: `改为发送给${ABC.zh}`,
    bank: ABC.zh,
    icbc: ICBC.zh,
    ccb: CCB.zh,
    doc: `粤公（刑）止字〔2026〕${uniqueSuffix()}号`,
  },
  en: {
    clue: (bank: string, prefix: string) => `Issued by ${bank} · prefix ${prefix}`,
    unknownClue: 'Issuing bank unknown (no bank registered its prefix)',
    found: `Issued by ${ABC.en} (prefix 622848): the freeze goes to this bank, chosen for you.`,
    other: `Issued by ${ABC.en} (prefix 622848), but another bank is chosen: the freeze would be refused. Choose ${ABC.en}`,
    unknown: "No bank has registered this account's prefix: choose the bank that holds the account.",
    wrong: `This account is issued by ${ABC.en} (prefix 622848): send the freeze to ${ABC.en}.`,
    instead: `Send to ${ABC.en} instead`,
    bank: ABC.en,
    icbc: ICBC.en,
    ccb: CCB.en,
    doc: `GD-PSB freeze ${uniqueSuffix()}`,
  },
} as const;

describe('freezes find their bank (an investigator)', () => {
  for (const locale of ['zh-CN', 'en'] as UiLocale[]) {
    test(`${locale}: the clue list names issuing banks; the freeze form chooses ABC for an ABC card; a wrong bank is refused and fixed in one click`, async () => {
      const w = WORDS[locale];
      const fx = await createCase();
      const banks = await bankIds();
      const { context, page } = await newPage(browser);
      try {
        await login(page, GD);
        if (locale === 'en') await switchLanguage(page, 'en');

        // The case's clues: each card with the bank that issues it (by registered prefix), or "unknown".
        await page.goto(`/cases/${fx.caseId}`);
        const clue = (card: string) => page.getByTestId('identifier-row').filter({ hasText: card }).first();
        await clue(fx.abcCard).waitFor();
        expect(await clue(fx.abcCard).getByTestId('identifier-issuing-bank').textContent()).toBe(w.clue(w.bank, '622848'));
        expect(await clue(fx.ccbCard).getByTestId('identifier-issuing-bank').textContent()).toBe(w.clue(w.ccb, '621700'));
        expect(await clue(fx.unknownCard).getByTestId('identifier-issuing-bank').textContent()).toBe(w.unknownClue);
        expect(await axeViolations(page, '[data-testid="identifiers"]')).toEqual([]);
        await page.getByTestId('identifiers').scrollIntoViewIfNeeded();
        await screenshot(page, `bank-routing-clues-${locale}`);

        // A new freeze, typed by hand: an account no bank registered leaves the choice to the investigator...
        await page.goto(`/cases/${fx.caseId}/requests/new?type=FREEZE`);
        const form = page.getByTestId('freeze-form');
        await page.locator('select[name="bankAgencyId"]:not([disabled])').waitFor();
        const note = page.getByTestId('freeze-issuing-bank');
        const bankSelect = form.locator('select[name="bankAgencyId"]');
        await form.locator('input[name="account"]').fill(fx.unknownCard);
        await page.locator('[data-testid="freeze-issuing-bank"][data-state="unknown"]').waitFor();
        expect(await note.textContent()).toBe(w.unknown);
        expect(await bankSelect.inputValue()).toBe('');

        // ...an ABC card, typed key by key, gets ABC chosen, with the note saying why.
        await form.locator('input[name="account"]').fill('');
        await form.locator('input[name="account"]').pressSequentially(fx.abcCard, { delay: 20 });
        await page.locator('[data-testid="freeze-issuing-bank"][data-state="found"]').waitFor();
        expect(await note.textContent()).toBe(w.found);
        expect(await bankSelect.inputValue()).toBe(banks[ABC.en]);
        expect(await bankSelect.locator('option:checked').textContent()).toContain(w.bank);
        await form.locator('input[name="amount"]').fill('30000.00');
        await form.locator('input[name="legalBasisDoc"]').fill(w.doc);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `bank-routing-freeze-chosen-${locale}`);

        // Choosing ICBC by hand stands (the account did not change), and the note warns.
        await bankSelect.selectOption(banks[ICBC.en]);
        await page.locator('[data-testid="freeze-issuing-bank"][data-state="other"]').waitFor();
        expect((await note.textContent())?.replace(/\s+/g, ' ')).toBe(w.other);
        expect(await bankSelect.inputValue()).toBe(banks[ICBC.en]);

        // Sent anyway: the api refuses (WRONG_BANK) naming ABC; one click sends the same freeze to ABC.
        await page.getByTestId('request-send').click();
        await page.getByTestId('freeze-wrong-bank').waitFor();
        expect(await text(page, 'freeze-wrong-bank-text')).toBe(w.wrong);
        expect(await text(page, 'freeze-send-instead')).toBe(w.instead);
        expect(await page.getByTestId('request-form-error').count()).toBe(0);
        await expectNoRawKeys(page);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `bank-routing-wrong-bank-${locale}`);
        await page.getByTestId('freeze-send-instead').click();
        await page.waitForURL((url) => url.pathname.startsWith('/requests/') && url.searchParams.get('sent') === '1');
        await page.getByTestId('request-page').waitFor();

        const sent = await gqlAs<{ caseRequests: { account: string; toAgency: { nameEn: string }; kind: string }[] }>(GD,
          'query($c: ID!) { caseRequests(caseId: $c) { account kind toAgency { nameEn } } }', { c: fx.caseId });
        expect(sent.caseRequests.map((r) => [r.account, r.toAgency.nameEn, r.kind])).toEqual([[fx.abcCard, ABC.en, 'EMERGENCY_STOP']]);
        await screenshot(page, `bank-routing-sent-${locale}`);
      } finally {
        await context.close();
      }
    }, 180_000);
  }
});
