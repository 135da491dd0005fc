import { IdentifierKind, isPersonalData, maskIdentifier, seesPersonalData } from '@caselink/domain';
import type { Actor } from '../common/actor';
import { ViewerAccess } from './case.model';

/**
 * The one masking rule (DESIGN.md "Who sees what", 6 and 9) for every way a case's values leave: clues, payment
 * trails, fund traces, alert leads, links, exports. Personal data is shown in full only to a caller whose role
 * needs it (seesPersonalData: police INVESTIGATOR/SUPERVISOR) on a case its agency owns or holds CONTRIBUTE of.
 */
export function masksPersonalData(actor: Pick<Actor, 'agencyKind' | 'roles'>, access: ViewerAccess | null | undefined): boolean {
  return !(access === ViewerAccess.OWNER || access === ViewerAccess.CONTRIBUTE) || !seesPersonalData(actor);
}

/** A value as a viewer may see it: phones and ID numbers masked when `masked`, other kinds as they are. */
export function shownValue(kind: IdentifierKind | string, value: string, masked: boolean): string {
  return masked && isPersonalData(kind as IdentifierKind) ? maskIdentifier(kind as IdentifierKind, value) : value;
}

/** An account of a payment trail: the raw form as entered, or the masked canonical form when it is masked personal data. */
export function shownAccount(kind: IdentifierKind | string, raw: string, canonical: string, masked: boolean): string {
  return masked && isPersonalData(kind as IdentifierKind) ? maskIdentifier(kind as IdentifierKind, canonical) : raw;
}
