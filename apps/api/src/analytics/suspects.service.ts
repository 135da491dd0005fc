import { Inject, Injectable } from '@nestjs/common';
import { ageBandOf, AuditAction, AuditOutcome, Charge, IdentifierKind, judgmentProblem, moneyProblem, normalizeIdentifier, Penalty } from '@caselink/domain';
import { insertSuspect, recordAudit, recordJudgment, subjectHashOf, suspectById, suspectsOfCase, type SuspectRow } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, forbidden, notFound } from '../common/errors';
import { API_CONFIG, ApiConfig } from '../config/config';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { ViewerAccess } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { AddSuspectInput, RecordJudgmentInput } from './analytics.dto';
import { SuspectModel } from './suspect.model';

const CHARGE_ORDER = Object.values(Charge);

/**
 * Suspects of a case and the judgments on them. Readable with the case; OWNER and CONTRIBUTE police add suspects
 * and record judgments (row-level security checks the same again). Only a keyed hash of an ID number is stored.
 */
@Injectable()
export class SuspectsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
    private readonly directory: AgencyDirectory,
  ) {}

  async forCase(actor: Actor, caseId: string): Promise<SuspectModel[]> {
    await this.cases.visibleCase(actor, caseId);
    const rows = await suspectsOfCase(this.tx.manager, caseId);
    return Promise.all(rows.map((r) => this.toModel(r)));
  }

  async add(actor: Actor, input: AddSuspectInput, address: string): Promise<SuspectModel> {
    const c = await this.writable(actor, input.caseId);
    const alias = input.alias?.trim() || null;
    let hash: Buffer | null = null;
    if (input.idNumber?.trim()) {
      const id = normalizeIdentifier(IdentifierKind.ID_NUMBER, input.idNumber);
      if (!id.ok) throw badInput('input.idNumber', id.reason);
      hash = subjectHashOf(id.canonical, this.config.SUBJECT_HASH_KEY);
    }
    const charges = [...new Set(input.charges)].sort((a, b) => CHARGE_ORDER.indexOf(a) - CHARGE_ORDER.indexOf(b));
    const row = await insertSuspect(this.tx.manager, {
      caseId: c.id, agencyId: actor.agencyId, alias, role: input.role, ageAtOffence: input.ageAtOffence ?? null, education: input.education ?? null,
      employment: input.employment ?? null, charges, subjectHash: hash, createdBy: actor.userId,
    });
    await recordAudit(this.tx.manager, {
      action: AuditAction.SUSPECT_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'Suspect', entityId: row.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { caseId: c.id, caseOwner: c.owner.id, role: input.role, charges, idNumberGiven: hash !== null },
    });
    return this.toModel(row);
  }

  async recordJudgment(actor: Actor, input: RecordJudgmentInput, address: string): Promise<SuspectModel> {
    const before = await suspectById(this.tx.manager, input.suspectId);
    if (!before) throw notFound('Suspect', input.suspectId);
    await this.writable(actor, before.case_id);
    const verdictDate = input.verdictDate;
    const latest = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10); // today anywhere on earth
    const parsed = new Date(`${verdictDate}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== verdictDate) throw badInput('input.verdictDate', 'must be a real date YYYY-MM-DD');
    if (verdictDate > latest) throw badInput('input.verdictDate', 'must not be in the future');
    if (verdictDate < '1997-10-01') throw badInput('input.verdictDate', 'must be on or after 1997-10-01 (the Criminal Law in force)');
    const court = input.court.trim();
    if (!court) throw badInput('input.court', 'must not be empty');
    let fine: string | null = null;
    if (input.fine?.trim()) {
      const problem = moneyProblem(input.fine);
      if (problem) throw badInput('input.fine', problem);
      // A fine of 0 is no fine.
      fine = Number(input.fine.trim()) > 0 ? input.fine.trim() : null;
    }
    const sentenceMonths = input.sentenceMonths ?? null;
    const problem = judgmentProblem({ penalty: input.penalty, sentenceMonths, probation: input.probation, fined: fine !== null });
    if (problem) throw badInput(`input.${problem.field}`, problem.reason);
    const row = await recordJudgment(this.tx.manager, {
      suspectId: before.id, verdictDate, court, judgmentNumber: input.judgmentNumber?.trim() || null, penalty: input.penalty,
      sentenceMonths: sentenceMonths === 0 ? null : sentenceMonths, probation: input.probation, fine, agencyId: actor.agencyId, userId: actor.userId,
    });
    if (!row) throw forbidden('You may not record a judgment on this case');
    await recordAudit(this.tx.manager, {
      action: AuditAction.JUDGMENT_RECORDED, outcome: AuditOutcome.SUCCESS, entityType: 'Suspect', entityId: row.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { caseId: row.case_id, verdictDate, penalty: input.penalty, sentenceMonths, probation: input.probation, fine, corrected: before.verdict_date !== null },
    });
    return this.toModel(row);
  }

  /** The case, if the caller may add to it (OWNER or CONTRIBUTE); NOT_FOUND when it cannot see it. */
  private async writable(actor: Actor, caseId: string) {
    const c = await this.cases.get(actor, caseId);
    if (c.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow recording suspects or judgments; ask the owner for CONTRIBUTE');
    return c;
  }

  private async toModel(r: SuspectRow): Promise<SuspectModel> {
    return {
      id: r.id,
      caseId: r.case_id,
      alias: r.alias,
      role: r.role,
      ageAtOffence: r.age_at_offence,
      ageBand: r.age_at_offence === null ? null : ageBandOf(r.age_at_offence),
      education: r.education,
      employment: r.employment,
      charges: r.charges,
      subjectKey: r.subject_hash ? r.subject_hash.toString('hex') : null,
      agency: await this.directory.get(r.agency_id),
      createdAt: r.created_at,
      judgment: r.verdict_date === null || r.judgment_agency_id === null || r.judgment_recorded_at === null
        ? null
        : {
          verdictDate: r.verdict_date,
          year: r.verdict_year ?? Number(r.verdict_date.slice(0, 4)),
          court: r.court ?? '',
          judgmentNumber: r.judgment_number,
          penalty: r.penalty ?? Penalty.EXEMPTED,
          sentenceMonths: r.sentence_months,
          probation: r.probation ?? false,
          fine: r.fine,
          agency: await this.directory.get(r.judgment_agency_id),
          recordedAt: r.judgment_recorded_at,
        },
    };
  }
}
