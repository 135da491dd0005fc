// Deterministic randomness for the synthetic data generator.
//
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state) rather than mulberry32: mulberry32 has
// a single 2^32-long cycle, so 100k per-case streams seeded at random points of it would overlap by the thousands
// and repeat whole cases (and their UUIDs). Every stream here is seeded from (seed, stream, index) without loss,
// so streams for different cases or rings are distinct and can be generated in any order, in any batch size.
// Only 32-bit integer arithmetic and V8's fdlibm-based Math.log/cos/exp are used: same seed, same output.

/** murmur3's 32-bit finaliser: a bijection on uint32, so distinct inputs stay distinct. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Cumulative weights for `Rng.weighted`. */
export interface WeightedTable<T> {
  values: readonly T[];
  cumulative: readonly number[];
  total: number;
}

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  let total = 0;
  const cumulative: number[] = [];
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  return { values: entries.map(([v]) => v), cumulative, total };
}

const HEX = '0123456789abcdef';

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** One independent stream per (seed, stream, index): e.g. (42, CASE_STREAM, caseIndex). */
  constructor(seed: number, stream = 0, index = 0) {
    this.a = fmix32(seed ^ 0x9e3779b9);
    this.b = fmix32(stream ^ 0x243f6a88);
    this.c = fmix32(index ^ 0xb7e15162);
    this.d = 1;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** Uniform uint32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.float() * values.length)];
  }

  weighted<T>(table: WeightedTable<T>): T {
    const x = this.float() * table.total;
    const { cumulative } = table;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < cumulative[mid]) hi = mid;
      else lo = mid + 1;
    }
    return table.values[lo];
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.float(); // (0, 1]
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** `n` decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.float() * 10));
    return s;
  }

  /** `n` random bytes. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const w = this.next();
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (w >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /** `n` lower-case letters and digits. */
  alnum(n: number): string {
    const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let s = '';
    for (let i = 0; i < n; i++) s += chars[Math.floor(this.float() * chars.length)];
    return s;
  }

  /**
   * Set by the generator to the time of the case being drawn: ids then take the version 7 shape (RFC 9562, the time
   * in the first 48 bits), so cases drawn in time order insert at the right edge of every primary key instead of at
   * random pages (at 1M cases random v4 keys made the load rewrite index pages after every checkpoint).
   */
  clockMs?: number;

  /** A UUID drawn from this stream, so reruns produce the same ids: version 7 while `clockMs` is set, else version 4. */
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++) {
      const w = this.next();
      for (let j = 7; j >= 0; j--) hex += HEX[(w >>> (4 * j)) & 0xf];
    }
    const variant = HEX[8 + (parseInt(hex[16], 16) & 3)];
    const clock = this.clockMs;
    if (clock === undefined) return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    const time = Math.floor(clock).toString(16).padStart(12, '0').slice(-12);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
