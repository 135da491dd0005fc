import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, CLUE_IMPORT_LIMITS, ClueImportDocumentError, type ClueImportPlan, type PlannedClue } from '@caselink/domain';
import { heldClues, type HeldClueRow, insertImportedClues, lockCaseForClueImport, recordAudits } from '@caselink/db';
import type { Actor } from '../common/actor';
import { AppError, badInput, forbidden } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { toIdentifierModel } from '../cases/case-mappers';
import { IdentifierSourceEnum, ViewerAccess } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { readClueImport } from './read-clue-import';
import {
  ClueImportDocumentModel, ClueImportFormatEnum, ClueImportInput, ClueImportItemModel, ClueImportPreviewModel, ClueImportResultModel, ImportCluesInput,
} from './clue-import.model';

/**
 * Clues from a STIX 2.1 bundle or a MISP event (issue 16, part 4): the document read and checked by the domain's
 * readers, normalised with the identifier rules, de-duplicated against the case's clues, shown as a preview, then
 * added in one transaction as manual clues of the caller's agency (the linking outbox trigger queues the case for
 * linking). Only for callers who may add clues to the case: the owner or a CONTRIBUTE share (and PostgreSQL checks it
 * again on insert).
 */
@Injectable()
export class ClueImportService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
  ) {}

  async preview(actor: Actor, input: ClueImportInput): Promise<ClueImportPreviewModel> {
    const plan = await this.read(actor, input);
    const held = await this.held(input.caseId, plan);
    const [toAdd, alreadyThere] = split(plan.clues, held);
    return Object.assign(new ClueImportPreviewModel(), facts(input.caseId, plan), { toAdd: toAdd.map((c) => item(c)), alreadyThere: alreadyThere.map((c) => item(c, held)) });
  }

  async commit(actor: Actor, input: ImportCluesInput, address: string): Promise<ClueImportResultModel> {
    const plan = await this.read(actor, input);
    // Taken before looking: a second import of the same document into the case waits and then finds the clues there.
    await lockCaseForClueImport(this.tx.manager, input.caseId);
    const held = await this.held(input.caseId, plan);
    const [fresh, alreadyThere] = split(plan.clues, held);
    let chosen = fresh;
    if (input.keys) {
      const known = new Set(plan.clues.map((c) => c.key));
      const unknown = input.keys.find((k) => !known.has(k));
      if (unknown !== undefined) throw badInput('input.keys', `${unknown.slice(0, 120)} is not a clue of this document (use the keys of previewClueImport) · 不是该文件中的线索`);
      const keys = new Set(input.keys);
      chosen = fresh.filter((c) => keys.has(c.key));
    }
    const note = noteOf(plan);
    const added = await insertImportedClues(this.tx.manager, {
      caseId: input.caseId, agencyId: actor.agencyId, createdBy: actor.userId,
      clues: chosen.map((c) => ({ kind: c.kind, rawValue: c.value, canonical: c.canonical, note })),
    });
    if (added.length > 0) {
      await recordAudits(this.tx.manager, added.map((row) => ({
        action: AuditAction.IDENTIFIER_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'Identifier', entityId: row.id, agencyId: actor.agencyId,
        actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
        details: { caseId: input.caseId, kind: row.kind, importedFrom: { format: plan.format, documentId: plan.documentId } },
      })));
    }
    // A value another import made a manual clue between the look and the insert is "already there", not lost.
    const addedKeys = new Set(added.map((r) => `${r.kind}:${r.canonical}`));
    const raced = chosen.filter((c) => !addedKeys.has(c.key));
    const chosenKeys = new Set(chosen.map((c) => c.key));
    return Object.assign(new ClueImportResultModel(), facts(input.caseId, plan), {
      added: added.map(toIdentifierModel),
      alreadyThere: [...alreadyThere.map((c) => item(c, held)), ...raced.map((c) => item(c, new Map([[c.key, { kind: c.kind, canonical: c.canonical, sources: ['MANUAL'] }]])))],
      notChosen: fresh.filter((c) => !chosenKeys.has(c.key)).map((c) => item(c)),
    });
  }

  /** The document read for a case the caller may add clues to; a refused document becomes a typed error. */
  private async read(actor: Actor, input: ClueImportInput): Promise<ClueImportPlan> {
    const model = await this.cases.get(actor, input.caseId);
    if (model.viewerAccess === ViewerAccess.READ) {
      throw forbidden('A READ grant does not allow adding clues; ask the owner for CONTRIBUTE · 只读共享不能添加线索，请向案件所属机构申请协作权限');
    }
    try {
      return readClueImport(input.document, input.format ?? null);
    } catch (e) {
      if (e instanceof ClueImportDocumentError) throw documentError(e);
      throw e;
    }
  }

  private async held(caseId: string, plan: ClueImportPlan): Promise<Map<string, HeldClueRow>> {
    const rows = await heldClues(this.tx.manager, caseId, plan.clues);
    return new Map(rows.map((r) => [`${r.kind}:${r.canonical}`, r]));
  }
}

