import type { Server } from 'node:http';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { type Job, Queue, type Worker } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import {
  auditChainHeads, closeServer, inAgencyTransaction, portOf, registerPoolGauges, requestFigures, type RequestFigureRow, startMetricsServer,
} from '@caselink/db';
import { ALL_QUEUES, type RedisClient } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import { PRODUCER_REDIS } from '../connections';
import { LINKER_DATA_SOURCE } from '../linking/linker.provider';

/**
 * What happens in the worker (jobs, sweeps, deadlines), counted where it happens. Module-level: processors and
 * the worker host count without injection, and the figures are facts of the process, whichever context counts.
 * Labels are queue names and deadline kinds only (bounded), never ids.
 */
export const workerEvents = new Registry();
const queueLabel = ['queue'];
export const jobWait = new Histogram({
  name: 'caselink_job_wait_seconds', help: 'Time a job waited in its queue before a worker took it (after any delay it was given).',
  labelNames: queueLabel, buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900], registers: [workerEvents],
});
export const jobsCompleted = new Counter({ name: 'caselink_jobs_completed_total', help: 'Jobs completed.', labelNames: queueLabel, registers: [workerEvents] });
export const jobsFailed = new Counter({ name: 'caselink_jobs_failed_total', help: 'Job attempts that failed (retried or not).', labelNames: queueLabel, registers: [workerEvents] });
export const jobsStalled = new Counter({ name: 'caselink_jobs_stalled_total', help: 'Jobs whose worker died or hung; BullMQ took them up again.', labelNames: queueLabel, registers: [workerEvents] });
export const sweepRequeued = new Counter({
  name: 'caselink_sweep_requeued_total', help: 'Work a sweep found without a live job (Redis lost it) and queued again or did itself.',
  labelNames: queueLabel, registers: [workerEvents],
});
export const deadlineLateness = new Histogram({
  name: 'caselink_deadline_lateness_seconds', help: 'How long after its due time a deadline (ANSWER = OVERDUE, EXPIRY, EXPIRY_WARNING, TASK) was acted on.',
  labelNames: ['due'], buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 300, 900, 3600], registers: [workerEvents],
});
// The anchored audit trail (issue 13), set by each publication (audit-anchor.processor.ts): store facts, so the newest
// value across workers is the truth. CaseLinkAuditAnchorStale (infra/prometheus/alerts.yml) compares them with
// caselink_audit_chain_rows, read from PostgreSQL at each scrape.
export const auditAnchorLastPublished = new Gauge({
  name: 'caselink_audit_anchor_last_published_timestamp_seconds',
  help: 'Publication time (Unix seconds) of the newest signed audit chain head in the anchor store, as the last publication found it.',
  registers: [workerEvents],
});
export const auditAnchoredRows = new Gauge({
  name: 'caselink_audit_anchor_anchored_rows',
  help: 'Audit rows covered by a signed chain head (the sum over chains of the newest signed sequence), as of the last publication.',
  registers: [workerEvents],
});
export const auditAnchorCaughtUp = new Gauge({
  name: 'caselink_audit_anchor_caught_up_timestamp_seconds',
  help: "End (Unix seconds) of the last publication after which every chain's head was signed in the store (the worker's start until then).",
  registers: [workerEvents],
});
export const auditAnchorInterval = new Gauge({
  name: 'caselink_audit_anchor_interval_seconds', help: 'AUDIT_ANCHOR_EVERY_MS in seconds (absent when publications run only on request).',
  registers: [workerEvents],
});

/** Counts a BullMQ worker's jobs: wait time and completions, failures, stalls. */
export function observeWorker(queue: string, worker: Worker): void {
  const waited = (job: Job | undefined) => {
    if (!job?.processedOn) return;
    // A delayed job (a deadline) was not waiting during its delay.
    const ready = job.timestamp + (job.opts.delay ?? 0);
    jobWait.observe({ queue }, Math.max(0, job.processedOn - ready) / 1000);
  };
  worker.on('completed', (job) => {
    jobsCompleted.inc({ queue });
    waited(job);
  });
  worker.on('failed', (job) => {
    jobsFailed.inc({ queue });
    waited(job);
  });
  worker.on('stalled', () => jobsStalled.inc({ queue }));
}

/**
 * The worker's registry: process defaults, its two PostgreSQL pools, BullMQ counts per queue and the product's
 * request figures — all read when Prometheus scrapes — plus the event counters above. Served on
 * WORKER_METRICS_PORT (0 = off).
 */
