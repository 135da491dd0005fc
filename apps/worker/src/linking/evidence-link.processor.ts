import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { EvidenceLinkJob, QUEUES } from '@caselink/jobs';
import type { QueueProcessor } from '../queue-processor';
import { LinkOutcome, Linker } from './linker';

/** Applies one outbox row. Linking is serialised by the linker's lock, so one job at a time per worker. */
@Injectable()
export class EvidenceLinkProcessor implements QueueProcessor {
  readonly queue = QUEUES.evidenceLink;
  readonly concurrency = 1;

  constructor(private readonly linker: Linker) {}

  process(job: Job<EvidenceLinkJob>): Promise<LinkOutcome> {
    return this.linker.applyChange(job.data.changeId);
  }
}
