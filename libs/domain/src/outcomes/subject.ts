// Suspects are matched across cases (and, later, against banks' and telecoms' risk signals) by a keyed hash of
// their ID number, never by the number itself: HMAC-SHA256 under a server key over the canonical number.

/**
 * The key used when SUBJECT_HASH_KEY is not set: for development, tests and generated data only. A deployment
 * sets its own key (and keeps it: changing it makes every stored subject hash unmatchable).
 */
export const DEVELOPMENT_SUBJECT_HASH_KEY = 'caselink-development-subject-hash-key-v1';

/** The message the subject hash covers: the canonical 18-character ID number, tagged with its kind. */
export function subjectHashMessage(canonicalIdNumber: string): string {
  return `ID_NUMBER:${canonicalIdNumber}`;
}
