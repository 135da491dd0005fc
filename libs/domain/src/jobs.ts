/**
 * The states of a background job that has a row of its own (statement imports, signal uploads, relinks, fund traces,
 * retention runs): queued by the api, run by the worker, finished one way or the other.
 */
export enum JobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** A job still to finish: the sweeps re-queue these when their queue entry was lost. */
export const UNFINISHED_JOB_STATES: readonly JobState[] = [JobState.QUEUED, JobState.RUNNING];

/** A finished job, whose result stands. */
export const FINISHED_JOB_STATES: readonly JobState[] = [JobState.DONE, JobState.FAILED];
