import { IdentifierKind, normalizeIdentifier } from './index';

const ip = (raw: string) => normalizeIdentifier(IdentifierKind.IP, raw);
const url = (raw: string) => normalizeIdentifier(IdentifierKind.URL, raw);
const domain = (raw: string) => normalizeIdentifier(IdentifierKind.DOMAIN, raw);

const rejects = (r: { ok: boolean; reason?: string }, reason: RegExp) => {
  expect(r.ok).toBe(false);
  expect(r.reason).toMatch(reason);
};

describe('IP', () => {
  it.each([
    ['8.8.8.8', '8.8.8.8', 4, 'unicast'],
    [' 192.168.1.10 ', '192.168.1.10', 4, 'private'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1', 6, 'reserved'],
    ['[2400:CB00::1]', '2400:cb00::1', 6, 'unicast'],
    ['::ffff:103.1.2.3', '103.1.2.3', 4, 'unicast'],
    ['::ffff:6701:0203', '103.1.2.3', 4, 'unicast'],
  ])('normalises %s', (raw, canonical, version, range) => {
    expect(ip(raw)).toMatchObject({ ok: true, canonical, details: { version, range } });
  });

  it.each([
    ['256.1.1.1', /IPv4/],
    ['010.1.1.1', /leading zeros/],
    ['127.1', /IPv4/],
    ['0x7f.0.0.1', /not a valid IP/],
    ['10.0.0.0/8', /not a range/],
    ['fe80::1%eth0', /zone/],
    ['example.com', /not a valid IP/],
  ])('rejects %s', (raw, reason) => rejects(ip(raw), reason));
});

describe('URL', () => {
  it.each([
    ['HTTPS://Example.COM:443/Login?ID=AbC#top', 'https://example.com/Login?ID=AbC', 'example.com'],
    ['http://example.com:80', 'http://example.com/', 'example.com'],
    ['http://example.com:8080/a', 'http://example.com:8080/a', 'example.com'],
    ['www.icbc-verify.top/pay', 'https://www.icbc-verify.top/pay', 'www.icbc-verify.top'],
    ['example.com:8443/x', 'https://example.com:8443/x', 'example.com'],
    ['https://工商银行.中国/登录', 'https://xn--czr93rq40bruk.xn--fiqs8s/%E7%99%BB%E5%BD%95', 'xn--czr93rq40bruk.xn--fiqs8s'],
    ['https://example.com./a', 'https://example.com/a', 'example.com'],
    ['http://103.1.2.3/x', 'http://103.1.2.3/x', '103.1.2.3'],
    ['http://[2001:DB8::1]:8080/', 'http://[2001:db8::1]:8080/', '2001:db8::1'],
    // Userinfo phishing trick: the host is the part after @.
    ['http://www.icbc.com.cn@evil.example/', 'http://www.icbc.com.cn@evil.example/', 'evil.example'],
  ])('normalises %s', (raw, canonical, host) => {
    expect(url(raw)).toEqual({ ok: true, value: raw, canonical, details: { host } });
  });

  it.each([
    ['ftp://example.com/file', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['mailto:a@example.com', /only http and https/],
    ['http://localhost/', /at least one dot/],
    ['http://exa_mple.com/', /URL host is not valid: .*inner hyphens/],
    ['https://', /not a valid URL/],
    ['http://-bad-.com/', /inner hyphens/],
  ])('rejects %s', (raw, reason) => rejects(url(raw), reason));
});

describe('DOMAIN', () => {
  it.each([
    ['Example.COM', 'example.com'],
    ['www.example.com.', 'www.example.com'],
    ['Bücher.example', 'xn--bcher-kva.example'],
    ['工商银行。中国', 'xn--czr93rq40bruk.xn--fiqs8s'], // punycode checked with Python's idna codec
    ['ＷＷＷ.Example.com', 'www.example.com'],
    ['a-b.co.uk', 'a-b.co.uk'],
  ])('normalises %s', (raw, canonical) => {
    expect(domain(raw)).toEqual({ ok: true, value: raw, canonical });
  });

  it('does not strip www (a different host name)', () => {
    expect(domain('www.example.com')).toMatchObject({ canonical: 'www.example.com' });
  });

  it.each([
    ['localhost', /at least one dot/],
    ['https://example.com', /use the URL kind/],
    ['example.com/path', /not allowed/],
    ['exa mple.com', /not allowed/],
    ['1.2.3.4', /use the IP kind/],
    ['-example.com', /inner hyphens/],
    ['a..com', /1 to 63|not a valid domain/],
    [`${'a'.repeat(64)}.com`, /1 to 63/],
    [`${'a'.repeat(63)}.`.repeat(3) + `${'b'.repeat(58)}.com`, /253/], // 254 characters
  ])('rejects %s', (raw, reason) => rejects(domain(raw), reason));
});
