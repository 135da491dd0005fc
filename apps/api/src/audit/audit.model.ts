import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches } from 'class-validator';
import type { AuditEvent } from '@caselink/db';
import { connectionType, PageArgs } from '../common/pagination';

@ObjectType('AuditEvent')
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: "Position in the agency's hash chain" }) sequence: number;
  @Field() occurredAt: Date;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field(() => String, { nullable: true }) actorEmail: string | null;
  @Field(() => ID, { nullable: true }) agencyId: string | null;
  @Field() action: string;
  @Field() entityType: string;
  @Field(() => String, { nullable: true }) entityId: string | null;
  @Field(() => String, { nullable: true }) clientAddress: string | null;
  @Field() outcome: string;
  @Field(() => String, { nullable: true, description: 'JSON' }) details: string | null;
  @Field({ description: 'hex sha256 of the previous row and this row' }) hash: string;

  static from(e: AuditEvent): AuditEventModel {
    return Object.assign(new AuditEventModel(), {
      id: e.id, sequence: Number(e.sequence), occurredAt: e.occurredAt, actorUserId: e.actorUserId, actorEmail: e.actorEmail,
      agencyId: e.agencyId, action: e.action, entityType: e.entityType, entityId: e.entityId, clientAddress: e.clientAddress,
      outcome: e.outcome, details: e.details ? JSON.stringify(e.details) : null, hash: e.hash.toString('hex'),
    });
  }
}

@ObjectType()
export class AuditEventConnection extends connectionType(AuditEventModel, 'AuditEvent') {}

@ArgsType()
export class AuditEventArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this action, e.g. LOGIN_FAILED' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z_]{2,40}$/, { message: 'must be an action name such as LOGIN_FAILED' })
  action?: string | null;
}

@ObjectType()
export class AuditChainVerification {
  @Field() ok: boolean;
  @Field(() => Int) checkedCount: number;
  @Field(() => ID, { nullable: true }) firstBrokenEventId: string | null;
  @Field(() => Int, { nullable: true }) firstBrokenSequence: number | null;
  @Field(() => String, { nullable: true }) reason: string | null;
}
