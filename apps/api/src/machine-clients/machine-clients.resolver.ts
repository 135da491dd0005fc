import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MACHINE_CLIENT_POLICY } from '@caselink/domain';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { MachineClientCredentialsModel, MachineClientModel } from './machine-client.model';
import { CreateMachineClientInput } from './machine-clients.dto';
import { MachineClientsService } from './machine-clients.service';

@Resolver()
export class MachineClientsResolver {
  constructor(private readonly clients: MachineClientsService) {}

  @Query(() => [MachineClientModel], { description: "Your agency's machine clients, newest first (admins only)" })
  machineClients(
    @CurrentActor() actor: Actor,
    @Args('includeRevoked', { type: () => Boolean, nullable: true, defaultValue: false, description: 'Also the revoked ones (false when left out)' }) includeRevoked: boolean | null,
  ): Promise<MachineClientModel[]> {
    return this.clients.list(actor, includeRevoked === true);
  }

  @Mutation(() => MachineClientCredentialsModel, { description: 'A machine client of your agency: its client_id and its secret, shown this once' })
  createMachineClient(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Its name and the roles it acts with' }) input: CreateMachineClientInput,
    @GqlCtx() ctx: GqlContext,
  ): Promise<MachineClientCredentialsModel> {
    return this.clients.create(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => MachineClientCredentialsModel, {
    description: 'A new secret, shown this once; the previous secrets keep working for graceHours, then not (tokens already issued run out within 10 minutes)',
  })
  rotateMachineClientSecret(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'A client of your agency' }, uuidArg('id')) id: string,
    @Args('graceHours', {
      type: () => Int, nullable: true, defaultValue: MACHINE_CLIENT_POLICY.defaultGraceHours,
      description: `How long the previous secrets keep working: 0 (at once, e.g. a leaked secret) to ${MACHINE_CLIENT_POLICY.maxGraceHours}; ${MACHINE_CLIENT_POLICY.defaultGraceHours} when left out`,
    }) graceHours: number | null,
    @GqlCtx() ctx: GqlContext,
  ): Promise<MachineClientCredentialsModel> {
    return this.clients.rotate(actor, id, graceHours ?? MACHINE_CLIENT_POLICY.defaultGraceHours, clientAddress(ctx.req));
  }

  @Mutation(() => MachineClientModel, { description: 'Revokes the client at once, for good: its secrets, tokens and live connections stop working' })
  revokeMachineClient(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'A client of your agency' }, uuidArg('id')) id: string,
    @GqlCtx() ctx: GqlContext,
  ): Promise<MachineClientModel> {
    return this.clients.revoke(actor, id, clientAddress(ctx.req));
  }
}
