/**
 * Just enough of POSIX ustar to hand an auditor a bundle that `tar xf` opens on any system (and to read one back):
 * regular files only, names up to 100 bytes, no links. No dependency: the format is 512-byte blocks.
 */
export interface TarEntry {
  name: string;
  bytes: Buffer;
  /** Seconds since 1970; now when left out. */
  mtime?: number;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100 || nameBytes.length === 0 || name.includes('..') || name.startsWith('/')) throw new Error(`tar: unusable name ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  nameBytes.copy(h, 0);
  h.write(octal(0o444, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum counted as spaces
  h.write('0', 156, 'ascii'); // regular file
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('caselink', 265, 'ascii');
  h.write('caselink', 297, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** One entry: its header, its bytes, padding to the next block. */
export function tarEntry(e: TarEntry): Buffer {
  const pad = (BLOCK - (e.bytes.length % BLOCK)) % BLOCK;
  return Buffer.concat([header(e.name, e.bytes.length, e.mtime ?? Date.now() / 1000), e.bytes, Buffer.alloc(pad, 0)]);
}

/** The end of an archive: two zero blocks. */
export const tarEnd = (): Buffer => Buffer.alloc(BLOCK * 2, 0);

/** A whole archive in memory (small bundles, tests). */
export const tarOf = (entries: TarEntry[]): Buffer => Buffer.concat([...entries.map(tarEntry), tarEnd()]);

/** The regular files of a ustar archive; refuses a damaged header (bad checksum). */
export function readTar(archive: Buffer): TarEntry[] {
  const out: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= archive.length) {
    const h = archive.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const field = (start: number, len: number) => h.subarray(start, start + len).toString('ascii').replace(/\0.*$/s, '').trim();
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    if (parseInt(field(148, 8), 8) !== sum) throw new Error(`tar: damaged header at byte ${at}`);
    const size = parseInt(field(124, 12), 8);
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const type = String.fromCharCode(h[156] || 48);
    const start = at + BLOCK;
    if (start + size > archive.length) throw new Error(`tar: ${name} is cut short`);
    if (type === '0') out.push({ name, bytes: Buffer.from(archive.subarray(start, start + size)), mtime: parseInt(field(136, 12), 8) });
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}