/** A refused document as the api's typed error: PAYLOAD_TOO_LARGE for size, else BAD_USER_INPUT with every problem. */
function documentError(e: ClueImportDocumentError): AppError {
  const [first] = e.problems;
  if (first?.code === 'TOO_LARGE') {
    return new AppError('PAYLOAD_TOO_LARGE', `input.document: ${first.message}`, { field: 'input.document', reason: 'TOO_LARGE', maxBytes: CLUE_IMPORT_LIMITS.maxBytes });
  }
  const more = e.problemCount > 1 ? ` (+${e.problemCount - 1} more · 另有 ${e.problemCount - 1} 处问题)` : '';
  return new AppError('BAD_USER_INPUT', `input.document: ${first?.message ?? 'refused · 被拒绝'}${more}`, {
    field: 'input.document', reason: first?.code, problems: e.problems, problemCount: e.problemCount,
  });
}

function split(clues: PlannedClue[], held: Map<string, HeldClueRow>): [PlannedClue[], PlannedClue[]] {
  return [clues.filter((c) => !held.has(c.key)), clues.filter((c) => held.has(c.key))];
}

function item(c: PlannedClue, held?: Map<string, HeldClueRow>): ClueImportItemModel {
  return Object.assign(new ClueImportItemModel(), {
    key: c.key, kind: c.kind, canonical: c.canonical, value: c.value, sources: c.sources, documentTypes: c.types,
    heldAs: (held?.get(c.key)?.sources ?? []) as IdentifierSourceEnum[],
  });
}

function facts(caseId: string, plan: ClueImportPlan): Omit<ClueImportDocumentModel, 'alreadyThere'> {
  return {
    caseId, format: plan.format as ClueImportFormatEnum, documentId: plan.documentId, title: plan.title, producer: plan.producer, tlp: plan.tlp,
    handling: plan.handling, caseNumbers: plan.caseNumbers, refused: plan.refusals, ignored: plan.ignored,
  };
}

/** The note each imported clue carries: the document, who made it, its case numbers, TLP and handling code. */
function noteOf(plan: ClueImportPlan): string {
  const what = plan.format === 'STIX' ? `STIX 2.1 ${plan.documentId}` : `MISP event ${plan.documentId}`;
  const handling = plan.handling
    ? [!plan.handling.mayPassOn && 'may not pass on', !plan.handling.mayUseInCourt && 'not for court', plan.handling.mustAskBeforeActing && 'must ask before acting'].filter(Boolean)
    : [];
  const parts = [
    plan.producer && `from ${plan.producer}`, plan.caseNumbers.length > 0 && `case ${plan.caseNumbers.slice(0, 5).join(', ')}`, plan.tlp, ...handling,
  ].filter(Boolean);
  return `Imported from ${what}${parts.length > 0 ? ` (${parts.join('; ')})` : ''} · 导入`.slice(0, 500);
}
