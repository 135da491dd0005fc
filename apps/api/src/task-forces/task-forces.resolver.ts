import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { CreateTaskForceInput, DispatchTaskInput, TaskForceModel, TaskModel, TaskStatus } from './task-force.model';
import { TaskForcesService } from './task-forces.service';

const id = (name: string) => [name, { type: () => ID }, uuidArg(name)] as const;

@Resolver()
export class TaskForcesResolver {
  constructor(private readonly forces: TaskForcesService) {}

  @Query(() => [TaskForceModel], { description: 'Task forces your agency leads or is a member of' })
  taskForces(@CurrentActor() actor: Actor): Promise<TaskForceModel[]> {
    return this.forces.list(actor);
  }

  @Query(() => TaskForceModel)
  taskForce(@CurrentActor() actor: Actor, @Args(...id('id')) forceId: string): Promise<TaskForceModel> {
    return this.forces.get(actor, forceId);
  }

  @Mutation(() => TaskForceModel, { description: 'Supervisors: a task force led by your agency, with member police agencies and your cases (or a series)' })
  createTaskForce(@CurrentActor() actor: Actor, @Args('input') input: CreateTaskForceInput, @GqlCtx() ctx: GqlContext): Promise<TaskForceModel> {
    return this.forces.create(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => TaskForceModel, { description: 'The lead adds (member: true) or removes an agency; removal ends its access to the cases at once' })
  setTaskForceAgency(
    @CurrentActor() actor: Actor,
    @Args(...id('taskForceId')) taskForceId: string,
    @Args(...id('agencyId')) agencyId: string,
    @Args('member') member: boolean,
    @GqlCtx() ctx: GqlContext,
  ): Promise<TaskForceModel> {
    return this.forces.setAgency(actor, taskForceId, agencyId, member, clientAddress(ctx.req));
  }

  @Mutation(() => TaskForceModel, { description: 'The owner puts its case in (inForce: true); the owner or the lead takes it out' })
  setTaskForceCase(
    @CurrentActor() actor: Actor,
    @Args(...id('taskForceId')) taskForceId: string,
    @Args(...id('caseId')) caseId: string,
    @Args('inForce') inForce: boolean,
    @GqlCtx() ctx: GqlContext,
  ): Promise<TaskForceModel> {
    return this.forces.setCase(actor, taskForceId, caseId, inForce, clientAddress(ctx.req));
  }

  @Mutation(() => TaskModel, { description: 'The lead dispatches a task to an agency of the task force' })
  dispatchTask(@CurrentActor() actor: Actor, @Args('input') input: DispatchTaskInput, @GqlCtx() ctx: GqlContext): Promise<TaskModel> {
    return this.forces.dispatch(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => TaskModel, { description: 'The assignee agency works it (IN_PROGRESS, DONE); the lead cancels. CONFLICT naming the current state otherwise' })
  setTaskStatus(
    @CurrentActor() actor: Actor,
    @Args(...id('id')) taskId: string,
    @Args('status', { type: () => TaskStatus }) status: TaskStatus,
    @GqlCtx() ctx: GqlContext,
  ): Promise<TaskModel> {
    return this.forces.setStatus(actor, taskId, status, clientAddress(ctx.req));
  }
}
