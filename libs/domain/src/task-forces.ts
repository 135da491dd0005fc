/** Task-force tasks (DESIGN.md "task forces"): their states and who moves them. PostgreSQL reads the same machine. */
export enum TaskStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

/** The assigned agency works a task; the lead agency cancels it. */
export const TASK_PARTIES = ['ASSIGNEE', 'LEAD'] as const;
export type TaskParty = (typeof TASK_PARTIES)[number];

/** What a task asks of the assigned agency. */
export enum TaskKind {
  ARREST = 'ARREST',
  INTERROGATION = 'INTERROGATION',
  EVIDENCE_COLLECTION = 'EVIDENCE_COLLECTION',
  VICTIM_INTERVIEW = 'VICTIM_INTERVIEW',
  FREEZE_FOLLOW_UP = 'FREEZE_FOLLOW_UP',
}

const TASK_TRANSITIONS: Record<TaskStatus, Record<TaskParty, readonly TaskStatus[]>> = {
  [TaskStatus.OPEN]: { ASSIGNEE: [TaskStatus.IN_PROGRESS, TaskStatus.DONE], LEAD: [TaskStatus.CANCELLED] },
  [TaskStatus.IN_PROGRESS]: { ASSIGNEE: [TaskStatus.DONE], LEAD: [TaskStatus.CANCELLED] },
  [TaskStatus.DONE]: { ASSIGNEE: [], LEAD: [] },
  [TaskStatus.CANCELLED]: { ASSIGNEE: [], LEAD: [] },
};

export function allowedTaskTransitions(from: TaskStatus, party: TaskParty): readonly TaskStatus[] {
  return TASK_TRANSITIONS[from][party];
}

/** Open tasks: the ones that can still turn overdue. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = [TaskStatus.OPEN, TaskStatus.IN_PROGRESS];
