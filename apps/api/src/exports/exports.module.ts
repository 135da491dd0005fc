import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { LinkingModule } from '../linking/linking.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** STIX 2.1 and MISP exports of a case's identifiers and links. */
@Module({ imports: [CasesModule, LinkingModule], providers: [ExportsService], controllers: [ExportsController] })
export class ExportsModule {}
