export * from './roles';
export * from './data-source';
export * from './agency-context';
export { Agency } from './entities/agency.entity';
export { User } from './entities/user.entity';
export { RefreshSession } from './entities/refresh-session.entity';
export { AuditEvent } from './entities/audit-event.entity';
export { Notification } from './entities/notification.entity';
export * from './audit-writer';
