import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AttachmentRow } from '@caselink/db';

@ObjectType('Attachment', { description: 'An evidence file of a case, uploaded with POST /cases/{id}/attachments' })
export class AttachmentModel {
  @Field(() => ID, { description: 'Attachment id' }) id: string;
  @Field(() => ID, { nullable: true, description: 'The statement it belongs to, if any' }) statementId: string | null;
  @Field({ description: 'File name as uploaded' }) fileName: string;
  @Field({ description: 'Media type as uploaded' }) contentType: string;
  @Field({ description: 'Bytes' }) sizeBytes: string;
  @Field({ description: 'Hex sha256 of the content, computed while it streamed in' }) sha256: string;
  @Field({ description: 'GET this path with the bearer token to download' }) downloadPath: string;
  @Field({ description: 'When it was uploaded' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the retention queue removed the file; downloads then answer 410 (the record stays)' })
  purgedAt: Date | null;

  static from(a: AttachmentRow): AttachmentModel {
    return Object.assign(new AttachmentModel(), {
      id: a.id, statementId: a.statement_id, fileName: a.file_name, contentType: a.content_type, sizeBytes: String(a.size_bytes), sha256: a.sha256,
      downloadPath: `/attachments/${a.id}`, createdAt: a.created_at, purgedAt: a.purged_at ?? null,
    });
  }
}
