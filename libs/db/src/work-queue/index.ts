// The work queue's store (issue 16, part 5).
export * from './work-queue-store';
