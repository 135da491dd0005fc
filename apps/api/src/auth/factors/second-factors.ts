import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { base32 } from '@scure/base';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import {
  generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse,
  type AuthenticationResponseJSON, type AuthenticatorTransportFuture, type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { SIGN_IN_POLICY } from '@caselink/domain';
import {
  claimTotpStep, createChallenge, FactorSecrets, insertPasskey, insertTotpFactor, latestChallenge, recordPasskeyUse, replaceRecoveryCodes,
  secondFactorsOf, SecondFactorRow, spendChallenge, spendRecoveryCode,
} from '@caselink/db';
import type { EntityManager } from 'typeorm';
import { badInput } from '../../common/errors';
import { API_CONFIG, ApiConfig } from '../../config/config';

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
  expiresAt: Date;
}

/** The user a factor belongs to, as the authenticator shows it. */
export interface FactorOwner {
  userId: string;
  agencyId: string;
  email: string;
  displayName?: string;
}

/** One recovery code as the user types it: 10 base32 characters in two groups (50 bits). */
const newRecoveryCode = (): string => {
  const raw = base32.encode(randomBytes(7)).slice(0, 10).toLowerCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
};
/** Codes are compared without case, spaces or dashes (people copy them by hand). */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z2-7]/g, '');

const parseJson = <T>(field: string, json: string): T => {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    return value as T;
  } catch {
    throw badInput(field, 'must be the JSON the browser\'s WebAuthn call returned · 须为浏览器 WebAuthn 调用返回的 JSON');
  }
};

/**
 * TOTP (otpauth), passkeys (@simplewebauthn/server) and recovery codes. Checks run in the caller's transaction,
 * acting as the user; every use is single: a TOTP time step, a WebAuthn challenge and a recovery code are each
 * spent by one conditional UPDATE.
 */
