import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * TOTP secrets at rest: AES-256-GCM under FACTOR_SECRET_KEY (or, outside production, a key derived from
 * JWT_SECRET), so a copy of the database alone does not let anyone compute a user's codes. Layout: version byte,
 * 12-byte nonce, ciphertext, 16-byte tag.
 */
export class FactorSecrets {
  private readonly key: Buffer;

  private readonly macKey: Buffer;

  constructor(factorKey: string | undefined, jwtSecret: string) {
    const material = factorKey ?? jwtSecret;
    this.key = Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), 'caselink factor secrets v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), 'caselink recovery codes v1', 32));
  }

  /**
   * Keyed hash of a recovery code: a copy of the database (or an admin reading the rows) cannot test guesses offline,
   * as it could against a plain sha256 of a 50-bit code.
   */
  mac(value: string): Buffer {
    return createHmac('sha256', this.macKey).update(value).digest();
  }

  seal(plain: Buffer): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([1]), nonce, body, cipher.getAuthTag()]);
  }

  open(sealed: Buffer): Buffer {
    if (sealed[0] !== 1) throw new Error('unknown factor secret format');
    const nonce = sealed.subarray(1, 13);
    const tag = sealed.subarray(sealed.length - 16);
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(13, sealed.length - 16)), decipher.final()]);
  }
}
