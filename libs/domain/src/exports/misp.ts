import { IdentifierKind } from '../identifiers';
import { ExportInput, ExportValue, uuidV5 } from './stix';

const MISP_NAMESPACE = '8c2a4e7b-1f3d-5a69-b0c4-2d7e9f1a3b58';

/** MISP attribute type and category for a value (MISP default types; `text` where none fits). */
function attributeOf(v: ExportValue): { type: string; category: string; comment?: string } {
  switch (v.kind) {
    case IdentifierKind.BANK_CARD:
      return { type: 'cc-number', category: 'Financial fraud' };
    case IdentifierKind.BANK_ACCOUNT:
      return /^[A-Z]{2}\d{2}/.test(v.value) ? { type: 'iban', category: 'Financial fraud' } : { type: 'bank-account-nr', category: 'Financial fraud' };
    case IdentifierKind.CRYPTO_WALLET:
      return /^(bc1|[13])/.test(v.value) ? { type: 'btc', category: 'Financial fraud' } : { type: 'text', category: 'Financial fraud', comment: 'crypto wallet (ETH/TRON)' };
    case IdentifierKind.PHONE:
      return { type: 'phone-number', category: 'Person' };
    case IdentifierKind.IP:
      return { type: 'ip-dst', category: 'Network activity' };
    case IdentifierKind.DOMAIN:
      return { type: 'domain', category: 'Network activity' };
    case IdentifierKind.URL:
      return { type: 'url', category: 'Network activity' };
    default:
      return { type: 'text', category: 'Other', comment: v.kind };
  }
}

/**
 * A MISP event (core format) for a case: its values as attributes (masked ones left out), a TLP tag,
 * linked cases the viewer may read as related events in the comment of each shared attribute.
 */
export function mispEvent(input: ExportInput): Record<string, unknown> {
  const sharedWith = new Map<string, string[]>();
  for (const l of input.linked) for (const v of l.shared) sharedWith.set(`${v.kind}:${v.value}`, [...(sharedWith.get(`${v.kind}:${v.value}`) ?? []), l.case.caseNumber]);
  // Cases that may not be passed on appear as a blind reference: the holding agency, no case number.
  for (const h of input.heldElsewhere ?? []) {
    for (const v of h.shared) sharedWith.set(`${v.kind}:${v.value}`, [...(sharedWith.get(`${v.kind}:${v.value}`) ?? []), `a case held by ${h.agency.nameEn}`]);
  }
  const attributes = input.root.values.filter((v) => !v.masked).map((v) => {
    const a = attributeOf(v);
    const also = sharedWith.get(`${v.kind}:${v.value}`);
    const comment = [a.comment, also ? `also in ${also.join(', ')}` : undefined].filter(Boolean).join('; ');
    return {
      uuid: uuidV5(MISP_NAMESPACE, `${input.root.id}:${v.kind}:${v.value}`), type: a.type, category: a.category, value: v.value, to_ids: false,
      distribution: '5', ...(comment ? { comment } : {}),
    };
  });
  return {
    Event: {
      uuid: uuidV5(MISP_NAMESPACE, `case:${input.root.id}`),
      info: `${input.root.caseNumber} ${input.root.title}`,
      date: input.root.reportedOn,
      threat_level_id: '2',
      analysis: '1',
      distribution: '0',
      Orgc: { name: input.agency.nameEn, uuid: uuidV5(MISP_NAMESPACE, `agency:${input.agency.id}`) },
      Tag: [{ name: `tlp:${input.tlp.toLowerCase()}` }, { name: `caselink:fraud-type="${input.root.fraudType}"` }],
      Attribute: attributes,
      RelatedEvent: input.linked.map((l) => ({ Event: { uuid: uuidV5(MISP_NAMESPACE, `case:${l.case.id}`), info: `${l.case.caseNumber} ${l.case.title}` } })),
    },
  };
}
