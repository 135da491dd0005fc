import type { MultipartFile } from '@fastify/multipart';
import { Empty, EvidenceStore, StoredObject, TooLarge } from '@caselink/storage';
import type { HttpRequestWithActor } from '../common/actor';
import { AppError, badInput } from '../common/errors';

export interface ReceivedFile extends StoredObject {
  fileName: string;
  contentType: string;
}

/**
 * Streams the one file of a multipart upload into the store without buffering it, refusing more than
 * `maxBytes` (413, PAYLOAD_TOO_LARGE) and empty files (BAD_USER_INPUT on `file`).
 */
export async function receiveFile(req: HttpRequestWithActor, store: EvidenceStore, maxBytes: number): Promise<ReceivedFile> {
  let part: MultipartFile | undefined;
  try {
    // One byte over the limit reaches the store, whose meter refuses it (multipart alone would truncate silently).
    part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 } });
  } catch {
    throw badInput('file', 'send the file as multipart/form-data in a field named "file"');
  }
  if (!part) throw badInput('file', 'no file in the upload');
  try {
    const stored = await store.put(part.file, maxBytes);
    if (part.file.truncated) {
      await store.remove(stored.key);
      throw new TooLarge();
    }
    return { ...stored, fileName: part.filename.slice(0, 255) || 'upload', contentType: part.mimetype || 'application/octet-stream' };
  } catch (e) {
    if (e instanceof TooLarge || (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `file: larger than the limit of ${maxBytes} bytes`, { field: 'file', maxBytes });
    }
    if (e instanceof Empty) throw badInput('file', 'is empty');
    throw e;
  }
}
