import { IdentifierKind, normalizeIdentifier } from './index';

const social = (raw: string) => normalizeIdentifier(IdentifierKind.SOCIAL_ACCOUNT, raw);
const app = (raw: string) => normalizeIdentifier(IdentifierKind.APP, raw);

describe('SOCIAL_ACCOUNT', () => {
  it.each([
    ['wechat:Abc_123', 'wechat:abc_123', true],
    ['WeChat : wxid_AbC123 ', 'wechat:wxid_abc123', true],
    ['weixin:abc_123', 'wechat:abc_123', true],
    ['qq:12345678', 'qq:12345678', true],
    ['telegram:@Scam_Support', 'telegram:scam_support', true],
    ['tg:@scam_support', 'telegram:scam_support', true],
    ['whatsapp:+855 12 345 678', 'whatsapp:+855 12 345 678', true],
    ['line:john.doe', 'line:john.doe', true],
    ['facebook:John   Smith', 'facebook:john smith', true],
    ['signal:user.01', 'signal:user.01', false],
  ])('normalises %s', (raw, canonical, knownPlatform) => {
    expect(social(raw)).toMatchObject({ ok: true, canonical, details: { knownPlatform } });
  });

  it.each([
    ['abc123', /platform:handle/],
    [':abc', /platform is empty/],
    ['wechat:', /handle is empty/],
    ['telegram:@', /handle is empty/],
    ['we chat:abc', /single word/],
    [`qq:${'1'.repeat(129)}`, /longer than 128/],
  ])('rejects %s', (raw, reason) => {
    const r = social(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('APP', () => {
  it('lower-cases and collapses whitespace', () => {
    expect(app('  Safe   Invest  Pro ')).toMatchObject({ ok: true, canonical: 'safe invest pro', details: { packageId: false } });
    expect(app('ＡＢＣ 理财')).toMatchObject({ ok: true, canonical: 'abc 理财' });
  });

  it('recognises package ids', () => {
    expect(app('com.Example.App')).toMatchObject({ ok: true, canonical: 'com.example.app', details: { packageId: true } });
  });

  it('rejects empty names', () => {
    expect(app('   ')).toEqual({ ok: false, reason: 'value is empty' });
  });
});
