import { AUDIT_TRAIL_MIN_DAYS, PURGED_CLASSES, RETENTION_CLASSES, RetentionClass, retentionPeriodProblem } from './retention';

describe('retention rules', () => {
  it('keeps the audit trail at least a year and never lets the queue purge it', () => {
    expect(AUDIT_TRAIL_MIN_DAYS).toBeGreaterThanOrEqual(365);
    expect(RETENTION_CLASSES[RetentionClass.AUDIT_TRAIL].minDays).toBe(AUDIT_TRAIL_MIN_DAYS);
    expect(PURGED_CLASSES).not.toContain(RetentionClass.AUDIT_TRAIL);
    expect(retentionPeriodProblem(RetentionClass.AUDIT_TRAIL, 364)).toBe('must be at least 365 days for AUDIT_TRAIL');
    expect(retentionPeriodProblem(RetentionClass.AUDIT_TRAIL, 365)).toBeNull();
  });

  it('gives every class a default within its bounds and names in both languages', () => {
    for (const [c, info] of Object.entries(RETENTION_CLASSES)) {
      expect(retentionPeriodProblem(c as RetentionClass, info.defaultDays)).toBeNull();
      expect(info.zh && info.en && info.fromZh && info.fromEn).toBeTruthy();
    }
  });

  it('refuses fractions and periods beyond a century', () => {
    expect(retentionPeriodProblem(RetentionClass.NOTIFICATIONS, 7.5)).toBe('must be a whole number of days');
    expect(retentionPeriodProblem(RetentionClass.NOTIFICATIONS, 36_501)).toBe('must be at most 36500 days');
  });
});
