/** Shared rules of the request pages (docs/api-requests.graphql); the api decides, these only shape the screens. */
import { HOLDING_STATES as DOMAIN_HOLDING_STATES, IdentifierKind, OPEN_REQUEST_STATES } from '@caselink/domain';
import type { RequestStateName, RequestTypeName } from './types';
import type { AgencyRef } from '../components/AgencyBadge';
import { graphql } from '../gql';

/** Tells the top bar to recount the inbox after the user read or changed a request here. */
export const REQUESTS_CHANGED_EVENT = 'caselink:requests-changed';

export function announceRequestsChanged(): void {
  window.dispatchEvent(new Event(REQUESTS_CHANGED_EVENT));
}

/** Tells the bell to recount after a notification was read here. */
export const NOTIFICATIONS_CHANGED_EVENT = 'caselink:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
}

/** The answers a bank gives to a freeze, a telecom to its request, a partner to a cooperation request. */
export const FREEZE_OUTCOMES = ['FROZEN', 'PARTIALLY_FROZEN', 'NO_FUNDS', 'ACCOUNT_NOT_FOUND', 'REJECTED'] as const satisfies readonly RequestStateName[];
export const TELECOM_OUTCOMES = ['COMPLETED', 'NOT_FOUND', 'REFUSED'] as const satisfies readonly RequestStateName[];
export const PARTNER_STATES = ['IN_PROGRESS', 'FULFILLED', 'PARTIALLY_FULFILLED', 'DECLINED'] as const satisfies readonly RequestStateName[];
/** What the sending police agency may do after sending. */
export const SENDER_STATES = ['EXTENDED', 'RELEASED', 'WITHDRAWN'] as const satisfies readonly RequestStateName[];

export const FREEZE_KINDS = ['EMERGENCY_STOP', 'FREEZE'] as const;
export const TELECOM_KINDS = ['SUBSCRIBER_INFO', 'SUSPEND_NUMBER', 'BLOCK_URL_OR_DOMAIN'] as const;
export const COOPERATION_KINDS = ['INFORMATION_SHARING', 'INVESTIGATIVE_ASSISTANCE', 'JOINT_OPERATION', 'EXTRADITION', 'ASSET_RECOVERY'] as const;
export const LEGAL_BASES = ['TREATY', 'MUTUAL_LEGAL_ASSISTANCE', 'RECIPROCITY'] as const;
export const REQUEST_TYPES = ['FREEZE', 'TELECOM', 'COOPERATION'] as const satisfies readonly RequestTypeName[];

/** Identifier kinds a freeze can name, and those a telecom request can target. */
export const FREEZABLE_KINDS: readonly IdentifierKind[] = [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT];
export const TELECOM_TARGET_KINDS: readonly IdentifierKind[] = [
  IdentifierKind.PHONE, IdentifierKind.URL, IdentifierKind.DOMAIN, IdentifierKind.IMEI, IdentifierKind.IP, IdentifierKind.APP, IdentifierKind.SOCIAL_ACCOUNT,
];
/** Clues on a case page that get a telecom-request button. */
export const TELECOM_CLUE_KINDS: readonly IdentifierKind[] = [IdentifierKind.PHONE, IdentifierKind.URL, IdentifierKind.DOMAIN];
/** The telecom request a kind of clue most likely calls for. */
export function telecomKindFor(kind: string | null | undefined): (typeof TELECOM_KINDS)[number] {
  return kind === 'URL' || kind === 'DOMAIN' ? 'BLOCK_URL_OR_DOMAIN' : 'SUBSCRIBER_INFO';
}

/** States still waiting for the addressed agency (its deadline runs): the domain's list. */
export const OPEN_STATES: readonly RequestStateName[] = OPEN_REQUEST_STATES;
/** Freezes holding money: the domain's list. */
export const HOLDING_STATES: readonly RequestStateName[] = DOMAIN_HOLDING_STATES;

/**
 * One colour family per state, scanned in a hurry: waiting blue, being worked amber, achieved green, nothing
 * there slate, refused red, over grey.
 */
export function stateTone(state: RequestStateName): 'draft' | 'sent' | 'working' | 'done' | 'empty' | 'refused' | 'over' {
  switch (state) {
    case 'DRAFT':
      return 'draft';
    case 'SENT':
      return 'sent';
    case 'ACKNOWLEDGED':
    case 'IN_PROGRESS':
      return 'working';
    case 'FROZEN':
    case 'PARTIALLY_FROZEN':
    case 'EXTENDED':
    case 'COMPLETED':
    case 'FULFILLED':
    case 'PARTIALLY_FULFILLED':
      return 'done';
    case 'NO_FUNDS':
    case 'ACCOUNT_NOT_FOUND':
    case 'NOT_FOUND':
      return 'empty';
    case 'REJECTED':
    case 'REFUSED':
    case 'DECLINED':
      return 'refused';
    default:
      return 'over';
  }
}

/** Digits only, for comparing account numbers written with or without spaces. */
export const accountDigits = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

/**
 * The bank agency a transfer's bank name most likely means ("中国工商银行", "ICBC Shenzhen branch" → ICBC):
 * exact names first, then one containing the other.
 */
export function matchBank(bankName: string | null | undefined, banks: readonly AgencyRef[]): AgencyRef | null {
  const wanted = (bankName ?? '').trim().toLowerCase();
  if (!wanted) return null;
  const names = (a: AgencyRef) => [a.name.toLowerCase(), a.nameEn.toLowerCase()];
  return (
    banks.find((a) => names(a).includes(wanted)) ??
    banks.find((a) => names(a).some((n) => n && (wanted.includes(n) || n.includes(wanted)))) ??
    null
  );
}

/** The requests the own agency sent for a case (the case page's list, the fund trace's freezes). */
export const CASE_REQUESTS = graphql(`query CaseRequests($caseId: ID!) { caseRequests(caseId: $caseId) { ...RequestSummary } }`);

/** The way to a new request of each type from a case (the form reads its prefill from the address). */
export const newRequestHref = (caseId: string, params: Record<string, string | null | undefined>) => {
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return `/cases/${caseId}/requests/new${qs ? `?${qs}` : ''}`;
};
