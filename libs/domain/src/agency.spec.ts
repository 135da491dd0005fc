import { AgencyKind, isChineseRegionCode, provinceOf, regionProblem } from './agency';
import { Role, rolesNotAllowed } from './roles';

describe('agency regions', () => {
  it('accepts GB/T 2260 codes of real provinces and the national code', () => {
    expect(isChineseRegionCode('440000')).toBe(true);
    expect(isChineseRegionCode('440300')).toBe(true);
    expect(isChineseRegionCode('100000')).toBe(true);
    expect(isChineseRegionCode('990000')).toBe(false);
    expect(isChineseRegionCode('4400')).toBe(false);
  });

  it('wants a country for foreign partners and a GB/T code for the rest', () => {
    expect(regionProblem(AgencyKind.FOREIGN_PARTNER, 'KH')).toBeNull();
    expect(regionProblem(AgencyKind.FOREIGN_PARTNER, 'XX')).toMatch(/ISO 3166/);
    expect(regionProblem(AgencyKind.FOREIGN_PARTNER, 'CN')).toMatch(/cannot be in CN/);
    expect(regionProblem(AgencyKind.BANK, '110000')).toBeNull();
    expect(regionProblem(AgencyKind.POLICE, 'PH')).toMatch(/GB\/T 2260/);
  });

  it('finds the province of a city code', () => {
    expect(provinceOf('440300')).toBe('44');
    expect(provinceOf('100000')).toBeNull();
    expect(provinceOf('KH')).toBeNull();
  });

  it('keeps investigators in police agencies and liaisons out of them', () => {
    expect(rolesNotAllowed(AgencyKind.BANK, [Role.LIAISON, Role.INVESTIGATOR])).toEqual([Role.INVESTIGATOR]);
    expect(rolesNotAllowed(AgencyKind.POLICE, [Role.LIAISON])).toEqual([Role.LIAISON]);
    expect(rolesNotAllowed(AgencyKind.POLICE, [Role.SUPERVISOR, Role.ADMIN])).toEqual([]);
  });
});
