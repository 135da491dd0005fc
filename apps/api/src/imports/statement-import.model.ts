import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { StatementImport } from '@caselink/db';

export enum ImportStatusEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatusEnum, { name: 'ImportStatus' });

export enum ImportFormatEnum {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ImportFormatEnum, { name: 'ImportFormat' });

@ObjectType('ImportRowError', { description: 'One bad cell of an import: the spreadsheet row (header = 1), its column and why' })
export class ImportRowErrorModel {
  @Field(() => Int) row: number;
  @Field({ description: 'Canonical column name, e.g. transfer1_amount; empty when the row as a whole was refused' }) field: string;
  @Field() reason: string;
}

@ObjectType('StatementImport', { description: 'A spreadsheet of victim statements being imported into one case (importing agency only)' })
export class StatementImportModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field() fileName: string;
  @Field(() => ImportFormatEnum) format: ImportFormatEnum;
  @Field(() => ImportStatusEnum) status: ImportStatusEnum;
  @Field(() => Int, { nullable: true, description: 'Data rows in the file, known once the worker has read it' }) totalRows: number | null;
  @Field(() => Int) processedRows: number;
  @Field(() => Int) importedRows: number;
  @Field(() => Int, { description: 'Rows refused; counts on past the stored error list' }) errorRows: number;
  @Field(() => [ImportRowErrorModel], { description: 'The first 1,000 problems, by row' }) errors: ImportRowErrorModel[];
  @Field(() => String, { nullable: true, description: 'Why the whole import failed (unreadable file, bad header)' }) failure: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;

  static from(i: StatementImport): StatementImportModel {
    return Object.assign(new StatementImportModel(), {
      id: i.id, caseId: i.caseId, fileName: i.fileName, format: i.format as ImportFormatEnum, status: i.status as ImportStatusEnum, totalRows: i.totalRows,
      processedRows: i.processedRows, importedRows: i.importedRows, errorRows: i.errorRows, errors: i.errors ?? [], failure: i.failure,
      createdAt: i.createdAt, finishedAt: i.finishedAt,
    });
  }
}
