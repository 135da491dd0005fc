import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, ExportCase, ExportInput, IdentifierKind, isPersonalData, mispEvent, Sensitivity, stixBundle } from '@caselink/domain';
import { identifiersOfCases, recordAudit } from '@caselink/db';
import type { Actor } from '../common/actor';
import { forbidden } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { CaseModel, ViewerAccess } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { LinkingService } from '../linking/linking.service';
import { shownValue } from '../cases/masking';

export type ExportFormat = 'stix' | 'misp';

/**
 * A case's identifiers and links for other tools (STIX 2.1 with standard and OpenCTI observables and CaseLink's
 * extension, MISP core format), as the caller may pass them on:
 * a case shared with "may not pass on" is not exported at all; phones and ID numbers the caller sees
 * masked are left out; linked cases the caller may read and pass on appear, others only as a blind reference; SECRET cases
 * are marked TLP:RED, others TLP:AMBER. Every export is audited.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
    private readonly linking: LinkingService,
    private readonly directory: AgencyDirectory,
  ) {}

  async export(actor: Actor, caseId: string, format: ExportFormat, address: string): Promise<Record<string, unknown>> {
    const root = await this.cases.get(actor, caseId);
    if (root.viewerAccess !== ViewerAccess.OWNER && !root.handling?.mayPassOn) {
      throw forbidden('This case was shared with you on condition that it is not passed on');
    }
    const rows = distinctValues(await identifiersOfCases(this.tx.manager, [caseId]));
    const links = await this.linking.caseLinks(actor, caseId);
    const masked = (kind: IdentifierKind) => root.masked && isPersonalData(kind);
    const agency = await this.directory.get(actor.agencyId);
    // Each linked case goes out under its own handling code: named only when the caller owns it or holds a live
    // share that allows passing it on; otherwise what a blind hit tells (the agency holding it), no number, title or id.
    const passOn = (c: CaseModel) => c.viewerAccess === ViewerAccess.OWNER || c.handling?.mayPassOn === true;
    const withShared = links.linkedCases.map((l) => ({ case: l.case, shared: l.shared.map((v) => ({ kind: v.kind, value: v.value, masked: masked(v.kind) })) }));
    const held = new Map<string, ExportInput['linked'][number]['shared']>();
    for (const l of withShared.filter((x) => !passOn(x.case))) held.set(l.case.owner.id, [...(held.get(l.case.owner.id) ?? []), ...l.shared]);
    const input: ExportInput = {
      agency: { id: agency.id, name: agency.name, nameEn: agency.nameEn },
      tlp: root.sensitivity === Sensitivity.SECRET ? 'RED' : 'AMBER',
      // The handling code the caller holds the case under travels with every value (null for the owner).
      handling: root.viewerAccess === ViewerAccess.OWNER ? null : root.handling,
      root: toExportCase(root, rows.map((r) => ({ kind: r.kind, value: shownValue(r.kind, r.canonical, root.masked), masked: masked(r.kind) }))),
      linked: withShared.filter((l) => passOn(l.case)).map((l) => ({ case: toExportCase(l.case, l.shared), shared: l.shared })),
      heldElsewhere: await Promise.all([...held].map(async ([agencyId, shared]) => {
        const a = await this.directory.get(agencyId);
        return { agency: { id: a.id, name: a.name, nameEn: a.nameEn }, shared: [...new Map(shared.map((v) => [`${v.kind}:${v.value}`, v])).values()] };
      })),
      now: new Date(),
    };
    await recordAudit(this.tx.manager, {
      action: AuditAction.CASE_EXPORTED, outcome: AuditOutcome.SUCCESS, entityType: 'Case', entityId: caseId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { format, values: input.root.values.filter((v) => !v.masked).length, linkedCases: input.linked.length, heldElsewhere: held.size, tlp: input.tlp },
    });
    return format === 'stix' ? stixBundle(input) : mispEvent(input);
  }
}

/** Each kind and value once, by kind and value (a value the case holds from several sources goes out once). */
function distinctValues(identifiers: ReadonlyArray<{ kind: IdentifierKind; canonical: string }>): Array<{ kind: IdentifierKind; canonical: string }> {
  const byKey = new Map(identifiers.map((i) => [`${i.kind}:${i.canonical}`, { kind: i.kind, canonical: i.canonical }]));
  // Code-point order, as ORDER BY under the database's C collation.
  return [...byKey.values()].sort((a, b) => (a.kind === b.kind ? compare(a.canonical, b.canonical) : compare(a.kind, b.kind)));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toExportCase(c: CaseModel, values: ExportCase['values']): ExportCase {
  return { id: c.id, caseNumber: c.caseNumber, title: c.title, fraudType: c.fraudType, reportedOn: c.reportedOn, createdAt: c.createdAt, values };
}
