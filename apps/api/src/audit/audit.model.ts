import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AuditAnchorCheck, AuditAnchorStatus } from '@caselink/domain';
import { connectionType, PageArgs } from '../common/pagination';

@ObjectType('AuditEvent', { description: "One event of an agency's audit trail: who did what to which record, from where, with what outcome" })
export class AuditEventModel {
  @Field(() => ID, { description: 'The event' }) id: string;
  @Field(() => Int, { description: "Position in the agency's hash chain" }) sequence: number;
  @Field({ description: 'When it happened (database time)' }) occurredAt: Date;
  @Field(() => ID, { nullable: true, description: 'The acting user; null for the system (deadlines, retention) or an unknown e-mail' }) actorUserId: string | null;
  @Field(() => String, { nullable: true, description: 'The e-mail the actor signed in with, as it was then' }) actorEmail: string | null;
  @Field(() => ID, { nullable: true, description: 'The agency whose chain holds the event' }) agencyId: string | null;
  @Field({ description: 'What happened, e.g. LOGIN_FAILED, CASE_SHARED, RETENTION_PURGED' }) action: string;
  @Field({ description: 'The kind of record acted on, e.g. Case, AgencyRequest, User' }) entityType: string;
  @Field(() => String, { nullable: true, description: 'The record acted on' }) entityId: string | null;
  @Field(() => String, { nullable: true, description: "The caller's IP address as the api saw it (TRUST_PROXY)" }) clientAddress: string | null;
  @Field({ description: 'SUCCESS, DENIED or FAILURE' }) outcome: string;
  @Field(() => String, { nullable: true, description: 'JSON' }) details: string | null;
  @Field({ description: 'hex sha256 of the previous row and this row' }) hash: string;
}

@ObjectType({ description: 'A page of the audit trail' })
export class AuditEventConnection extends connectionType(AuditEventModel, 'AuditEvent') {}

@ArgsType()
export class AuditEventArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this action, e.g. LOGIN_FAILED' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z_]{2,40}$/, { message: 'must be an action name such as LOGIN_FAILED' })
  action?: string | null;
}

registerEnumType(AuditAnchorStatus, {
  name: 'AuditAnchorStatus',
  description: 'The chain in the database against the signed heads kept outside it',
  valuesMap: {
    NOT_CONFIGURED: { description: 'The server has no public key: only the database check ran' },
    NOT_YET_ANCHORED: { description: 'No signed head of this chain has been published yet' },
    MATCHES: { description: 'Every signed head checked names the hash the row at its sequence has' },
    TAMPERED: { description: 'A row at an anchored sequence has another hash: rewritten after it was anchored' },
    TRUNCATED: { description: 'The chain is shorter than a signed head: rows were removed' },
    INVALID_SIGNATURE: { description: 'A head whose signature does not verify with the key (forged, damaged or another key)' },
    STORE_UNAVAILABLE: { description: 'The anchor store could not be read' },
  },
});

@ObjectType('AuditAnchorCheck', { description: "The caller agency's chain against its newest signed heads in the anchor store" })
export class AuditAnchorCheckModel {
  @Field(() => AuditAnchorStatus, { description: 'MATCHES when every signed head checked agrees with the chain' }) status: AuditAnchorStatus;
  @Field({ description: 'Why, in English and Chinese ("en · zh")' }) reason: string;
  @Field({ description: 'Why, in English' }) reasonEn: string;
  @Field({ description: 'Why, in Chinese' }) reasonZh: string;
  @Field(() => Int, { description: 'Signed heads compared with the chain' }) headsChecked: number;
  @Field(() => Int, { nullable: true, description: 'The sequence the newest signed head names' }) lastAnchoredSequence: number | null;
  @Field(() => String, { nullable: true, description: 'hex sha256 the newest signed head names' }) lastAnchoredHash: string | null;
  @Field(() => Date, { nullable: true, description: 'When the newest signed head was published' }) lastPublishedAt: Date | null;
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
  @Field(() => Int, { description: 'The chain position the head names' }) sequence: number;
  @Field(() => String, { nullable: true, description: 'null when the statement is not one CaseLink signs' }) hash: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was published (from the signed statement)' }) publishedAt: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'null: not signed yet (a publication under way)' }) signatureValid: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The row at this sequence has the signed hash (null: the head is not trusted)' }) matchesChain: boolean | null;
}

@ObjectType('AuditAnchors', { description: "The caller agency's signed chain heads kept outside the database" })
export class AuditAnchorsModel {
  @Field({ description: 'Whether the server has the public key to check signed heads' }) configured: boolean;
  @Field(() => AuditAnchorCheckModel, { description: 'The chain against the newest signed heads' }) check: AuditAnchorCheckModel;
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

@ObjectType({ description: "The caller agency's audit chain recomputed in the database, and checked against its signed heads" })
export class AuditChainVerification {
  @Field({ description: 'True when every hash recomputes and the chain agrees with its signed heads' }) ok: boolean;
  @Field(() => Int, { description: 'Events checked' }) checkedCount: number;
  @Field(() => ID, { nullable: true, description: 'The first event whose hash does not recompute' }) firstBrokenEventId: string | null;
  @Field(() => Int, { nullable: true, description: 'Its sequence' }) firstBrokenSequence: number | null;
  @Field(() => String, { nullable: true, description: 'Why the chain is broken, if it is' }) reason: string | null;
  @Field(() => AuditAnchorCheckModel, { description: 'The chain against the signed heads kept outside the database (ok is false when they disagree)' })
  anchors: AuditAnchorCheckModel;
}
