'use client';

import { startAuthentication, startRegistration, WebAuthnError } from '@simplewebauthn/browser';

/** Signs with a passkey for the api's request options (JSON); answers the JSON the api takes back. */
export async function passkeyAssertion(optionsJson: string): Promise<string> {
  const result = await startAuthentication({ optionsJSON: JSON.parse(optionsJson) });
  return JSON.stringify(result);
}

/** Creates a passkey for the api's creation options (JSON); answers the JSON the api takes back. */
export async function passkeyAttestation(optionsJson: string): Promise<string> {
  const result = await startRegistration({ optionsJSON: JSON.parse(optionsJson) });
  return JSON.stringify(result);
}

/** The user closed the browser's passkey prompt, or the device has no passkey for this site. */
export function isPasskeyCancelled(error: unknown): boolean {
  return (error instanceof WebAuthnError) || (error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError'));
}
