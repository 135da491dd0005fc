'use client';

import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import type { IssuingBankFieldsFragment } from '../gql/graphql';
import { useAuth } from './auth';
import { GqlError } from './graphql';

/**
 * Freezes find their bank (issue 16): the bank that issues a card or account, by the longest card BIN / account-number
 * prefix a bank registered (the api's issuingBank). A freeze of the account goes to that bank.
 */
export type IssuingBank = IssuingBankFieldsFragment;

graphql(`fragment IssuingBankFields on IssuingBank { prefix bank { ...AgencyRefFields } }`);
const ISSUING_BANK = graphql(`query IssuingBank($account: String!) { issuingBank(account: $account) { ...IssuingBankFields } }`);

/** The reason code of a freeze sent to a bank that does not issue its account (extensions.reason). */
export const WRONG_BANK = 'WRONG_BANK';

/** The bank a WRONG_BANK refusal names (its id, both names and the prefix), or null for any other failure. */
export function wrongBankOf(error: unknown): { id: string; name: string; nameEn: string; prefix: string } | null {
  if (!(error instanceof GqlError)) return null;
  const item = error.items.find((i) => i.reason === WRONG_BANK);
  const d = item?.details;
  if (!d || typeof d.issuingBankId !== 'string') return null;
  const name = String(d.issuingBankName ?? d.issuingBankNameEn ?? '');
  return { id: d.issuingBankId, name, nameEn: String(d.issuingBankNameEn ?? name), prefix: String(d.prefix ?? '') };
}

/** Where the look-up of an account's issuing bank stands. */
export type IssuerLookup =
  /** Nothing that could be a card or account number (yet). */
  | { status: 'idle' }
  | { status: 'looking'; account: string }
  | { status: 'found'; account: string; issuer: IssuingBank }
  /** A valid number no bank registered a prefix of: the sender chooses the bank. */
  | { status: 'unknown'; account: string }
  /** Not a valid card or account number (the form's own checks say so on sending). */
  | { status: 'invalid'; account: string }
  | { status: 'failed'; account: string };

/** Spaces and dashes as people write card numbers do not count. */
const digitsOf = (account: string) => account.replace(/[\s-]/g, '');

/**
 * The issuing bank of the account being typed: looked up a moment after typing stops, the answer for an older value
 * dropped. Numbers shorter than a card BIN plus a few digits are not looked up.
 */
export function useIssuingBank(account: string, delayMs = 300): IssuerLookup {
  const { request } = useAuth();
  const [state, setState] = useState<IssuerLookup>({ status: 'idle' });
  const value = account.trim();
  useEffect(() => {
    if (!/^\d{8,}$/.test(digitsOf(value))) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState({ status: 'looking', account: value });
    const timer = setTimeout(() => {
      request(ISSUING_BANK, { account: value })
        .then((d) => live && setState(d.issuingBank ? { status: 'found', account: value, issuer: d.issuingBank } : { status: 'unknown', account: value }))
        .catch((e: unknown) => live && setState({ status: e instanceof GqlError && e.code === 'BAD_USER_INPUT' ? 'invalid' : 'failed', account: value }));
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value, delayMs, request]);
  return state;
}
