import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * JSON bodies of the REST routes, for the OpenAPI document only. The GraphQL models stay as they are; the document's
 * test checks these against what AttachmentModel.from and StatementImportModel.from really return.
 */

/** AttachmentModel as JSON (POST /cases/:caseId/attachments). */
export class AttachmentJson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The victim statement it belongs to, if any' }) statementId!: string | null;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'As the upload declared it' }) contentType!: string;
  @ApiProperty({ description: 'Bytes, as a decimal string', example: '52311' }) sizeBytes!: string;
  @ApiProperty({ description: 'Hex sha256 of the content, computed while it streamed in', pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  @ApiProperty({ description: 'GET this path with the bearer token to download', example: '/attachments/0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11' }) downloadPath!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the retention queue removed the file (downloads then answer 410)' }) purgedAt!: string | null;
}

export class ImportRowErrorJson {
  @ApiProperty({ type: 'integer', description: 'Spreadsheet row (header = 1)' }) row!: number;
  @ApiProperty({ description: 'Canonical column name, e.g. transfer1_amount; empty when the row as a whole was refused' }) field!: string;
  @ApiProperty() reason!: string;
}

/** StatementImportModel as JSON (POST /cases/:caseId/imports); progress is read through GraphQL (statementImport). */
export class StatementImportJson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['CSV', 'XLSX'] }) format!: string;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED'], description: 'QUEUED when just uploaded' }) status!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Data rows in the file, known once the worker has read it' }) totalRows!: number | null;
  @ApiProperty({ type: 'integer' }) processedRows!: number;
  @ApiProperty({ type: 'integer' }) importedRows!: number;
  @ApiProperty({ type: 'integer', description: 'Rows refused' }) errorRows!: number;
  @ApiProperty({ type: [ImportRowErrorJson], description: 'The first 1,000 problems, by row' }) errors!: ImportRowErrorJson[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the whole import failed' }) failure!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
}

/** POST /risk-signals/uploads: the upload's id; progress is read through GraphQL (signalUpload). */
export class SignalUploadAcceptedJson {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class LivenessJson {
  @ApiProperty({ enum: ['ok'] }) status!: string;
}

export class ReadinessJson {
  @ApiProperty({ enum: ['ok', 'unavailable', 'draining'] }) status!: string;
  @ApiPropertyOptional({ enum: ['ok', 'down'], description: 'Absent while draining' }) postgres?: string;
  @ApiPropertyOptional({ enum: ['ok', 'down'], description: 'Absent while draining' }) redis?: string;
}
