// Internet identifiers: IP addresses, URLs and domain names.
import ipaddr from 'ipaddr.js';
import { accepted, type FamilyResult, invalid } from './common';

export interface IpDetails {
  version: 4 | 6;
  /** ipaddr.js range name: 'unicast' for public addresses, else 'private', 'loopback', 'carrierGradeNat', ... */
  range: string;
}

/**
 * IPv4 must be plain dotted decimal: ipaddr.parse also takes '127.1', hex and leading-zero (octal) forms, whose
 * meaning differs between tools, so they are rejected rather than guessed. IPv4-mapped IPv6 (::ffff:a.b.c.d) is
 * the same host as a.b.c.d and is linked as such.
 */
export function normalizeIp(input: string): FamilyResult<IpDetails> {
  let s = input;
  if (s === '') return invalid('IP address is empty');
  if (s.includes('/')) return invalid('expected a single IP address, not a range');
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.includes('%')) return invalid('IPv6 zone identifiers (%...) are local to one machine; remove them');

  if (ipaddr.IPv4.isValidFourPartDecimal(s)) {
    const v4 = ipaddr.IPv4.parse(s);
    return accepted(v4.toString(), { version: 4, range: v4.range() });
  }
  if (/^[\d.]+$/.test(s)) return invalid('not a valid IPv4 address (use four decimal numbers 0-255 without leading zeros)');
  if (!ipaddr.IPv6.isValid(s)) return invalid('not a valid IP address');
  const v6 = ipaddr.IPv6.parse(s);
  if (v6.isIPv4MappedAddress()) {
    const v4 = v6.toIPv4Address();
    return accepted(v4.toString(), { version: 4, range: v4.range() });
  }
  return accepted(v6.toRFC5952String(), { version: 6, range: v6.range() });
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Validates an already lower-case ASCII (punycode) host name: LDH labels of 1–63 characters, no leading or trailing
 * hyphen, at least two labels, at most 253 characters, and a non-numeric TLD (so an IPv4 is never a domain).
 */
function checkHostName(host: string): string | undefined {
  if (host.length > 253) return 'domain name is longer than 253 characters';
  const labels = host.split('.');
  if (labels.length < 2) return 'domain name needs at least one dot (e.g. example.com)';
  if (/^\d+$/.test(labels[labels.length - 1])) return 'looks like an IP address; use the IP kind';
  for (const label of labels) {
    if (!LABEL.test(label)) {
      return label.length === 0 || label.length > 63
        ? 'each part of a domain name must be 1 to 63 characters long'
        : 'domain name parts may contain only letters, digits and inner hyphens';
    }
  }
  return undefined;
}

/** ASCII form of a host via the WHATWG URL parser: lower-cases, maps full-width dots, and does IDN -> punycode. */
function toAsciiHost(host: string): string | undefined {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Domain names: lower-case, punycode, no trailing dot. 'www.' is not stripped: www.example.com and example.com
 * may resolve to different servers, and on shared hosts a sub-domain is the fraud site, not its parent. Grouping by
 * registrable domain needs the Public Suffix List and belongs to analysis, not to the identifier itself.
 */
export function normalizeDomain(input: string): FamilyResult<undefined> {
  if (input === '') return invalid('domain name is empty');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return invalid('looks like a URL; use the URL kind or enter only the host name');
  if (/[\s/\\:@?#%[\]]/.test(input)) return invalid('domain name contains characters that are not allowed');
  const ascii = toAsciiHost(input);
  if (ascii === undefined) return invalid('not a valid domain name');
  const host = ascii.replace(/\.$/, '');
  const problem = checkHostName(host);
  return problem ? invalid(problem) : accepted(host, undefined);
}

export interface UrlDetails {
  /** ASCII host name or IP literal (IPv6 without brackets): what DOMAIN and IP clues are linked against. */
  host: string;
}

/** 'scheme:' not followed by a digit: 'example.com:8080/x' has a port, not a scheme. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/**
 * URLs: http(s) only; a missing scheme is taken as https (what browsers assume and what fraud sites use).
 * Scheme and host are lower-cased, the host punycoded, default port and fragment dropped (the fragment never
 * reaches the server). Path and query stay as given, except for the percent-encoding the URL standard applies.
 */
export function normalizeUrl(input: string): FamilyResult<UrlDetails> {
  if (input === '') return invalid('URL is empty');
  if (input.length > 2048) return invalid('URL is longer than 2048 characters');
  const withScheme = HAS_SCHEME.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return invalid('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid('only http and https URLs are accepted');

  let host = url.hostname;
  if (host.startsWith('[')) {
    host = host.slice(1, -1);
  } else if (!ipaddr.IPv4.isValidFourPartDecimal(host)) {
    host = host.replace(/\.$/, '');
    const problem = checkHostName(host);
    if (problem) return invalid(`URL host is not valid: ${problem}`);
    url.hostname = host;
  }
  url.hash = '';
  return accepted(url.href, { host });
}
