import { graphql } from '../../gql';
import type { TaskFieldsFragment, TaskForceFieldsFragment } from '../../gql/graphql';

export const TASK_KINDS = ['ARREST', 'INTERROGATION', 'EVIDENCE_COLLECTION', 'VICTIM_INTERVIEW', 'FREEZE_FOLLOW_UP'] as const;
export const TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type { TaskStatus } from '../../gql/graphql';

graphql(`fragment TaskFields on TaskForceTask {
  id kind title province caseId assigneeAgency { ...AgencyRefFields } dueAt status overdue allowedStatuses createdAt
}`);
graphql(`fragment TaskForceFields on TaskForce {
  id name leadAgency { ...AgencyRefFields } agencies { ...AgencyRefFields } cases { id caseNumber title owner { ...AgencyRefFields } }
  tasks { ...TaskFields } board { province status count overdue } isLead seriesId createdAt closedAt
}`);
export type Task = TaskFieldsFragment;
export type TaskForce = TaskForceFieldsFragment;
export type BoardCell = TaskForce['board'][number];
export type TaskForceCase = TaskForce['cases'][number];

export const TASK_FORCES = graphql(`query TaskForces { taskForces { ...TaskForceFields } }`);
export const TASK_FORCE = graphql(`query TaskForce($id: ID!) { taskForce(id: $id) { ...TaskForceFields } }`);
export const CREATE_TASK_FORCE = graphql(`mutation CreateTaskForce($input: CreateTaskForceInput!) { createTaskForce(input: $input) { id } }`);
export const DISPATCH_TASK = graphql(`mutation DispatchTask($input: DispatchTaskInput!) { dispatchTask(input: $input) { ...TaskFields } }`);
export const SET_TASK_STATUS = graphql(`mutation SetTaskStatus($id: ID!, $status: TaskStatus!) { setTaskStatus(id: $id, status: $status) { ...TaskFields } }`);
export const OWN_CASES = graphql(`query OwnCases($filter: CaseFilter) { cases(first: 100, filter: $filter) { edges { node { id caseNumber title } } } }`);
export const POLICE_AGENCY_LIST = graphql(`query PoliceAgencyList { policeAgencies { ...AgencyRefFields } }`);
