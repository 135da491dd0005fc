import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

/** What a download needs of a stored evidence file's record. */
export interface EvidenceFileHead {
  fileName: string;
  contentType: string;
  sizeBytes: string | number;
  sha256: string;
}

/** The head of a file's row as the stores return it (attachments, request_attachment_file()). */
export function evidenceFileHead(row: { file_name: string; content_type: string; size_bytes: string; sha256: string }): EvidenceFileHead {
  return { fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes, sha256: row.sha256 };
}

/**
 * Streams an evidence file as a download: never rendered inline (`attachment`, `nosniff`), its name in RFC 5987 form,
 * and its sha256 so the receiver can check it against the case record. Case and request downloads both answer so.
 */
export async function sendEvidenceFile(reply: FastifyReply, file: EvidenceFileHead, body: Readable): Promise<void> {
  await reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-sha256', file.sha256)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
