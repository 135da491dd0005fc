import {
  CooperationKind, FreezeKind, IdentifierKind, LegalBasis, normalizeIdentifier, RequestState, RequestType, TelecomKind, Urgency,
} from '@caselink/domain';
import { RING, type RingAccount } from './demo-ring';

/**
 * Demo requests, so every inbox has something on first start and the ring's money can be followed bank by bank:
 * - Guangdong's demo case: an emergency stop at ABC for the ABC card its trail names (pending), a subscriber look-up
 *   (China Mobile) and a cooperation request to the Cambodian police (acknowledged);
 * - today's Shenzhen victims: a stop at ABC, answered in part — the rest had gone on to an ICBC and a CMB card; the
 *   stop at ICBC waits, CMB found no funds (gone on to CCB), the stop at CCB is acknowledged: one trace, four banks;
 * - Fujian's freeze of the CCB mule card, answered with where the money went (a shell company's ABC account and an
 *   ICBC card), and the freeze of the company account at ABC; Shaanxi's stop at CMB (held); Zhejiang's freeze at ICBC
 *   (acknowledged); Shanghai's suspension of the "mentor's" number at China Telecom (done).
 * Each goes to the bank that issues the account (the BIN). Written by tools/seed/demo-writer.ts through the request
 * store, move by move along the state machine; deadlines and holds run from the seeding.
 */
export interface DemoAnswer {
  to: RequestState;
  /** The addressed agency's note on its answer. */
  note?: string;
  amountHeld?: string;
  balance?: string;
  /** Where the bank says the money went before the hold (a freeze's answer). */
  downstream?: Array<{ to: RingAccount; amount: string; occurredAt: Date }>;
}

export interface DemoRequest {
  type: RequestType;
  kind: string;
  caseNumber: string;
  fromKey: string;
  toKey: string;
  authorEmail: string;
  /** Who answers for the addressed agency (its liaison). */
  answererEmail?: string;
  urgency: Urgency;
  legalBasisDoc: string | null;
  legalBasis?: LegalBasis;
  /** The account to hold and the transfer of the case it is asked from (the victim's payment, or a bank's answer). */
  freeze?: { account: RingAccount; amount: string; fromTransfer: { source: 'PAYMENT_TRAIL' | 'BANK_RESPONSE' } };
  telecom?: { kind: IdentifierKind; value: string };
  cooperation?: { summary: string; subjects: Array<{ name: string; note: string | null; identifiers: Array<{ kind: IdentifierKind; value: string }> }> };
  /** The addressed agency's moves after the request is sent, in order (none: it waits, SENT). */
  answers?: DemoAnswer[];
}

const canonical = (kind: IdentifierKind, value: string) => {
  const r = normalizeIdentifier(kind, value);
  if (!r.ok) throw new Error(`demo value ${value}: ${r.reason}`);
  return r.canonical;
};

export function demoCanonical(kind: IdentifierKind, value: string): string {
  return canonical(kind, value);
}

const S = RequestState;

