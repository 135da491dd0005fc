import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../common/actor';
import { CurrentActor } from '../common/decorators';
import { DashboardFilter } from './dashboard.dto';
import { SupervisorDashboardModel } from './dashboard.model';
import { DashboardService } from './dashboard.service';

@Resolver()
export class DashboardResolver {
  constructor(private readonly dashboard: DashboardService) {}

  @Query(() => SupervisorDashboardModel, {
    description: 'Police only. Figures over the records you may read, or (supervisors, the default for them) aggregate figures for your region',
  })
  supervisorDashboard(
    @CurrentActor() actor: Actor,
    // Declared without `| null` so that the parameter's design type is the class and its rules run (it may be null).
    @Args('filter', { type: () => DashboardFilter, nullable: true, description: 'Period, fraud type and scope; the defaults when left out' }) filter: DashboardFilter,
  ): Promise<SupervisorDashboardModel> {
    return this.dashboard.supervisorDashboard(actor, filter);
  }
}
