import { createHmac } from 'node:crypto';
import { DEVELOPMENT_SUBJECT_HASH_KEY, subjectHashMessage } from '@caselink/domain';

/**
 * The keyed hash that identifies a subject (suspect, account holder, SIM holder) by ID number: HMAC-SHA256 under
 * SUBJECT_HASH_KEY over the canonical number (the development key when unset). The api and the worker must use
 * the same key, or subjects stop matching.
 */
export function subjectHashOf(canonicalIdNumber: string, key: string | undefined = process.env['SUBJECT_HASH_KEY']): Buffer {
  return createHmac('sha256', key || DEVELOPMENT_SUBJECT_HASH_KEY).update(subjectHashMessage(canonicalIdNumber), 'utf8').digest();
}
