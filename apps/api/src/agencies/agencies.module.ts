import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AgenciesResolver } from './agencies.resolver';
import { AgenciesService } from './agencies.service';

@Module({ imports: [UsersModule], providers: [AgenciesService, AgenciesResolver] })
export class AgenciesModule {}