@Injectable()
export class SecondFactors {
  private readonly secrets: FactorSecrets;
  private readonly log = new Logger(SecondFactors.name);

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.secrets = new FactorSecrets(config.FACTOR_SECRET_KEY, config.JWT_SECRET);
  }

  private totp(secret: Buffer, label: string): OTPAuth.TOTP {
    const { digits, period, algorithm } = SIGN_IN_POLICY.totp;
    return new OTPAuth.TOTP({ issuer: SIGN_IN_POLICY.issuer, label, algorithm, digits, period, secret: new OTPAuth.Secret({ buffer: new Uint8Array(secret).buffer }) });
  }

  /** The time step a code matches (within one step either side), or null. */
  private matchingStep(secret: Buffer, code: string): number | null {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return null;
    const delta = this.totp(secret, 'check').validate({ token, window: SIGN_IN_POLICY.totp.window });
    if (delta === null) return null;
    return Math.floor(Date.now() / 1000 / SIGN_IN_POLICY.totp.period) + delta;
  }

  // —— enrolment (signed in) ——

  async startTotpEnrolment(m: EntityManager, owner: FactorOwner): Promise<TotpEnrolment> {
    await this.assertRoomForFactor(m, owner.userId);
    const secret = randomBytes(20);
    const row = await createChallenge(m, {
      userId: owner.userId, agencyId: owner.agencyId, purpose: 'TOTP_ENROLMENT', tokenHash: createHash('sha256').update(randomBytes(32)).digest(),
      minutes: SIGN_IN_POLICY.challengeMinutes, totpSecret: this.secrets.seal(secret),
    });
    const otpauthUri = this.totp(secret, owner.email).toString();
    return { secret: base32.encode(secret).replace(/=+$/, ''), otpauthUri, qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 }), expiresAt: row.expires_at };
  }

  /** Confirms the secret last shown with a code from the app; returns the factor (the code's step is spent). */
  async confirmTotpEnrolment(m: EntityManager, owner: FactorOwner, code: string, label: string): Promise<SecondFactorRow> {
    const challenge = await latestChallenge(m, owner.userId, 'TOTP_ENROLMENT');
    if (!challenge?.totp_secret) throw badInput('input.code', 'no enrolment in progress or it expired: start again · 没有进行中的绑定或已过期，请重新开始');
    const secret = this.secrets.open(challenge.totp_secret);
    const step = this.matchingStep(secret, code);
    if (step === null) throw badInput('input.code', 'this code does not match the app: check the phone\'s clock and try the next code · 验证码与应用不符，请检查手机时间后输入下一个验证码');
    if (!(await spendChallenge(m, challenge.id))) throw badInput('input.code', 'this enrolment was already confirmed · 该绑定已确认');
    return insertTotpFactor(m, { userId: owner.userId, agencyId: owner.agencyId, label, secret: this.secrets.seal(secret), step });
  }

  async passkeyRegistrationOptions(m: EntityManager, owner: FactorOwner): Promise<string> {
    await this.assertRoomForFactor(m, owner.userId);
    const existing = (await secondFactorsOf(m, owner.userId)).filter((f) => f.kind === 'PASSKEY');
    const options = await generateRegistrationOptions({
      rpName: this.config.WEBAUTHN_RP_NAME, rpID: this.config.WEBAUTHN_RP_ID,
      userName: owner.email, userDisplayName: owner.displayName ?? owner.email, userID: new TextEncoder().encode(owner.userId),
      attestationType: 'none',
      excludeCredentials: existing.map((f) => ({ id: f.credential_id as string, transports: (f.transports ?? []) as AuthenticatorTransportFuture[] })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await createChallenge(m, {
      userId: owner.userId, agencyId: owner.agencyId, purpose: 'PASSKEY_REGISTRATION', tokenHash: createHash('sha256').update(options.challenge).digest(),
      minutes: SIGN_IN_POLICY.challengeMinutes, webauthnChallenge: options.challenge,
    });
    return JSON.stringify(options);
  }

  async registerPasskey(m: EntityManager, owner: FactorOwner, responseJson: string, label: string): Promise<SecondFactorRow> {
    const response = parseJson<RegistrationResponseJSON>('input.response', responseJson);
    const challenge = await latestChallenge(m, owner.userId, 'PASSKEY_REGISTRATION');
    if (!challenge?.webauthn_challenge) throw badInput('input.response', 'no passkey registration in progress or it expired: start again · 没有进行中的通行密钥注册或已过期，请重新开始');
    let verified;
    try {
      verified = await verifyRegistrationResponse({
        response, expectedChallenge: challenge.webauthn_challenge, expectedOrigin: this.config.WEBAUTHN_ORIGINS,
        expectedRPID: this.config.WEBAUTHN_RP_ID, requireUserVerification: false,
      });
    } catch (e) {
      throw badInput('input.response', `the authenticator's answer was refused (${(e as Error).message}) · 认证器的应答未通过校验`);
    }
    if (!verified.verified || !verified.registrationInfo) throw badInput('input.response', 'the authenticator\'s answer was refused · 认证器的应答未通过校验');
    if (!(await spendChallenge(m, challenge.id))) throw badInput('input.response', 'this registration was already used · 该注册请求已使用');
    const { credential } = verified.registrationInfo;
    return insertPasskey(m, {
      userId: owner.userId, agencyId: owner.agencyId, label, credentialId: credential.id, publicKey: Buffer.from(credential.publicKey),
      signCount: credential.counter, transports: credential.transports ?? [],
    });
  }

  /** New recovery codes (the old ones stop working); only their hashes are kept. */
  async newRecoveryCodes(m: EntityManager, owner: FactorOwner): Promise<string[]> {
    const codes = Array.from({ length: SIGN_IN_POLICY.recoveryCodeCount }, newRecoveryCode);
    await replaceRecoveryCodes(m, owner.userId, owner.agencyId, codes.map((c) => this.secrets.mac(normaliseRecoveryCode(c))));
    return codes;
  }

  private async assertRoomForFactor(m: EntityManager, userId: string): Promise<void> {
    if ((await secondFactorsOf(m, userId)).length >= SIGN_IN_POLICY.maxFactorsPerUser) {
      throw badInput('factors', `at most ${SIGN_IN_POLICY.maxFactorsPerUser} second factors per user: remove one first · 每位用户最多 ${SIGN_IN_POLICY.maxFactorsPerUser} 个第二因素，请先删除一个`);
    }
  }

  // —— checks at sign-in and unlock (acting as the user) ——

  /** The TOTP factor the code belongs to, its step spent; null when no factor accepts it (or the code was used). */
  async checkTotp(m: EntityManager, userId: string, code: string): Promise<SecondFactorRow | null> {
    for (const f of (await secondFactorsOf(m, userId)).filter((x) => x.kind === 'TOTP' && x.totp_secret)) {
      let secret: Buffer;
      try {
        secret = this.secrets.open(f.totp_secret as Buffer);
      } catch {
        // Sealed under another key (FACTOR_SECRET_KEY changed): this factor cannot verify; an admin resets it.
        this.log.error(`TOTP factor ${f.id} cannot be opened with the configured FACTOR_SECRET_KEY`);
        continue;
      }
      const step = this.matchingStep(secret, code);
      if (step !== null && (await claimTotpStep(m, f.id, step))) return f;
    }
    return null;
  }

  async checkRecoveryCode(m: EntityManager, userId: string, code: string): Promise<boolean> {
    return spendRecoveryCode(m, userId, this.secrets.mac(normaliseRecoveryCode(code)));
  }

  /** WebAuthn options for the user's passkeys, bound to `webauthnChallenge`'s holder (a sign-in or unlock challenge). */
  async passkeyAssertionOptions(m: EntityManager, userId: string): Promise<{ json: string; challenge: string }> {
    const passkeys = (await secondFactorsOf(m, userId)).filter((f) => f.kind === 'PASSKEY');
    if (passkeys.length === 0) throw badInput('challenge', 'this account has no passkey · 该账号未注册通行密钥');
    const options = await generateAuthenticationOptions({
      rpID: this.config.WEBAUTHN_RP_ID, userVerification: 'preferred',
      allowCredentials: passkeys.map((f) => ({ id: f.credential_id as string, transports: (f.transports ?? []) as AuthenticatorTransportFuture[] })),
    });
    return { json: JSON.stringify(options), challenge: options.challenge };
  }

  /** The passkey that signed `expectedChallenge`, its counter moved on; null when the answer does not verify. */
  async checkPasskey(m: EntityManager, userId: string, expectedChallenge: string, responseJson: string): Promise<SecondFactorRow | null> {
    const response = parseJson<AuthenticationResponseJSON>('input.passkey', responseJson);
    const factor = (await secondFactorsOf(m, userId)).find((f) => f.kind === 'PASSKEY' && f.credential_id === response.id);
    if (!factor) return null;
    try {
      const result = await verifyAuthenticationResponse({
        response, expectedChallenge, expectedOrigin: this.config.WEBAUTHN_ORIGINS, expectedRPID: this.config.WEBAUTHN_RP_ID,
        requireUserVerification: false,
        credential: {
          id: factor.credential_id as string, publicKey: new Uint8Array(factor.public_key as Buffer), counter: Number(factor.sign_count),
          transports: (factor.transports ?? []) as AuthenticatorTransportFuture[],
        },
      });
      if (!result.verified) return null;
      // A counter that did not move on (when the authenticator keeps one) means a cloned key or a parallel replay.
      if (!(await recordPasskeyUse(m, factor.id, result.authenticationInfo.newCounter))) return null;
      return factor;
    } catch {
      return null;
    }
  }
}
