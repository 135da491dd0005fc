import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

/** The supervisor dashboard: aggregate figures with lists behind the drill-downs. */
@Module({ imports: [CasesModule], providers: [DashboardService, DashboardResolver] })
export class DashboardModule {}
