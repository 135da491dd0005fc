import { FactorSecrets } from './factor-secrets';

describe('FactorSecrets', () => {
  const secret = Buffer.from('12345678901234567890');

  it('seals each time differently and opens with the same key', () => {
    const box = new FactorSecrets('k'.repeat(40), 'jwt-secret-jwt-secret-jwt-secret-0001');
    const a = box.seal(secret);
    const b = box.seal(secret);
    expect(a.equals(b)).toBe(false);
    expect(box.open(a).equals(secret)).toBe(true);
    expect(a.includes(secret)).toBe(false);
  });

  it('refuses a tampered box and another key', () => {
    const box = new FactorSecrets(undefined, 'jwt-secret-jwt-secret-jwt-secret-0001');
    const sealed = box.seal(secret);
    const tampered = Buffer.from(sealed);
    tampered[20] ^= 1;
    expect(() => box.open(tampered)).toThrow();
    expect(() => new FactorSecrets('another-key-another-key-another-key', '').open(sealed)).toThrow();
  });
});
