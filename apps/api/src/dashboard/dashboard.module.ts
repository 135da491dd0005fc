import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';
import { CaseGoldenMinutesResolver } from './golden-minutes.resolver';

/** The supervisor dashboard: aggregate figures with lists behind the drill-downs; the golden minutes of cases. */
@Module({ imports: [CasesModule], providers: [DashboardService, DashboardResolver, CaseGoldenMinutesResolver] })
export class DashboardModule {}
