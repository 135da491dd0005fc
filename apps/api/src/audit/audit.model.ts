import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AuditAnchorCheck, AuditAnchorStatus } from '@caselink/domain';
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

registerEnumType(AuditAnchorStatus, { name: 'AuditAnchorStatus', description: 'The chain in the database against the signed heads kept outside it' });

@ObjectType('AuditAnchorCheck', { description: "The caller agency's chain against its newest signed heads in the anchor store" })
export class AuditAnchorCheckModel {
  @Field(() => AuditAnchorStatus) status: AuditAnchorStatus;
  @Field({ description: 'Why, in English and Chinese ("en · zh")' }) reason: string;
  @Field() reasonEn: string;
  @Field() reasonZh: string;
  @Field(() => Int, { description: 'Signed heads compared with the chain' }) headsChecked: number;
  @Field(() => Int, { nullable: true }) lastAnchoredSequence: number | null;
  @Field(() => String, { nullable: true, description: 'hex sha256 the newest signed head names' }) lastAnchoredHash: string | null;
  @Field(() => Date, { nullable: true }) lastPublishedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'TAMPERED: the first anchored sequence whose row differs; TRUNCATED: the anchored sequence past the end; INVALID_SIGNATURE: the bad head' })
  problemSequence: number | null;
  @Field(() => Int, { nullable: true, description: 'TAMPERED: the last anchored sequence still matching (the change lies after it)' })
  matchedUpToSequence: number | null;
  @Field(() => String, { nullable: true, description: 'sha256 of the public key (DER), to compare with the one the operator published' })
  publicKeyFingerprint: string | null;

  static from(c: AuditAnchorCheck, fingerprint: string | null): AuditAnchorCheckModel {
    return Object.assign(new AuditAnchorCheckModel(), {
      status: c.status, reason: `${c.reasonEn} · ${c.reasonZh}`, reasonEn: c.reasonEn, reasonZh: c.reasonZh, headsChecked: c.headsChecked,
      lastAnchoredSequence: c.lastAnchoredSequence, lastAnchoredHash: c.lastAnchoredHash, lastPublishedAt: c.lastPublishedAt ? new Date(c.lastPublishedAt) : null,
      problemSequence: c.problemSequence, matchedUpToSequence: c.matchedUpToSequence, publicKeyFingerprint: fingerprint,
    });
  }
}

@ObjectType('AuditAnchorHead', { description: 'One signed chain head as found in the anchor store' })
export class AuditAnchorHeadModel {
  @Field(() => Int) sequence: number;
  @Field(() => String, { nullable: true, description: 'null when the statement is not one CaseLink signs' }) hash: string | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'null: not signed yet (a publication under way)' }) signatureValid: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The row at this sequence has the signed hash (null: the head is not trusted)' }) matchesChain: boolean | null;
}

@ObjectType('AuditAnchors')
export class AuditAnchorsModel {
  @Field() configured: boolean;
  @Field(() => AuditAnchorCheckModel) check: AuditAnchorCheckModel;
  @Field(() => [AuditAnchorHeadModel], { description: 'Newest first' }) heads: AuditAnchorHeadModel[];
  @Field(() => Int, { description: "Signed heads of the agency's chain in the store" }) total: number;
}

@ArgsType()
export class AuditAnchorsArgs {
  @Field(() => Int, { defaultValue: 10, description: 'Newest heads to list (at most 100)' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 10;
}

@ObjectType()
export class AuditChainVerification {
  @Field() ok: boolean;
  @Field(() => Int) checkedCount: number;
  @Field(() => ID, { nullable: true }) firstBrokenEventId: string | null;
  @Field(() => Int, { nullable: true }) firstBrokenSequence: number | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => AuditAnchorCheckModel, { description: 'The chain against the signed heads kept outside the database (ok is false when they disagree)' })
  anchors: AuditAnchorCheckModel;
}
