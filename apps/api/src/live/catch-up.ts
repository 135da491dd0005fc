import { compareLiveSequence, isLiveSequence, LiveCatchUp, LiveLogConnection, LiveLogName, readLiveAfter } from '@caselink/jobs';
import { AppError, badInput } from '../common/errors';

/** `after` as sent by a reconnecting client: a sequence it was handed, else a clear refusal naming the field. */
export function checkAfter(after: string | null | undefined): string | undefined {
  if (after === null || after === undefined) return undefined;
  if (!isLiveSequence(after)) throw badInput('after', 'not a live event sequence (such as 1718000000000-0) · 不是有效的实时事件序号');
  return after;
}

/** The log no longer reaches back to `after`: some events may be lost, so the client reloads and subscribes afresh. */
export const liveGap = (after: string): AppError =>
  new AppError('GONE', `Live events after ${after} are no longer kept: reload, then subscribe without after · 序号 ${after} 之后的实时事件已不再保留：请重新加载后重新订阅`, {
    field: 'after',
    reason: 'LIVE_GAP',
  });

/**
 * The missed events first, then the live ones, none twice. The live subscription was opened before the log was
 * read, so nothing falls between the two; live events the log already gave (sequence at or before the last one
 * replayed, or before `after` itself) are skipped. A live event without a sequence (published by a process of an
 * older release) passes.
 */
export async function* catchUpThenLive<P>(replayed: P[], live: AsyncIterable<P>, sequenceOf: (payload: P) => string | undefined, after: string): AsyncGenerator<P> {
  let floor = after;
  for (const p of replayed) {
    yield p;
    const s = sequenceOf(p);
    if (s && compareLiveSequence(s, floor) > 0) floor = s;
  }
  for await (const p of live) {
    const s = sequenceOf(p);
    if (s && isLiveSequence(s) && compareLiveSequence(s, floor) <= 0) continue;
    yield p;
  }
}

/**
 * Opens the subscription: live only without `after`; with it, live first (the queue buffers), then the log from
 * `after`, merged. The subscription's filter sees replayed and live payloads alike, so need-to-know is the same.
 * A gap closes the live side and refuses with GONE (reason LIVE_GAP).
 */
export async function subscribeWithCatchUp<E>(opts: {
  subscribe: () => Promise<AsyncIterable<unknown>>;
  close: () => void;
  conn: LiveLogConnection;
  prefix: string;
  name: LiveLogName;
  field: string;
  after: string | null | undefined;
}): Promise<AsyncIterable<unknown>> {
  const after = checkAfter(opts.after);
  const live = await opts.subscribe();
  if (!after) return live;
  let missed: LiveCatchUp<E>;
  try {
    missed = await readLiveAfter<E>(opts.conn, opts.prefix, opts.name, after);
  } catch (e) {
    opts.close();
    throw e;
  }
  if (missed.gap) {
    opts.close();
    throw liveGap(after);
  }
  const field = opts.field;
  // Ending the merged stream must not destroy the subscription's queue mid-flight (an AbortError logged each time):
  // mercurius closes it itself when the subscription ends.
  const queue = live as AsyncIterable<unknown> & { iterator?: (o: { destroyOnReturn: boolean }) => AsyncIterable<unknown> };
  return catchUpThenLive<unknown>(
    missed.events.map((e) => ({ [field]: e })),
    queue.iterator ? queue.iterator({ destroyOnReturn: false }) : live,
    (p) => ((p as Record<string, { sequence?: unknown } | undefined>)[field]?.sequence as string | undefined) ?? undefined,
    after,
  );
}