/** The demo requests, with the banks' answers timed relative to `now` (the seeding). */
export function demoRequests(now: Date): DemoRequest[] {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const GD = { caseNumber: '440000-2026-D00001', fromKey: 'gd', authorEmail: 'investigator@gd.demo' };
  const TODAY = { caseNumber: '440000-2026-D00003', fromKey: 'gd', authorEmail: 'investigator@gd.demo' };
  const stop = { type: RequestType.FREEZE, kind: FreezeKind.EMERGENCY_STOP, urgency: Urgency.URGENT };
  const freeze = { type: RequestType.FREEZE, kind: FreezeKind.FREEZE, urgency: Urgency.NORMAL };
  return [
    {
      ...GD, ...stop, toKey: 'abc', legalBasisDoc: '粤公(反诈)止付字[2026]0117号',
      freeze: { account: RING.muleAbc, amount: '100000.00', fromTransfer: { source: 'PAYMENT_TRAIL' } },
    },
    {
      ...GD, type: RequestType.TELECOM, kind: TelecomKind.SUBSCRIBER_INFO, toKey: 'cmcc', urgency: Urgency.URGENT,
      legalBasisDoc: '粤公(反诈)调证字[2026]0452号', telecom: { kind: IdentifierKind.PHONE, value: '+86 170 1234 5678' },
    },
    {
      ...GD, type: RequestType.COOPERATION, kind: CooperationKind.INFORMATION_SHARING, toKey: 'kh', answererEmail: 'liaison@kh.demo', urgency: Urgency.NORMAL,
      legalBasisDoc: null, legalBasis: LegalBasis.MUTUAL_LEGAL_ASSISTANCE,
      cooperation: {
        summary: '“汇金理财”诈骗团伙疑在西哈努克港园区作案，请协助核查以下人员的出入境与住所信息。',
        subjects: [
          { name: '“张总” ZHANG (alias)', note: '话务组长', identifiers: [{ kind: IdentifierKind.PHONE, value: canonical(IdentifierKind.PHONE, '+855 12 345 678') }] },
          { name: '“导师” (alias)', note: '“投资导师”，微信 hjlc_daoshi888', identifiers: [{ kind: IdentifierKind.SOCIAL_ACCOUNT, value: canonical(IdentifierKind.SOCIAL_ACCOUNT, 'wechat:hjlc_daoshi888') }] },
        ],
      },
      answers: [{ to: S.ACKNOWLEDGED }],
    },
    {
      ...TODAY, ...stop, toKey: 'abc', answererEmail: 'liaison@abc.demo', legalBasisDoc: '粤公(反诈)止付字[2026]0231号',
      freeze: { account: RING.todayAbc, amount: '300000.00', fromTransfer: { source: 'PAYMENT_TRAIL' } },
      answers: [
        { to: S.ACKNOWLEDGED },
        {
          to: S.PARTIALLY_FROZEN, amountHeld: '120000.00', balance: '120000.00', note: '已止付账户余额120,000.00元；其余180,000.00元已于止付前转出，明细见下。',
          downstream: [{ to: RING.hopIcbc, amount: '110000.00', occurredAt: ago(150) }, { to: RING.hopCmb, amount: '70000.00', occurredAt: ago(145) }],
        },
      ],
    },
    {
      ...TODAY, ...stop, toKey: 'icbc', legalBasisDoc: '粤公(反诈)止付字[2026]0232号',
      freeze: { account: RING.hopIcbc, amount: '110000.00', fromTransfer: { source: 'BANK_RESPONSE' } },
    },
    {
      ...TODAY, ...stop, toKey: 'cmb', answererEmail: 'liaison@cmb.demo', legalBasisDoc: '粤公(反诈)止付字[2026]0233号',
      freeze: { account: RING.hopCmb, amount: '70000.00', fromTransfer: { source: 'BANK_RESPONSE' } },
      answers: [
        { to: S.ACKNOWLEDGED },
        {
          to: S.NO_FUNDS, balance: '200.00', note: '账户余额200.00元，资金已转至建设银行账户。',
          downstream: [{ to: RING.hopCcb, amount: '69800.00', occurredAt: ago(130) }],
        },
      ],
    },
    {
      ...TODAY, ...stop, toKey: 'ccb', answererEmail: 'liaison@ccb.demo', legalBasisDoc: '粤公(反诈)止付字[2026]0234号',
      freeze: { account: RING.hopCcb, amount: '69800.00', fromTransfer: { source: 'BANK_RESPONSE' } },
      answers: [{ to: S.ACKNOWLEDGED }],
    },
    {
      ...freeze, caseNumber: '350000-2026-D00001', fromKey: 'fj', authorEmail: 'investigator@fj.demo', toKey: 'ccb', answererEmail: 'liaison@ccb.demo',
      legalBasisDoc: '闽公(刑)冻字[2026]0388号', freeze: { account: RING.muleCcb, amount: '41500.00', fromTransfer: { source: 'PAYMENT_TRAIL' } },
      answers: [
        { to: S.ACKNOWLEDGED },
        {
          to: S.PARTIALLY_FROZEN, amountHeld: '18650.00', balance: '18650.00', note: '冻结18,650.00元；此前转出两笔，明细见下。',
          downstream: [
            { to: RING.hopAbcCompany, amount: '15000.00', occurredAt: new Date('2026-11-18T02:10:00Z') },
            { to: RING.hopIcbc2, amount: '7850.00', occurredAt: new Date('2026-11-18T03:25:00Z') },
          ],
        },
      ],
    },
    {
      ...freeze, caseNumber: '350000-2026-D00001', fromKey: 'fj', authorEmail: 'investigator@fj.demo', toKey: 'abc',
      legalBasisDoc: '闽公(刑)冻字[2026]0415号', freeze: { account: RING.hopAbcCompany, amount: '15000.00', fromTransfer: { source: 'BANK_RESPONSE' } },
    },
    {
      ...stop, caseNumber: '610000-2026-D00001', fromKey: 'sn', authorEmail: 'investigator@sn.demo', toKey: 'cmb', answererEmail: 'liaison@cmb.demo',
      legalBasisDoc: '陕公(反诈)止付字[2026]0096号', freeze: { account: RING.muleCmb, amount: '88000.00', fromTransfer: { source: 'PAYMENT_TRAIL' } },
      answers: [{ to: S.FROZEN, amountHeld: '88000.00', balance: '96210.55', note: '已止付88,000.00元。' }],
    },
    {
      ...freeze, caseNumber: '330000-2026-D00001', fromKey: 'zj', authorEmail: 'investigator@zj.demo', toKey: 'icbc', answererEmail: 'liaison@icbc.demo',
      legalBasisDoc: '浙公(刑)冻字[2026]0527号', freeze: { account: RING.muleIcbc, amount: '156000.00', fromTransfer: { source: 'PAYMENT_TRAIL' } },
      answers: [{ to: S.ACKNOWLEDGED }],
    },
    {
      type: RequestType.TELECOM, kind: TelecomKind.SUSPEND_NUMBER, caseNumber: '310000-2026-D00001', fromKey: 'sh', authorEmail: 'investigator@sh.demo',
      toKey: 'ct', answererEmail: 'liaison@ct.demo', urgency: Urgency.URGENT, legalBasisDoc: '沪公(反诈)停机字[2026]0213号',
      telecom: { kind: IdentifierKind.PHONE, value: '+86 199 2876 4410' },
      answers: [{ to: S.ACKNOWLEDGED }, { to: S.COMPLETED, note: '该号码已停机。' }],
    },
  ];
}
