// Test-only generators, written independently of the production checksum code so tests don't check code with itself.
// (Not exported from index.ts.)

/** Luhn check digit computed from the textbook definition: double every second digit from the right of the full number. */
export function withLuhn(payload: string): string {
  for (let c = 0; c <= 9; c++) {
    const full = payload + c;
    let sum = 0;
    [...full].reverse().forEach((ch, i) => {
      const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
      sum += Math.floor(d / 10) + (d % 10);
    });
    if (sum % 10 === 0) return full;
  }
  throw new Error('unreachable');
}

/** GB 11643 check character from the defining formula: weights 2^(17-i) mod 11, value (12 - sum mod 11) mod 11. */
export function withMod11_2(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return first17 + (value === 10 ? 'X' : String(value));
}

/** Deterministic PRNG (mulberry32) for the fuzz tests. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
