// Crypto wallet addresses on the chains seen in Chinese fraud cases: BTC, ETH (and EVM chains sharing its address
// format), and TRON, the main rail for USDT (TRC-20) laundering.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { accepted, type FamilyResult, invalid } from './common';

export type CryptoChain = 'BTC' | 'ETH' | 'TRON';
export type CryptoAddressType = 'P2PKH' | 'P2SH' | 'P2WPKH' | 'P2WSH' | 'P2TR' | 'ACCOUNT';

export interface CryptoWalletDetails {
  chain: CryptoChain;
  type: CryptoAddressType;
}

// Base58Check: payload plus the first 4 bytes of sha256(sha256(payload)); decode throws on a bad checksum.
const base58check = createBase58check(sha256);
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

const BTC_VERSIONS: Readonly<Record<number, CryptoAddressType>> = { 0x00: 'P2PKH', 0x05: 'P2SH' };
const TRON_VERSION = 0x41;

export function normalizeCryptoWallet(input: string): FamilyResult<CryptoWalletDetails> {
  const s = input.replace(/\s+/g, '');
  if (s === '') return invalid('wallet address is empty');
  if (/^0x/i.test(s) || /^[0-9a-f]{40}$/i.test(s)) return normalizeEth(s);
  if (/^bc1/i.test(s)) return normalizeBech32(s);
  if (s.startsWith('T')) return normalizeBase58(s, 'TRON');
  if (s.startsWith('1') || s.startsWith('3')) return normalizeBase58(s, 'BTC');
  return invalid('not a recognised BTC, ETH or TRON address');
}

/** Base58Check with a 1-byte version and a 20-byte hash: BTC P2PKH/P2SH (1…/3…) and TRON (T…, version 0x41). */
function normalizeBase58(s: string, chain: 'BTC' | 'TRON'): FamilyResult<CryptoWalletDetails> {
  if (!BASE58.test(s)) return invalid(`${chain} address contains characters outside the base58 alphabet`);
  if (chain === 'TRON' && s.length !== 34) return invalid('TRON address must be 34 characters long');
  if (chain === 'BTC' && (s.length < 26 || s.length > 34)) return invalid('BTC address must be 26 to 34 characters long');
  let bytes: Uint8Array;
  try {
    bytes = base58check.decode(s);
  } catch {
    return invalid(`${chain} address fails the checksum`);
  }
  if (bytes.length !== 21) return invalid(`${chain} address has the wrong length`);
  if (chain === 'TRON') {
    return bytes[0] === TRON_VERSION ? accepted(s, { chain, type: 'ACCOUNT' }) : invalid('not a TRON mainnet address');
  }
  const type = BTC_VERSIONS[bytes[0]];
  return type ? accepted(s, { chain, type }) : invalid('not a BTC mainnet address');
}

/**
 * Native SegWit (BIP 173/350): witness v0 uses bech32 with a 20-byte (P2WPKH) or 32-byte (P2WSH) program, v1
 * (Taproot) uses bech32m with 32 bytes. Later versions are not in use and are rejected. Canonical is lower case.
 */
function normalizeBech32(s: string): FamilyResult<CryptoWalletDetails> {
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) return invalid('BTC bech32 address must not mix upper and lower case');
  const lower = s.toLowerCase();
  const v0 = bech32.decodeUnsafe(lower);
  const v1 = v0 ? undefined : bech32m.decodeUnsafe(lower);
  const decoded = v0 || v1;
  if (!decoded || decoded.prefix !== 'bc' || decoded.words.length === 0) return invalid('BTC bech32 address fails the checksum');
  const version = decoded.words[0];
  const program = bech32.fromWordsUnsafe(decoded.words.slice(1));
  if (!program) return invalid('BTC bech32 address has an invalid payload');
  if (version === 0 && v0) {
    if (program.length === 20) return accepted(lower, { chain: 'BTC', type: 'P2WPKH' });
    if (program.length === 32) return accepted(lower, { chain: 'BTC', type: 'P2WSH' });
  } else if (version === 1 && v1 && program.length === 32) {
    return accepted(lower, { chain: 'BTC', type: 'P2TR' });
  }
  return invalid('not a supported BTC SegWit address (v0 bc1q… or Taproot bc1p…)');
}

/**
 * ETH: 20 bytes as 40 hex digits. Mixed case carries the EIP-55 checksum and must match; all-lower or all-upper
 * carries none. Canonical is lower case with 0x, so checksummed and plain spellings link.
 */
function normalizeEth(s: string): FamilyResult<CryptoWalletDetails> {
  const hex = /^0x/i.test(s) ? s.slice(2) : s;
  if (!/^[0-9a-fA-F]{40}$/.test(hex)) return invalid('ETH address must be 0x followed by 40 hex digits');
  const lower = hex.toLowerCase();
  if (hex !== lower && hex !== hex.toUpperCase() && toChecksumHex(lower) !== hex) {
    return invalid('ETH address fails the EIP-55 checksum (mixed case does not match)');
  }
  return accepted(`0x${lower}`, { chain: 'ETH', type: 'ACCOUNT' });
}

/** EIP-55: upper-case a hex letter when the matching nibble of keccak256(lower-case hex) is 8 or more. */
export function toChecksumHex(lowerHex: string): string {
  const hash = keccak_256(new TextEncoder().encode(lowerHex));
  let out = '';
  for (let i = 0; i < lowerHex.length; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    out += nibble >= 8 ? lowerHex[i].toUpperCase() : lowerHex[i];
  }
  return out;
}
