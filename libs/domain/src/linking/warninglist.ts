import { IdentifierKind } from '../identifiers';

export interface WarninglistSeed {
  kind: IdentifierKind;
  value: string;
  reason: string;
}

/**
 * Values that appear in many unrelated cases for innocent reasons: spoofed bank and carrier hotlines,
 * public DNS resolvers victims' phones use, meeting apps scammers ask victims to install. Linking on them
 * would glue unrelated rings into one series. Agency admins add more in the portal.
 */
export const DEFAULT_WARNINGLIST: readonly WarninglistSeed[] = [
  ...[
    ['95588', 'ICBC'], ['95533', 'China Construction Bank'], ['95599', 'Agricultural Bank of China'], ['95566', 'Bank of China'],
    ['95559', 'Bank of Communications'], ['95555', 'China Merchants Bank'], ['95580', 'Postal Savings Bank'], ['95528', 'SPD Bank'],
    ['95558', 'China CITIC Bank'], ['95568', 'China Minsheng Bank'], ['95595', 'China Everbright Bank'], ['95561', 'Industrial Bank'],
    ['95511', 'Ping An'], ['95188', 'Alipay customer service'], ['95017', 'Tencent / WeChat Pay customer service'],
    ['10086', 'China Mobile'], ['10010', 'China Unicom'], ['10000', 'China Telecom'], ['110', 'Police emergency'], ['96110', 'Anti-fraud hotline'],
  ].map(([value, who]) => ({ kind: IdentifierKind.PHONE, value, reason: `Public service number (${who}); scammers spoof it as caller ID` })),
  ...['114.114.114.114', '114.114.115.115', '8.8.8.8', '8.8.4.4', '223.5.5.5', '223.6.6.6', '119.29.29.29', '180.76.76.76', '1.1.1.1'].map((value) => ({
    kind: IdentifierKind.IP, value, reason: 'Public DNS resolver',
  })),
  ...['腾讯会议', 'ZOOM', '钉钉', 'TeamViewer', '向日葵'].map((value) => ({
    kind: IdentifierKind.APP, value, reason: 'Legitimate meeting or remote-control app that scammers ask victims to install',
  })),
];

/** A value held by more cases than this is flagged for review instead of linking them all (default). */
export const DEFAULT_HUB_THRESHOLD = 25;

/** A hub (a value in too many cases to link them) waits for review, or is confirmed and kept out of linking. */
export const HUB_STATES = ['REVIEW', 'CONFIRMED'] as const;
export type HubState = (typeof HUB_STATES)[number];

export enum LinkTermState {
  /** Links cases. */
  LINKING = 'LINKING',
  /** On the warninglist: never links. */
  WARNINGLISTED = 'WARNINGLISTED',
  /** Held by unusually many cases: links nothing until someone reviews it. */
  HUB_REVIEW = 'HUB_REVIEW',
  /** A hub someone confirmed as a real shared clue: links again. */
  HUB_CONFIRMED = 'HUB_CONFIRMED',
}
