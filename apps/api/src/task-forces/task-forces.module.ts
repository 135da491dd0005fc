import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { TaskForcesResolver } from './task-forces.resolver';
import { TaskForcesService } from './task-forces.service';

/** Task forces: unified dispatch and centralised arrest across provinces. */
@Module({ imports: [CasesModule], providers: [TaskForcesService, TaskForcesResolver] })
export class TaskForcesModule {}
