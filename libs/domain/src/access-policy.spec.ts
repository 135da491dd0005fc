import { AgencyKind } from './agency';
import { ACCESS_POLICY, mayCall, PERSONAL_DATA_ROLES, seesPersonalData } from './access-policy';
import { Role, rolesAllowedFor } from './roles';

const as = (agencyKind: AgencyKind, roles: Role[], nationalAdmin = false) => ({ agencyKind, roles, nationalAdmin });

describe('the access table', () => {
  it('answers false for an operation it does not know, and for nobody where a sign-in is needed', () => {
    expect(mayCall(as(AgencyKind.POLICE, [Role.SUPERVISOR]), 'dropEverything')).toBe(false);
    expect(mayCall(null, 'me')).toBe(false);
    expect(mayCall(null, 'login')).toBe(true);
  });

  it('names only roles an agency of that kind can hold', () => {
    for (const [op, rule] of Object.entries(ACCESS_POLICY)) {
      if (rule.kind !== 'ROLES') continue;
      for (const [kind, roles] of Object.entries(rule.who)) {
        expect({ op, kind, stray: roles.filter((r) => !rolesAllowedFor(kind as AgencyKind).includes(r)) }).toEqual({ op, kind, stray: [] });
      }
    }
  });

  it('police supervisors and admins publish bulletins; investigators, banks and telecoms do not', () => {
    expect(mayCall(as(AgencyKind.POLICE, [Role.SUPERVISOR]), 'publishBulletin')).toBe(true);
    expect(mayCall(as(AgencyKind.POLICE, [Role.ADMIN]), 'publishBulletin')).toBe(true);
    expect(mayCall(as(AgencyKind.POLICE, [Role.INVESTIGATOR, Role.ANALYST]), 'publishBulletin')).toBe(false);
    expect(mayCall(as(AgencyKind.BANK, [Role.ADMIN]), 'publishBulletin')).toBe(false);
    expect(mayCall(as(AgencyKind.TELECOM, [Role.ADMIN, Role.LIAISON]), 'publishBulletin')).toBe(false);
  });

  it('opens national-admin operations to the national admin only', () => {
    expect(mayCall(as(AgencyKind.POLICE, [Role.ADMIN], true), 'createAgency')).toBe(true);
    expect(mayCall(as(AgencyKind.POLICE, [Role.ADMIN]), 'createAgency')).toBe(false);
  });

  it('shows personal data to police investigators and supervisors only', () => {
    expect(PERSONAL_DATA_ROLES).toEqual([Role.INVESTIGATOR, Role.SUPERVISOR]);
    expect(seesPersonalData(as(AgencyKind.POLICE, [Role.ANALYST]))).toBe(false);
    expect(seesPersonalData(as(AgencyKind.BANK, [Role.ADMIN]))).toBe(false);
    expect(seesPersonalData(as(AgencyKind.POLICE, [Role.SUPERVISOR]))).toBe(true);
  });
});
