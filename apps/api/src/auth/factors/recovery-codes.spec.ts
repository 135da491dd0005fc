import { recoveryCodeHash } from './second-factors';

describe('recovery codes', () => {
  it('are compared without case, spaces or dashes', () => {
    const h = recoveryCodeHash('abcde-fghij');
    expect(recoveryCodeHash(' ABCDE FGHIJ ').equals(h)).toBe(true);
    expect(recoveryCodeHash('abcdefghij').equals(h)).toBe(true);
    expect(recoveryCodeHash('abcde-fghik').equals(h)).toBe(false);
  });
});
