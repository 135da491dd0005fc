import { ACCESS_POLICY, AccessRule, AgencyKind, ENROLMENT_OPERATIONS, isOperation, mayCall, Operation, rolesFor } from '@caselink/domain';
import type { Actor } from '../common/actor';
import { AppError } from '../common/errors';

/** The access table's name for a REST route: `GET /cases/:id/export` (HEAD is answered by the GET route). */
export const routeOperation = (method: string, url: string): string => `${method === 'HEAD' ? 'GET' : method} ${url}`;

export const ruleOf = (operation: string): AccessRule | undefined =>
  isOperation(operation) ? (ACCESS_POLICY[operation] as AccessRule) : undefined;

export const isPublicOperation = (operation: string): boolean => ruleOf(operation)?.kind === 'PUBLIC';

/** Marks refusals by the access table (the generated matrix test tells them from refusals of one row). */
export const ACCESS_TABLE_REASON = 'ACCESS_TABLE';

/** FORBIDDEN in both languages, naming the roles that may. */
export function refusal(operation: Operation, actor: Actor): AppError {
  const roles = rolesFor(operation, actor.agencyKind);
  const who = roles.length > 0 ? roles.join(', ') : '—';
  const kindZh: Record<AgencyKind, string> = { POLICE: '公安机关', BANK: '银行', TELECOM: '电信运营商', FOREIGN_PARTNER: '境外合作机构' };
  const message =
    roles.length > 0
      ? `${operation} needs one of the roles ${who} · ${operation} 需要以下角色之一：${who}`
      : `${operation} is not open to a ${actor.agencyKind.toLowerCase().replace('_', ' ')} agency · ${kindZh[actor.agencyKind]}无权使用 ${operation}`;
  return new AppError('FORBIDDEN', message, { reason: ACCESS_TABLE_REASON, operation, roles });
}

/** Throws unless the access table lets `actor` use `operation`. */
export function checkAccess(operation: string, actor: Actor | undefined): void {
  if (!isOperation(operation)) {
    // Start-up refuses such a schema; this guards routes added at run time.
    throw new AppError('FORBIDDEN', `${operation} has no rule in the access table · ${operation} 未在访问控制表中登记`, { reason: ACCESS_TABLE_REASON, operation });
  }
  if (actor?.enrolmentOnly && !ENROLMENT_OPERATIONS.includes(operation)) {
    throw new AppError('FORBIDDEN', 'Enrol a second factor first: your agency requires one · 本机构要求第二因素认证，请先完成绑定', {
      reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED', operation,
    });
  }
  if (!mayCall(actor ?? null, operation)) {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'You must be signed in · 请先登录');
    throw refusal(operation, actor);
  }
}
