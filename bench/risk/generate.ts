import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * A deterministic stream of risk events (seeded PRNG, fixed dates): withdrawals, transfers and account openings
 * for one bank's file, SIM registrations for one telecom's. Most accounts and people behave; a few per cent are
 * mules (several withdrawals a day, money passed straight through) or hoarders (many cards, many SIMs), so every
 * rule has work and some alerts are raised.
 */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function withLuhn(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return payload + ((10 - (sum % 10)) % 10);
}

export function idNumber(n: number): string {
  const day = 1 + (n % 28);
  const month = 1 + (Math.floor(n / 28) % 12);
  const year = 1960 + (Math.floor(n / 336) % 40);
  const seq = String(Math.floor(n / 13_440) % 1000).padStart(3, '0');
  const first17 = `110101${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return first17 + (v === 10 ? 'X' : String(v));
}

const card = (n: number) => withLuhn(`6217${String(n).padStart(14, '0')}`);
const phone = (n: number) => `13${String(n % 1_000_000_000).padStart(9, '0')}`;
const REGIONS = ['440100', '440300', '440106', '350100', '350200', '330100', '330106', '110105', '310115', '320100', '510100', '610100'];
const START = Date.parse('2026-10-01T00:00:00+08:00');

const pad = (n: number) => String(n).padStart(2, '0');
/** Local time in Asia/Shanghai, as banks' exports write it. */
function local(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
const money = (cents: number) => `${Math.floor(cents / 100)}.${pad(cents % 100)}`;

export const HEADER = 'kind,reference,occurred_at,region,subject_id_number,account,product,phone,amount,direction,counterpart_account';

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (const line of lines) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** `bankRows` bank events (withdrawals 55 %, transfers 30 %, openings 15 %) into one file, `simRows` SIM registrations into another. */
export async function generate(bankPath: string, telecomPath: string, bankRows: number, simRows: number, seed = 7): Promise<void> {
  const rnd = prng(seed);
  const accounts = Math.max(1000, Math.floor(bankRows / 4));
  const subjects = Math.max(500, Math.floor(bankRows / 20));
  function* bank(): Generator<string> {
    let i = 0;
    while (i < bankRows) {
      const r = rnd();
      const region = REGIONS[Math.floor(rnd() * REGIONS.length)];
      const at = START + Math.floor(rnd() * 30) * 86_400_000 + Math.floor(rnd() * 14 * 3600_000) + 8 * 3600_000;
      if (r < 0.55) {
        // A mule (2 % of accounts) withdraws four times in a morning; others now and then.
        const mule = rnd() < 0.02;
        const acc = card(mule ? Math.floor(rnd() * accounts * 0.02) : Math.floor(rnd() * accounts));
        const n = mule ? 4 : 1;
        for (let k = 0; k < n && i < bankRows; k++, i++) {
          yield `CASH_WITHDRAWAL,B${i},${local(at + k * 600_000)},${region},,${acc},,,${money(mule ? 500_000 + Math.floor(rnd() * 300_000) : 10_000 + Math.floor(rnd() * 800_000))},,`;
        }
      } else if (r < 0.85) {
        const acc = card(Math.floor(rnd() * accounts));
        const amount = 100_000 + Math.floor(rnd() * 5_000_000);
        const from = card(accounts + Math.floor(rnd() * accounts));
        yield `TRANSFER,B${i++},${local(at)},${region},,${acc},,,${money(amount)},IN,${from}`;
        // A third of incoming money leaves again: most of it within minutes (pass-through), else hours later.
        if (rnd() < 0.33 && i < bankRows) {
          const delay = rnd() < 0.5 ? Math.floor(rnd() * 40) * 60_000 : 4 * 3600_000;
          yield `TRANSFER,B${i++},${local(at + delay + 60_000)},${region},,${acc},,,${money(Math.floor(amount * (0.75 + rnd() * 0.25)))},OUT,${card(2 * accounts + Math.floor(rnd() * accounts))}`;
        }
      } else {
        // 3 % of people collect cards.
        const hoarder = rnd() < 0.03;
        const who = idNumber(hoarder ? Math.floor(rnd() * subjects * 0.03) : Math.floor(rnd() * subjects));
        const product = rnd() < 0.7 ? 'DEBIT_CARD' : rnd() < 0.5 ? 'CREDIT_CARD' : 'ACCOUNT';
        yield `ACCOUNT_OPENING,B${i++},${local(at)},${region},${who},${card(3 * accounts + i)},${product},,,,`;
      }
    }
  }
  function* sims(): Generator<string> {
    const people = Math.max(200, Math.floor(simRows / 3));
    for (let i = 0; i < simRows; i++) {
      const hoarder = rnd() < 0.05;
      const who = idNumber(10_000_000 + (hoarder ? Math.floor(rnd() * people * 0.02) : Math.floor(rnd() * people)));
      const at = START + Math.floor(rnd() * 30 * 86_400_000);
      yield `SIM_REGISTRATION,T${i},${local(at)},${REGIONS[Math.floor(rnd() * REGIONS.length)]},${who},,,${phone(i)},,,`;
    }
  }
  await writeLines(bankPath, bank());
  await writeLines(telecomPath, sims());
}
