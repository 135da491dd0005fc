// Social/messaging accounts and apps: free-form names, so normalisation is about spelling, not checksums.
import { accepted, type FamilyResult, fold, invalid } from './common';

/** Platforms with their usual spellings; any other well-formed platform name is accepted as written. */
export const SOCIAL_PLATFORMS = ['wechat', 'qq', 'telegram', 'whatsapp', 'line', 'facebook', 'weibo', 'douyin', 'tiktok', 'alipay'] as const;

/** Aliases seen in case files, mapped to one spelling so the same account links across cases. */
const PLATFORM_ALIASES: Readonly<Record<string, string>> = {
  weixin: 'wechat',
  wx: 'wechat',
  tg: 'telegram',
  wa: 'whatsapp',
  fb: 'facebook',
};

const PLATFORM = /^[a-z][a-z0-9._-]{0,31}$/;
const MAX_HANDLE = 128;

export interface SocialAccountDetails {
  platform: string;
  handle: string;
  knownPlatform: boolean;
}

/**
 * `platform:handle`, e.g. wechat:abc, qq:12345, telegram:@name. Canonical is lower-case with the leading @ removed
 * and inner whitespace collapsed. Handles are not validated per platform: WeChat IDs, phone numbers used as
 * logins and display names all occur as clues, and rejecting them would lose the clue.
 */
export function normalizeSocialAccount(input: string): FamilyResult<SocialAccountDetails> {
  const s = fold(input);
  const colon = s.indexOf(':');
  if (colon < 0) return invalid('write social accounts as platform:handle (e.g. wechat:abc123)');
  const rawPlatform = s.slice(0, colon).trim().toLowerCase();
  const platform = PLATFORM_ALIASES[rawPlatform] ?? rawPlatform;
  if (platform === '') return invalid('social account platform is empty');
  if (!PLATFORM.test(platform)) return invalid('social account platform must be a single word such as wechat or telegram');
  const handle = s
    .slice(colon + 1)
    .trim()
    .replace(/^@+/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (handle === '') return invalid('social account handle is empty');
  if (handle.length > MAX_HANDLE) return invalid(`social account handle is longer than ${MAX_HANDLE} characters`);
  return accepted(`${platform}:${handle}`, {
    platform,
    handle,
    knownPlatform: (SOCIAL_PLATFORMS as readonly string[]).includes(platform),
  });
}

export interface AppDetails {
  /** True for a reverse-domain package/bundle id (com.example.app) rather than a display name. */
  packageId: boolean;
}

const PACKAGE_ID = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/;
const MAX_APP = 200;

/** App name or package id: lower-case, inner whitespace collapsed (names are copied from screenshots). */
export function normalizeApp(input: string): FamilyResult<AppDetails> {
  const name = fold(input).replace(/\s+/g, ' ').trim().toLowerCase();
  if (name === '') return invalid('app name is empty');
  if (name.length > MAX_APP) return invalid(`app name is longer than ${MAX_APP} characters`);
  return accepted(name, { packageId: PACKAGE_ID.test(name) });
}
