import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { CreateTaskForceInput, DispatchTaskInput, TaskForceModel, TaskModel, TaskStatus } from './task-force.model';
import { TaskForcesService } from './task-forces.service';

const id = (name: string, description: string) => [name, { type: () => ID, description }, uuidArg(name)] as const;

@Resolver()
export class TaskForcesResolver {
  constructor(private readonly forces: TaskForcesService) {}

  @Query(() => [TaskForceModel], { description: 'Task forces your agency leads or is a member of' })
  taskForces(@CurrentActor() actor: Actor): Promise<TaskForceModel[]> {
    return this.forces.list(actor);
  }

  @Query(() => TaskForceModel, { description: 'A task force your agency leads or is a member of; NOT_FOUND otherwise' })
  taskForce(@CurrentActor() actor: Actor, @Args(...id('id', 'Task force id')) forceId: string): Promise<TaskForceModel> {
    return this.forces.get(actor, forceId);
  }

  @Mutation(() => TaskForceModel, { description: 'Supervisors: a task force led by your agency, with member police agencies and your cases (or a series)' })
  createTaskForce(@CurrentActor() actor: Actor, @Args('input', { description: 'The task force' }) input: CreateTaskForceInput, @GqlCtx() ctx: GqlContext): Promise<TaskForceModel> {
    return this.forces.create(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => TaskForceModel, { description: 'The lead adds (member: true) or removes an agency; removal ends its access to the cases at once' })
  setTaskForceAgency(
    @CurrentActor() actor: Actor,
    @Args(...id('taskForceId', 'The task force (your agency leads it)')) taskForceId: string,
    @Args(...id('agencyId', 'A police agency')) agencyId: string,
    @Args('member', { description: 'true adds the agency, false removes it' }) member: boolean,
    @GqlCtx() ctx: GqlContext,
  ): Promise<TaskForceModel> {
    return this.forces.setAgency(actor, taskForceId, agencyId, member, clientAddress(ctx.req));
  }

  @Mutation(() => TaskForceModel, { description: 'The owner puts its case in (inForce: true); the owner or the lead takes it out' })
  setTaskForceCase(
    @CurrentActor() actor: Actor,
    @Args(...id('taskForceId', 'The task force')) taskForceId: string,
    @Args(...id('caseId', 'The case')) caseId: string,
    @Args('inForce', { description: 'true puts the case in, false takes it out' }) inForce: boolean,
    @GqlCtx() ctx: GqlContext,
  ): Promise<TaskForceModel> {
    return this.forces.setCase(actor, taskForceId, caseId, inForce, clientAddress(ctx.req));
  }

  @Mutation(() => TaskModel, { description: 'The lead dispatches a task to an agency of the task force' })
  dispatchTask(@CurrentActor() actor: Actor, @Args('input', { description: 'The task' }) input: DispatchTaskInput, @GqlCtx() ctx: GqlContext): Promise<TaskModel> {
    return this.forces.dispatch(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => TaskModel, { description: 'The assignee agency works it (IN_PROGRESS, DONE); the lead cancels. CONFLICT naming the current state otherwise' })
  setTaskStatus(
    @CurrentActor() actor: Actor,
    @Args(...id('id', 'Task id')) taskId: string,
    @Args('status', { type: () => TaskStatus, description: 'The new status' }) status: TaskStatus,
    @GqlCtx() ctx: GqlContext,
  ): Promise<TaskModel> {
    return this.forces.setStatus(actor, taskId, status, clientAddress(ctx.req));
  }
}