@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly registry = new Registry();
  private readonly log = new Logger(WorkerMetrics.name);
  private readonly queues: Queue[];
  private server: Server | undefined;
  private figures: { at: number; rows: Promise<RequestFigureRow[]> } | undefined;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(LINKER_DATA_SOURCE) linkerDs: DataSource,
    // The process's shared producer connection (WorkerModule closes it): counting jobs needs no connection of its own.
    @Inject(PRODUCER_REDIS) connection: RedisClient,
  ) {
    collectDefaultMetrics({ register: this.registry });
    registerPoolGauges(this.registry, { app: ds, linker: linkerDs });
    // Connection trouble is logged once, by the connection; a failed count fails that scrape's gauge only.
    this.queues = ALL_QUEUES.map((name) => new Queue(name, { connection, prefix: config.QUEUE_PREFIX }).on('error', () => undefined));
    const queues = this.queues;
    new Gauge({
      name: 'caselink_queue_jobs', help: 'Jobs per BullMQ queue and state (waiting, active, delayed, failed).',
      labelNames: ['queue', 'state'], registers: [this.registry],
      async collect() {
        const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'failed')));
        queues.forEach((q, i) => {
          for (const [state, n] of Object.entries(counts[i])) this.set({ queue: q.name, state }, n);
        });
      },
    });
    // A failed figures query leaves these gauges empty for one scrape instead of failing the whole scrape.
    const figures = (figure: string) => this.readFigures().then((rows) => rows.filter((r) => r.figure === figure), () => []);
    new Gauge({
      name: 'caselink_requests_open', help: 'Requests sent and not in a final state, by type and state.',
      labelNames: ['type', 'state'], registers: [this.registry],
      async collect() {
        const rows = await figures('open');
        this.reset();
        for (const r of rows) this.set({ type: r.label1, state: r.label2 }, r.value);
      },
    });
    new Gauge({
      name: 'caselink_requests_overdue', help: 'Open requests past their answer deadline (OVERDUE), by type.',
      labelNames: ['type'], registers: [this.registry],
      async collect() {
        const rows = await figures('overdue');
        this.reset();
        for (const r of rows) this.set({ type: r.label1 }, r.value);
      },
    });
    // Quantiles over the freezes of the last 30 days, computed in SQL: a histogram would need every freeze replayed.
    for (const [figure, help] of [
      ['freeze_first_event', 'Seconds from sending a freeze to the addressed bank\'s first event, freezes sent in the last 30 days.'],
      ['freeze_answered', 'Seconds from sending a freeze to its answer, freezes sent in the last 30 days.'],
    ] as const) {
      new Gauge({
        name: `caselink_${figure}_seconds`, help: `${help} quantile="count" is how many there are.`,
        labelNames: ['quantile'], registers: [this.registry],
        async collect() {
          const rows = await figures(figure);
          this.reset();
          for (const r of rows) if (r.value !== null) this.set({ quantile: r.label1 }, Number(r.value));
        },
      });
    }
    if (config.AUDIT_SIGNING_KEY_FILE) {
      // Every audit row of every chain (the sum of the chains' last sequences), as SYSTEM through audit_chain_heads() —
      // the heads the publication signs: what caselink_audit_anchor_anchored_rows should catch up with at each one.
      const log = this.log;
      new Gauge({
        name: 'caselink_audit_chain_rows', help: 'Audit rows in all hash chains (the sum of each chain\'s last sequence), read at scrape time.',
        registers: [this.registry],
        async collect() {
          const heads = await inAgencyTransaction(ds, { agencyId: null, userId: null }, (m) => auditChainHeads(m)).catch((e: Error) => {
            log.warn(`audit chain rows: ${e.message}`);
            return null;
          });
          this.reset();
          if (heads) this.set(heads.reduce((n, h) => n + Number(h.sequence), 0));
        },
      });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.WORKER_METRICS_PORT === 0) return;
    this.server = await startMetricsServer(this.metricsRegistry(), this.config.METRICS_HOST, this.config.WORKER_METRICS_PORT);
    this.log.log(`metrics on http://${this.config.METRICS_HOST}:${portOf(this.server)}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeServer(this.server);
    await Promise.all(this.queues.map((q) => q.close()));
  }

  /** Everything a scrape returns: the scrape-time collectors and the event counters. */
  metricsRegistry(): Registry {
    return Registry.merge([this.registry, workerEvents]);
  }

  port(): number | undefined {
    return this.server ? portOf(this.server) : undefined;
  }

  /**
   * One query per scrape for all the request figures (the gauges are collected one after another). As SYSTEM,
   * through metrics_request_figures(): row-level security shows SYSTEM no request, the function only counts.
   */
  private readFigures(): Promise<RequestFigureRow[]> {
    if (!this.figures || Date.now() - this.figures.at > 1000) {
      const rows = inAgencyTransaction(this.ds, { agencyId: null, userId: null }, (m) => requestFigures(m));
      this.figures = { at: Date.now(), rows };
      rows.catch((e: Error) => this.log.warn(`request figures: ${e.message}`));
    }
    return this.figures.rows;
  }
}
