/**
 * Every BullMQ queue of CaseLink. The worker refuses to start unless each has exactly one processor,
 * so a queue is added here together with its processor (DESIGN.md's list is complete).
 */
export const QUEUES = {
  notifications: 'notifications',
  imports: 'imports',
  evidenceLink: 'evidence-link',
  evidenceRelink: 'evidence-relink',
  fundsTrace: 'funds-trace',
  deadlines: 'deadlines',
  riskRules: 'risk-rules',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);
