import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_POLICY, AccessRule, AgencyKind, mayReadFromReplica, PERSONAL_DATA_ROLES, REPLICA_READS, Role, rolesAllowedFor } from '@caselink/domain';

const KINDS: Array<{ kind: AgencyKind; label: string }> = [
  { kind: AgencyKind.POLICE, label: 'Police 公安' },
  { kind: AgencyKind.BANK, label: 'Bank 银行' },
  { kind: AgencyKind.TELECOM, label: 'Telecom 电信' },
  { kind: AgencyKind.FOREIGN_PARTNER, label: 'Partner 境外' },
];
const SHORT: Record<Role, string> = { ADMIN: 'AD', INVESTIGATOR: 'IN', SUPERVISOR: 'SU', LIAISON: 'LI', ANALYST: 'AN', AUDITOR: 'AU' };

function cell(rule: AccessRule, kind: AgencyKind, role: Role): string {
  switch (rule.kind) {
    case 'PUBLIC':
    case 'SIGNED_IN':
      return '✓';
    case 'NATIONAL_ADMIN':
      return kind === AgencyKind.POLICE && role === Role.ADMIN ? 'N' : '';
    case 'ROLES':
      return rule.who[kind]?.includes(role) ? '✓' : '';
  }
}

/** docs/access-table.md, rendered from libs/domain/src/access-policy.ts (a unit test keeps the file current). */
export function renderAccessTable(): string {
  const columns = KINDS.flatMap(({ kind }) => rolesAllowedFor(kind).map((role) => ({ kind, role })));
  const head1 = `| operation | ${KINDS.map(({ kind, label }) => `${label} ${rolesAllowedFor(kind).map((r) => SHORT[r]).join(' ')}`).join(' · ')} |`;
  const header = `| operation | ${columns.map((c) => `${SHORT[c.role]}`).join(' | ')} |`;
  const rule = `|---|${columns.map(() => ':-:').join('|')}|`;
  const rows = Object.entries(ACCESS_POLICY).map(
    ([op, r]) => `| \`${op}\`${r.kind === 'PUBLIC' ? ' (public)' : ''}${mayReadFromReplica(op) ? ' (replica)' : ''} | ${columns.map((c) => cell(r as AccessRule, c.kind, c.role)).join(' | ')} |`,
  );
  return [
    '# Access table 访问控制表',
    '',
    'Generated from `libs/domain/src/access-policy.ts` by `tools/access-table/render.ts` (a unit test fails when this',
    'file is stale: `npm run access-table` writes it). The api\'s one guard reads the same table for every GraphQL root',
    'field and REST route; PostgreSQL gets the acting roles per transaction (`app.roles`) and checks personal data,',
    'sharing, access decisions and case writes again; the portal shows only what it allows; the generated matrix test',
    '(`apps/api/src/tenancy/access-matrix.int-spec.ts`) calls every operation as every role of every agency kind.',
    '',
    `Roles: AD admin 管理员, IN investigator 侦查员, SU supervisor 督导, LI liaison 联络员, AN analyst 分析员, AU auditor 审计员.`,
    `✓ allowed; N only the admin of the national coordinating centre; blank: FORBIDDEN. Columns, left to right: ${head1.slice(14, -2)}.`,
    '',
    `Personal data (victims' full ID numbers and phones, personal-data clues and accounts) is unmasked only for police ${PERSONAL_DATA_ROLES.map((r) => SHORT[r]).join(' and ')},`,
    'on cases their agency owns or holds a CONTRIBUTE share of; everyone else sees the masked form.',
    '',
    header.replace('| operation |', `| operation (${KINDS.map((k) => k.label).join(' / ')}) |`),
    rule,
    ...rows,
    '',
    '## Reads the replica may serve 可由只读副本提供的查询',
    '',
    'Marked (replica) above; from `REPLICA_READS` next to the table. The api serves these from the streaming replica (hot',
    'standby, `DATABASE_READ_URL`) only while its measured lag is at most `REPLICA_MAX_LAG_MS` (default 5 s) and the standby',
    "has replayed the caller's own last write (read-your-writes); otherwise, and whenever the replica fails, from the primary.",
    'Every other operation — mutations, subscriptions, inboxes, the work queue, anything a deadline or freeze is decided from,',
    'and queries that write — always runs on the primary.',
    '',
    '| operation | why a few seconds old is fine |',
    '|---|---|',
    ...Object.entries(REPLICA_READS).map(([op, why]) => `| \`${op}\` | ${why} |`),
    '',
  ].join('\n');
}

if (require.main === module) {
  // Run from the repository root (npm run access-table).
  writeFileSync(join(process.cwd(), 'docs/access-table.md'), renderAccessTable());
}
