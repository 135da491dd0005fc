import { IdentifierKind, normalizeIdentifier } from './index';

const wallet = (raw: string) => normalizeIdentifier(IdentifierKind.CRYPTO_WALLET, raw);

describe('CRYPTO_WALLET', () => {
  it.each([
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'BTC', 'P2PKH'], // genesis block coinbase
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'BTC', 'P2SH'],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'BTC', 'P2WPKH'],
    ['bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3', 'BTC', 'P2WSH'], // BIP 173
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'BTC', 'P2TR'], // BIP 350
    ['T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb', 'TRON', 'ACCOUNT'], // the TRON zero ("black hole") address
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'TRON', 'ACCOUNT'], // USDT TRC-20 contract
  ])('accepts %s as %s', (raw, chain, type) => {
    expect(wallet(raw)).toEqual({ ok: true, value: raw, canonical: raw, details: { chain, type } });
  });

  it('lower-cases upper-case bech32', () => {
    expect(wallet('BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ')).toMatchObject({ ok: true, canonical: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' });
  });

  it.each([
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ])('accepts EIP-55 vector %s with a lower-case canonical', (raw) => {
    expect(wallet(raw)).toEqual({ ok: true, value: raw, canonical: raw.toLowerCase(), details: { chain: 'ETH', type: 'ACCOUNT' } });
  });

  it('accepts ETH without checksum (all lower or all upper case, or without 0x)', () => {
    const lower = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';
    expect(wallet(lower)).toMatchObject({ ok: true, canonical: lower });
    expect(wallet('0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED')).toMatchObject({ ok: true, canonical: lower });
    expect(wallet('5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toMatchObject({ ok: true, canonical: lower });
  });

  it.each([
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', /EIP-55/], // last letter's case flipped
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe', /40 hex/],
    ['0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', /40 hex/],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', /checksum/],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7Div0Na', /base58 alphabet/],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr', /checksum/],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5MDQ', /mix upper and lower/],
    ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', /not a recognised/], // testnet
    ['T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwc', /checksum/],
    ['T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWw', /34 characters/],
    ['LaMT348PWRnrqeeWArpwQPbuanpXDZGEUz', /not a recognised/], // Litecoin
    ['', /empty/],
  ])('rejects %s', (raw, reason) => {
    const r = wallet(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
