import { may } from '../../lib/access';
import type { AgencyRef, User } from '../../lib/types';

/** Task forces: police supervisors form them, investigators and supervisors work their tasks. */
export const canUseTaskForces = (u: User) => may(u, 'taskForces');
export const canCreateTaskForce = (u: User) => may(u, 'createTaskForce');

export const TASK_KINDS = ['ARREST', 'INTERROGATION', 'EVIDENCE_COLLECTION', 'VICTIM_INTERVIEW', 'FREEZE_FOLLOW_UP'] as const;
export const TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface Task {
  id: string;
  kind: string;
  title: string;
  province: string | null;
  caseId: string | null;
  assigneeAgency: AgencyRef;
  dueAt: string;
  status: TaskStatus;
  overdue: boolean;
  allowedStatuses: TaskStatus[];
  createdAt: string;
}
export interface BoardCell {
  province: string | null;
  status: TaskStatus;
  count: number;
  overdue: number;
}
export interface TaskForceCase {
  id: string;
  caseNumber: string;
  title: string;
  owner: AgencyRef;
}
export interface TaskForce {
  id: string;
  name: string;
  leadAgency: AgencyRef;
  agencies: AgencyRef[];
  cases: TaskForceCase[];
  tasks: Task[];
  board: BoardCell[];
  isLead: boolean;
  seriesId: string | null;
  createdAt: string;
  closedAt: string | null;
}

const AGENCY = 'id name nameEn kind region';
const TASK = `id kind title province caseId assigneeAgency { ${AGENCY} } dueAt status overdue allowedStatuses createdAt`;
const FORCE = `id name leadAgency { ${AGENCY} } agencies { ${AGENCY} } cases { id caseNumber title owner { ${AGENCY} } }
  tasks { ${TASK} } board { province status count overdue } isLead seriesId createdAt closedAt`;

export const TASK_FORCES = `query TaskForces { taskForces { ${FORCE} } }`;
export const TASK_FORCE = `query TaskForce($id: ID!) { taskForce(id: $id) { ${FORCE} } }`;
export const CREATE_TASK_FORCE = `mutation CreateTaskForce($input: CreateTaskForceInput!) { createTaskForce(input: $input) { id } }`;
export const DISPATCH_TASK = `mutation DispatchTask($input: DispatchTaskInput!) { dispatchTask(input: $input) { ${TASK} } }`;
export const SET_TASK_STATUS = `mutation SetTaskStatus($id: ID!, $status: TaskStatus!) { setTaskStatus(id: $id, status: $status) { ${TASK} } }`;
export const OWN_CASES = `query OwnCases($filter: CaseFilter) { cases(first: 100, filter: $filter) { edges { node { id caseNumber title } } } }`;
export const POLICE_AGENCY_LIST = `query PoliceAgencyList { policeAgencies { ${AGENCY} } }`;
