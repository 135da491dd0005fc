import { CooperationKind, FreezeKind, IdentifierKind, LegalBasis, normalizeIdentifier, RequestType, TelecomKind, Urgency } from '@caselink/domain';

/**
 * Demo requests waiting for an answer, so every inbox has something on first start: an urgent emergency
 * stop and a freeze (banks), a subscriber look-up (telecom), a cross-border request (Cambodia).
 */
export interface DemoRequest {
  reference: string;
  type: RequestType;
  kind: string;
  caseNumber: string;
  fromKey: string;
  toKey: string;
  authorEmail: string;
  urgency: Urgency;
  state: 'SENT' | 'ACKNOWLEDGED';
  legalBasisDoc: string | null;
  legalBasis?: LegalBasis;
  freeze?: { account: string; bankName: string; amount: string };
  telecom?: { kind: IdentifierKind; value: string };
  cooperation?: { summary: string; subjects: Array<{ name: string; note: string | null; identifiers: Array<{ kind: IdentifierKind; value: string }> }> };
}

const canonical = (kind: IdentifierKind, value: string) => {
  const r = normalizeIdentifier(kind, value);
  if (!r.ok) throw new Error(`demo value ${value}: ${r.reason}`);
  return r.canonical;
};

export const DEMO_REQUESTS: DemoRequest[] = [
  {
    reference: 'FR-440000-2026-D00001', type: RequestType.FREEZE, kind: FreezeKind.EMERGENCY_STOP, caseNumber: '440000-2026-D00001',
    fromKey: 'gd', toKey: 'icbc', authorEmail: 'investigator@gd.demo', urgency: Urgency.URGENT, state: 'SENT',
    legalBasisDoc: '粤公(反诈)止付字[2026]0117号', freeze: { account: '6228480402564890018', bankName: '中国农业银行', amount: '100000.00' },
  },
  {
    reference: 'FR-350000-2026-D00001', type: RequestType.FREEZE, kind: FreezeKind.FREEZE, caseNumber: '350000-2026-D00001',
    fromKey: 'fj', toKey: 'cmb', authorEmail: 'investigator@fj.demo', urgency: Urgency.NORMAL, state: 'ACKNOWLEDGED',
    legalBasisDoc: '闽公(刑)冻字[2026]0388号', freeze: { account: '6230580000123456789', bankName: '中国建设银行', amount: '41500.00' },
  },
  {
    reference: 'TR-440000-2026-D00001', type: RequestType.TELECOM, kind: TelecomKind.SUBSCRIBER_INFO, caseNumber: '440000-2026-D00001',
    fromKey: 'gd', toKey: 'cmcc', authorEmail: 'investigator@gd.demo', urgency: Urgency.URGENT, state: 'SENT',
    legalBasisDoc: '粤公(反诈)调证字[2026]0452号', telecom: { kind: IdentifierKind.PHONE, value: '+86 170 1234 5678' },
  },
  {
    reference: 'CR-440000-2026-D00001', type: RequestType.COOPERATION, kind: CooperationKind.INFORMATION_SHARING, caseNumber: '440000-2026-D00001',
    fromKey: 'gd', toKey: 'kh', authorEmail: 'investigator@gd.demo', urgency: Urgency.NORMAL, state: 'SENT',
    legalBasisDoc: null, legalBasis: LegalBasis.MUTUAL_LEGAL_ASSISTANCE,
    cooperation: {
      summary: '“汇金理财”诈骗团伙疑在西哈努克港园区作案，请协助核查以下人员的出入境与住所信息。',
      subjects: [{ name: '“张总” ZHANG (alias)', note: '话务组长', identifiers: [{ kind: IdentifierKind.PHONE, value: canonical(IdentifierKind.PHONE, '+855 12 345 678') }] }],
    },
  },
];

export function demoCanonical(kind: IdentifierKind, value: string): string {
  return canonical(kind, value);
}
