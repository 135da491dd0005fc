import { ACCESS_POLICY } from './access-policy';
import { AgencyKind } from './agency';
import { CooperationKind, FreezeKind, TelecomKind } from './requests';
import { RiskRule } from './risk';
import { Role } from './roles';
import {
  REQUEST_KIND_LABELS, RISK_RULE_LABELS, WORK_ITEM_ACTION, WORK_ITEM_KINDS, WORK_ITEM_TARGET, WorkItemKind, workItemColour, workItemKindsFor, workItemTitle,
  workTargetPath,
} from './work-queue';

const caller = (agencyKind: AgencyKind, ...roles: Role[]) => ({ agencyKind, roles, nationalAdmin: false });
const K = WorkItemKind;

describe('work queue', () => {
  it('gives each role the kinds whose action the access table allows it, in the home page order', () => {
    expect(workItemKindsFor(caller(AgencyKind.BANK, Role.LIAISON))).toEqual([K.REQUEST_TO_ANSWER, K.BULLETIN_UNREAD]);
    expect(workItemKindsFor(caller(AgencyKind.TELECOM, Role.ADMIN))).toEqual([K.REQUEST_TO_ANSWER, K.BULLETIN_UNREAD]);
    expect(workItemKindsFor(caller(AgencyKind.FOREIGN_PARTNER, Role.LIAISON))).toEqual([K.REQUEST_TO_ANSWER, K.BULLETIN_UNREAD]);
    expect(workItemKindsFor(caller(AgencyKind.POLICE, Role.INVESTIGATOR))).toEqual([
      K.REQUEST_OVERDUE, K.HOLD_LAPSING, K.TASK_DUE, K.ALERT_NEW, K.LINK_HIT, K.ALERT_LEAD, K.BULLETIN_UNREAD,
    ]);
    expect(workItemKindsFor(caller(AgencyKind.POLICE, Role.SUPERVISOR))).toContain(K.ACCESS_REQUEST);
    expect(workItemKindsFor(caller(AgencyKind.POLICE, Role.ANALYST))).toEqual([K.LINK_HIT, K.BULLETIN_UNREAD]);
    expect(workItemKindsFor(caller(AgencyKind.POLICE, Role.ADMIN))).toEqual([K.ALERT_NEW, K.BULLETIN_UNREAD]);
    for (const kind of Object.values(AgencyKind)) expect(workItemKindsFor(caller(kind, Role.AUDITOR))).toEqual([]);
  });

  it('knows every kind once: its action is in the access table, it opens something, it has a title', () => {
    expect([...WORK_ITEM_KINDS].sort()).toEqual(Object.values(K).sort());
    for (const kind of WORK_ITEM_KINDS) {
      expect(ACCESS_POLICY[WORK_ITEM_ACTION[kind]]).toBeDefined();
      expect(WORK_ITEM_TARGET[kind]).toBeDefined();
      expect(workTargetPath(kind, { id: 'x', subId: 'y' })).toMatch(/^\/[a-z-]+\/?.*x/);
      const title = workItemTitle({ kind, reference: 'FR-1', requestKind: FreezeKind.FREEZE, caseNumber: 'C-1', agency: { name: '工商银行', nameEn: 'ICBC' }, subject: 's', rule: RiskRule.PASS_THROUGH, region: '440300' });
      expect(title.zh).not.toMatch(/undefined|null/);
      expect(title.en).not.toMatch(/undefined|null|[\u4e00-\u9fff]/);
    }
  });

  it('names every request kind and rule in both languages', () => {
    for (const kind of [...Object.values(FreezeKind), ...Object.values(TelecomKind), ...Object.values(CooperationKind)]) {
      expect(REQUEST_KIND_LABELS[kind].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(REQUEST_KIND_LABELS[kind].en).toMatch(/^[a-zA-Z /-]+$/);
    }
    for (const rule of Object.values(RiskRule)) expect(RISK_RULE_LABELS[rule].zh).toMatch(/[\u4e00-\u9fff]/);
    expect(workItemTitle({ kind: K.REQUEST_TO_ANSWER, reference: 'FR-440000-2026-000001', requestKind: FreezeKind.EMERGENCY_STOP, agency: { name: '广东省公安厅', nameEn: 'Guangdong PSD' } }))
      .toEqual({ zh: '待答复：紧急止付 FR-440000-2026-000001（广东省公安厅）', en: 'To answer: emergency stop FR-440000-2026-000001 from Guangdong PSD' });
  });

  it('colours items with a deadline by the time left, news not at all', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expect(workItemColour(new Date('2026-11-20T11:00:00Z'), null, now)).toBeNull();
    expect(workItemColour(new Date('2026-11-20T10:00:00Z'), new Date('2026-11-20T11:59:00Z'), now)).toBe('RED');
    expect(workItemColour(new Date('2026-11-20T11:00:00Z'), new Date('2026-11-20T15:00:00Z'), now)).toBe('GREEN');
    expect(workItemColour(new Date('2026-11-20T06:00:00Z'), new Date('2026-11-20T15:00:00Z'), now)).toBe('AMBER');
  });
});
