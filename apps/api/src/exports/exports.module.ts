import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { LinkingModule } from '../linking/linking.module';
import { ClueImportResolver } from './clue-import.resolver';
import { ClueImportService } from './clue-import.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** STIX 2.1 and MISP exports of a case's identifiers and links, and imports of clues from them. */
@Module({ imports: [CasesModule, LinkingModule], providers: [ExportsService, ClueImportService, ClueImportResolver], controllers: [ExportsController] })
export class ExportsModule {}
