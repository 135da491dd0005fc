import type { AgencyKind, Role } from '@caselink/domain';

/** Shapes returned by the CaseLink GraphQL API (apps/api contract). */
export interface Agency {
  id: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
  region: string;
  coordinating: boolean;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  agency: Agency;
}

export interface AuthPayload {
  accessToken: string;
  expiresAt: string;
  user: User;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface AuditEvent {
  id: string;
  sequence: number;
  occurredAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  agencyId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  clientAddress: string | null;
  outcome: string;
  details: string | null;
}

export interface AuditChainVerification {
  ok: boolean;
  checkedCount: number;
  firstBrokenEventId: string | null;
  firstBrokenSequence: number | null;
  reason: string | null;
}
