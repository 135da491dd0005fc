import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredObject {
  key: string;
  sizeBytes: number;
  sha256: string;
}

/** Where evidence files live. Local disk now; an S3-compatible store implements the same three calls. */
export interface EvidenceStore {
  /** Streams `body` in, hashing as it goes; refuses more than `maxBytes` (TooLarge) or nothing at all (Empty). */
  put(body: Readable, maxBytes: number): Promise<StoredObject>;
  get(key: string): Readable;
  remove(key: string): Promise<void>;
}

export class TooLarge extends Error {}
export class Empty extends Error {}

/** Files under `root`, named by a random key in two-level folders; written to a temp name, then renamed. */
export class LocalDiskStore implements EvidenceStore {
  constructor(private readonly root: string) {}

  async put(body: Readable, maxBytes: number): Promise<StoredObject> {
    const key = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
    const path = join(this.root, key);
    const temp = `${path}.part`;
    await mkdir(dirname(path), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new TooLarge(`more than ${maxBytes} bytes`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(temp));
      if (size === 0) throw new Empty('the file is empty');
      await rename(temp, path);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    return { key, sizeBytes: size, sha256: hash.digest('hex') };
  }

  get(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^\d{4}-\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(this.root, key);
  }
}
