import { AgencyKind } from './agency';
import { machineAccountEmail, machineClientRolesFor, machineClientRolesProblem, machineTokenRoles } from './machine-clients';
import { Role } from './roles';

describe('machine clients', () => {
  it('act with the roles of their agency kind, never ADMIN', () => {
    expect(machineClientRolesFor(AgencyKind.BANK)).toEqual([Role.LIAISON, Role.ANALYST, Role.AUDITOR]);
    expect(machineClientRolesFor(AgencyKind.POLICE)).not.toContain(Role.ADMIN);
    expect(machineClientRolesProblem(AgencyKind.BANK, [Role.LIAISON])).toBeNull();
    expect(machineClientRolesProblem(AgencyKind.BANK, [])).toMatch(/at least one/);
    expect(machineClientRolesProblem(AgencyKind.BANK, [Role.ADMIN])).toMatch(/^ADMIN not allowed/);
    expect(machineClientRolesProblem(AgencyKind.TELECOM, [Role.LIAISON, Role.INVESTIGATOR, Role.INVESTIGATOR])).toMatch(/^INVESTIGATOR not allowed .* \(allowed: LIAISON, ANALYST, AUDITOR\)$/);
  });

  it('get a token with all their roles, or the ones the scope asks for if they hold them', () => {
    const roles = [Role.LIAISON, Role.ANALYST];
    expect(machineTokenRoles(roles, undefined)).toEqual(roles);
    expect(machineTokenRoles(roles, [])).toEqual(roles);
    expect(machineTokenRoles(roles, ['ANALYST', 'ANALYST'])).toEqual([Role.ANALYST]);
    expect(machineTokenRoles(roles, ['LIAISON', 'ADMIN'])).toBeNull();
    expect(machineTokenRoles(roles, ['liaison'])).toBeNull();
  });

  it('have an account e-mail in a reserved domain', () => {
    expect(machineAccountEmail('MC_0123456789abcdef01234567')).toBe('mc_0123456789abcdef01234567@machine.caselink.invalid');
  });
});
