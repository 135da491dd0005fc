import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BulletinsResolver } from './bulletins.resolver';
import { BulletinsService } from './bulletins.service';

/** Bulletins: fraud-pattern warnings published to chosen agencies (joint publicity). */
@Module({ imports: [CasesModule], providers: [BulletinsService, BulletinsResolver] })
export class BulletinsModule {}
