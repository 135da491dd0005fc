import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AnchorStore, keyFingerprint, loadAuditPublicKey, LocalDiskAnchorStore } from '@caselink/storage';
import { auditAnchorQueue, queueConnection, redisTarget } from '@caselink/jobs';
import { API_CONFIG, ApiConfig } from '../config/config';

/** The anchor store (read only, from the api) and the public key that checks the signed chain heads. */
export interface Anchoring {
  store: AnchorStore;
  /** null: anchoring is not configured on this server (allowed outside production). */
  publicKey: KeyObject | null;
  fingerprint: string | null;
}

export const ANCHORING = Symbol('ANCHORING');
export const AUDIT_ANCHOR_QUEUE = Symbol('AUDIT_ANCHOR_QUEUE');

export const anchoringProviders = [
  {
    provide: ANCHORING,
    inject: [API_CONFIG],
    // A key file that is missing or not Ed25519 stops the api at start — in production also a private key in
    // AUDIT_SIGNING_PUBLIC_KEY_FILE (the configuration refuses AUDIT_SIGNING_KEY_FILE there): it stays with the worker.
    useFactory: (config: ApiConfig): Anchoring => {
      if (config.NODE_ENV === 'production' && config.AUDIT_SIGNING_PUBLIC_KEY_FILE && /PRIVATE KEY-----/.test(readFileSync(config.AUDIT_SIGNING_PUBLIC_KEY_FILE, 'utf8'))) {
        throw new Error('AUDIT_SIGNING_PUBLIC_KEY_FILE holds a private key: in production the api gets the public key only (openssl pkey -in audit-signing-key.pem -pubout)');
      }
      const publicKey = loadAuditPublicKey({ publicKeyFile: config.AUDIT_SIGNING_PUBLIC_KEY_FILE, signingKeyFile: config.AUDIT_SIGNING_KEY_FILE });
      return { store: new LocalDiskAnchorStore(resolve(config.AUDIT_ANCHOR_DIR)), publicKey, fingerprint: publicKey ? keyFingerprint(publicKey) : null };
    },
  },
  {
    // "Publish now" only queues a publication: the worker signs.
    provide: AUDIT_ANCHOR_QUEUE,
    inject: [API_CONFIG],
    // On a cluster its connection is a client of its own, closed with the queue (AuditModule).
    useFactory: (config: ApiConfig) => auditAnchorQueue(queueConnection(redisTarget(config)), config.QUEUE_PREFIX).on('error', () => undefined),
  },
];
