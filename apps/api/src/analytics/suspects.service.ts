import { Inject, Injectable } from '@nestjs/common';
import {
  ageBandOf, AuditAction, AuditOutcome, Charge, Education, Employment, IdentifierKind, judgmentProblem, moneyProblem,
  normalizeIdentifier, Penalty, SuspectRole,
} from '@caselink/domain';
import { recordAudit, rowsOf, subjectHashOf } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, forbidden, notFound } from '../common/errors';
import { API_CONFIG, ApiConfig } from '../config/config';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { ViewerAccess } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { AddSuspectInput, RecordJudgmentInput } from './analytics.dto';
import { SuspectModel } from './suspect.model';

/** A row of suspects as selected below (dates as text: no time zone in a verdict date). */
interface SuspectRow {
  id: string;
  case_id: string;
  agency_id: string;
  alias: string | null;
  role: SuspectRole;
  age_at_offence: number | null;
  education: Education | null;
  employment: Employment | null;
  charges: Charge[];
  subject_hash: Buffer | null;
  created_at: Date;
  verdict_date: string | null;
  verdict_year: number | null;
  court: string | null;
  judgment_number: string | null;
  penalty: Penalty | null;
  sentence_months: number | null;
  probation: boolean | null;
  fine: string | null;
  judgment_agency_id: string | null;
  judgment_recorded_at: Date | null;
}

const COLUMNS = `id, case_id, agency_id, alias, role, age_at_offence, education, employment, charges, subject_hash, created_at,
  verdict_date::text AS verdict_date, verdict_year, court, judgment_number, penalty, sentence_months, probation, fine, judgment_agency_id, judgment_recorded_at`;

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
    const rows = (await this.tx.manager.query(`SELECT ${COLUMNS} FROM suspects WHERE case_id = $1 ORDER BY created_at, id`, [caseId])) as SuspectRow[];
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
    const [row] = rowsOf<SuspectRow>(await this.tx.manager.query(
      // The case's owner, fraud type and provinces are copied from the case row by a trigger.
      `INSERT INTO suspects (case_id, agency_id, alias, role, age_at_offence, education, employment, charges, subject_hash, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10) RETURNING ${COLUMNS}`,
      [c.id, actor.agencyId, alias, input.role, input.ageAtOffence ?? null, input.education ?? null, input.employment ?? null, charges, hash, actor.userId],
    ));
    await recordAudit(this.tx.manager, {
      action: AuditAction.SUSPECT_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'Suspect', entityId: row.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { caseId: c.id, caseOwner: c.owner.id, role: input.role, charges, idNumberGiven: hash !== null },
    });
    return this.toModel(row);
  }

  async recordJudgment(actor: Actor, input: RecordJudgmentInput, address: string): Promise<SuspectModel> {
    const [before] = (await this.tx.manager.query(`SELECT ${COLUMNS} FROM suspects WHERE id = $1`, [input.suspectId])) as SuspectRow[];
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
    const [row] = rowsOf<SuspectRow>(await this.tx.manager.query(
      `UPDATE suspects SET verdict_date = $2, court = $3, judgment_number = $4, penalty = $5, sentence_months = $6, probation = $7, fine = $8,
         judgment_agency_id = $9, judgment_by = $10, judgment_recorded_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [before.id, verdictDate, court, input.judgmentNumber?.trim() || null, input.penalty, sentenceMonths === 0 ? null : sentenceMonths, input.probation, fine,
        actor.agencyId, actor.userId],
    ));
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
