import { FactorSecrets } from '@caselink/db';
import { normaliseRecoveryCode } from './second-factors';

describe('recovery codes', () => {
  it('are compared without case, spaces or dashes', () => {
    expect(normaliseRecoveryCode(' ABCDE FGHIJ ')).toBe('abcdefghij');
    expect(normaliseRecoveryCode('abcde-fghij')).toBe('abcdefghij');
  });

  it('are kept as a keyed hash: another key gives another hash', () => {
    const a = new FactorSecrets('a'.repeat(40), '').mac('abcdefghij');
    expect(new FactorSecrets('a'.repeat(40), '').mac('abcdefghij').equals(a)).toBe(true);
    expect(new FactorSecrets('b'.repeat(40), '').mac('abcdefghij').equals(a)).toBe(false);
  });
});
