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
  bulletins: 'bulletins',
  riskRules: 'risk-rules',
  /** Purges what its retention rule no longer allows to keep, in batches (issue 13). */
  retention: 'retention',
  /** Signs each agency's audit chain head and publishes it outside PostgreSQL (issue 13). */
  auditAnchor: 'audit-anchor',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);
