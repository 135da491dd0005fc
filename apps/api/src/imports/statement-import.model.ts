import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ImportRow } from '@caselink/db';
import { JobState } from '@caselink/domain';

/** The domain's job states under their GraphQL name for imports (a copy: each GraphQL enum needs its own object). */
export const ImportStatusEnum = { ...JobState };
registerEnumType(ImportStatusEnum, {
  name: 'ImportStatus',
  description: 'Where an import (or upload) stands',
  valuesMap: {
    QUEUED: { description: 'Waiting for the worker' },
    RUNNING: { description: 'The worker is reading rows' },
    DONE: { description: 'Finished (some rows may have been refused)' },
    FAILED: { description: 'Nothing imported: unreadable file or bad header (see failure)' },
  },
});

export enum ImportFormatEnum {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ImportFormatEnum, {
  name: 'ImportFormat',
  description: 'Spreadsheet format',
  valuesMap: {
    CSV: { description: 'CSV (UTF-8 or GB18030; comma, semicolon or tab)' },
    XLSX: { description: 'Excel workbook (the first sheet)' },
  },
});

@ObjectType('ImportRowError', { description: 'One bad cell of an import: the spreadsheet row (header = 1), its column and why' })
export class ImportRowErrorModel {
  @Field(() => Int, { description: 'Spreadsheet row (header = row 1)' }) row: number;
  @Field({ description: 'Canonical column name, e.g. transfer1_amount; empty when the row as a whole was refused' }) field: string;
  @Field({ description: 'Why it was refused' }) reason: string;
}

@ObjectType('StatementImport', { description: 'A spreadsheet of victim statements being imported into one case (importing agency only)' })
export class StatementImportModel {
  @Field(() => ID, { description: 'Import id' }) id: string;
  @Field(() => ID, { description: 'The case it imports into' }) caseId: string;
  @Field({ description: 'File name as uploaded' }) fileName: string;
  @Field(() => ImportFormatEnum, { description: 'Spreadsheet format' }) format: ImportFormatEnum;
  @Field(() => ImportStatusEnum, { description: 'Where it stands' }) status: JobState;
  @Field(() => Int, { nullable: true, description: 'Data rows in the file, known once the worker has read it' }) totalRows: number | null;
  @Field(() => Int, { description: 'Rows read so far' }) processedRows: number;
  @Field(() => Int, { description: 'Rows imported (each a statement with its payment trail and clues)' }) importedRows: number;
  @Field(() => Int, { description: 'Rows refused; counts on past the stored error list' }) errorRows: number;
  @Field(() => [ImportRowErrorModel], { description: 'The first 1,000 problems, by row' }) errors: ImportRowErrorModel[];
  @Field(() => String, { nullable: true, description: 'Why the whole import failed (unreadable file, bad header)' }) failure: string | null;
  @Field({ description: 'When it was uploaded' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it finished; null until then' }) finishedAt: Date | null;

  static from(i: ImportRow): StatementImportModel {
    return Object.assign(new StatementImportModel(), {
      id: i.id, caseId: i.case_id, fileName: i.file_name, format: i.format as ImportFormatEnum, status: i.status, totalRows: i.total_rows,
      processedRows: i.processed_rows, importedRows: i.imported_rows, errorRows: i.error_rows, errors: i.errors ?? [], failure: i.failure,
      createdAt: i.created_at, finishedAt: i.finished_at,
    });
  }
}
