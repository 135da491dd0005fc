import { AgencyKind } from './agency';

export enum Role {
  ADMIN = 'ADMIN',
  INVESTIGATOR = 'INVESTIGATOR',
  SUPERVISOR = 'SUPERVISOR',
  LIAISON = 'LIAISON',
  ANALYST = 'ANALYST',
  AUDITOR = 'AUDITOR',
}

/** Which roles make sense in which kind of agency: investigators are police, liaisons are not. */
const ROLES_BY_KIND: Record<AgencyKind, readonly Role[]> = {
  [AgencyKind.POLICE]: [Role.ADMIN, Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR],
  [AgencyKind.BANK]: [Role.ADMIN, Role.LIAISON, Role.ANALYST, Role.AUDITOR],
  [AgencyKind.TELECOM]: [Role.ADMIN, Role.LIAISON, Role.ANALYST, Role.AUDITOR],
  [AgencyKind.FOREIGN_PARTNER]: [Role.ADMIN, Role.LIAISON, Role.AUDITOR],
};

export function rolesAllowedFor(kind: AgencyKind): readonly Role[] {
  return ROLES_BY_KIND[kind];
}

/** The roles that an agency of this kind may not hold, or an empty list. */
export function rolesNotAllowed(kind: AgencyKind, roles: readonly Role[]): Role[] {
  const allowed = ROLES_BY_KIND[kind];
  return roles.filter((r) => !allowed.includes(r));
}
