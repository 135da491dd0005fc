import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/**
 * An append-only place outside PostgreSQL for the audit trail's signed chain heads (issue 13): what is written
 * there is never overwritten or removed by CaseLink. Local disk now; an S3 bucket with Object Lock (compliance
 * mode, a retention period) implements the same three calls — `append` as a PutObject with `If-None-Match: *`
 * (refused when the key exists), `list` as ListObjectsV2 with the prefix, `read` as GetObject — so that not even
 * the bucket's owner can change or delete a published head before its retention ends.
 */
export interface AnchorStore {
  /**
   * Writes `bytes` under `name` if nothing is there yet: true when written, false when the name was taken
   * (the existing object is left exactly as it is). A reader sees either the whole object or none of it.
   */
  append(name: string, bytes: Buffer): Promise<boolean>;
  /** Names starting with `prefix` (at any depth), sorted. */
  list(prefix: string): Promise<string[]>;
  /** The object's bytes, or null when there is none of that name. */
  read(name: string): Promise<Buffer | null>;
}

/** Names are slash-separated segments of letters, digits, '.', '_' and '-', none starting with a dot. */
const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const TEMP_PREFIX = '.part-';

export function assertAnchorName(name: string): void {
  if (!NAME.test(name) || name.length > 200) throw new Error(`not an anchor store name: ${name}`);
}

/**
 * Files under `root`, each written once: to a temporary file (mode 0444) first, then hard-linked to its name — the
 * link fails if the name exists, so a second writer (another worker, a retry after a crash) never replaces or
 * half-writes a published file. Mode 0444 keeps ordinary users' tools from changing it; root can still, which is
 * why production puts the store on object-locked storage.
 */
export class LocalDiskAnchorStore implements AnchorStore {
  constructor(private readonly root: string) {}

  async append(name: string, bytes: Buffer): Promise<boolean> {
    assertAnchorName(name);
    const path = join(this.root, name);
    const dir = dirname(path);
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `${TEMP_PREFIX}${randomUUID()}`);
    const file = await open(temp, 'wx', 0o444);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await link(temp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    } finally {
      await rm(temp, { force: true });
    }
    // The new name survives a power cut once the folder itself is on disk.
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
    return true;
  }

  async list(prefix: string): Promise<string[]> {
    // The deepest folder the prefix names fully, then every file below it whose name starts with the prefix.
    const cut = prefix.lastIndexOf('/');
    const base = cut < 0 ? '' : prefix.slice(0, cut);
    if (base) assertAnchorName(base);
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw e;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue; // temporary files of a write in progress (or of a crashed one)
        const full = join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile()) {
          const name = relative(this.root, full).split(sep).join('/');
          if (name.startsWith(prefix)) out.push(name);
        }
      }
    };
    await walk(join(this.root, base));
    return out.sort();
  }

  async read(name: string): Promise<Buffer | null> {
    assertAnchorName(name);
    try {
      return await readFile(join(this.root, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
}
