import { sweepRequeued } from './metrics/worker-metrics';
import { requeueIfLost, Sweep } from './sweep';

/** A promise resolved from outside. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('Sweep', () => {
  afterEach(() => jest.useRealTimers());

  it('never runs twice at once: a call while a run is going gets that run', async () => {
    const g = gate();
    const work = jest.fn(() => g.promise);
    const sweep = new Sweep('test sweep', 1000, work, { warn: jest.fn() });
    const first = sweep.run();
    const second = sweep.run();
    expect(second).toBe(first);
    expect(work).toHaveBeenCalledTimes(1);
    g.open();
    await first;
    // Once it has finished, the next call runs again.
    await sweep.run();
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('passes its arguments to the work; the timer\'s runs pass none (the work\'s defaults apply)', async () => {
    jest.useFakeTimers();
    const seen: Array<number | undefined> = [];
    const sweep = new Sweep<[minAgeMs?: number]>('test sweep', 1000, async (minAgeMs) => void seen.push(minAgeMs), { warn: jest.fn() });
    sweep.start(0);
    await jest.advanceTimersByTimeAsync(1000);
    await jest.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([0, undefined, undefined]);
    await sweep.stop();
  });

  it('skips a beat while the previous run is still going (no overlap on the timer either)', async () => {
    jest.useFakeTimers();
    const g = gate();
    const work = jest.fn(() => g.promise);
    const sweep = new Sweep('test sweep', 100, work, { warn: jest.fn() });
    sweep.start();
    await jest.advanceTimersByTimeAsync(350);
    expect(work).toHaveBeenCalledTimes(1);
    g.open();
    await jest.advanceTimersByTimeAsync(100);
    expect(work).toHaveBeenCalledTimes(2);
    await sweep.stop();
  });

  it('logs a failed run and does not throw; the next run happens as usual', async () => {
    const warn = jest.fn();
    let calls = 0;
    const sweep = new Sweep('outbox sweep', 1000, async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection refused');
    }, { warn });
    await expect(sweep.run()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('outbox sweep: connection refused');
    await expect(sweep.run()).resolves.toBeUndefined();
    expect(calls).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('stop waits for the running sweep, then no run starts any more (timer or call)', async () => {
    jest.useFakeTimers();
    const g = gate();
    const work = jest.fn(() => g.promise);
    const sweep = new Sweep('test sweep', 100, work, { warn: jest.fn() });
    sweep.start();
    let stopped = false;
    const stopping = sweep.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    g.open();
    await stopping;
    expect(stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(1000);
    await sweep.run();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('stop with nothing running resolves at once', async () => {
    const sweep = new Sweep('test sweep', 100, async () => undefined, { warn: jest.fn() });
    await expect(sweep.stop()).resolves.toBeUndefined();
  });
});

describe('requeueIfLost', () => {
  const job = (state: string) => ({ getState: jest.fn(async () => state), remove: jest.fn(async () => undefined) });
  const requeued = async (queue: string) => (await sweepRequeued.get()).values.find((v) => v.labels['queue'] === queue)?.value ?? 0;

  it.each(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'])('leaves a live job (%s) alone', async (state) => {
    const j = job(state);
    const add = jest.fn(async () => undefined);
    const before = await requeued('q-live');
    expect(await requeueIfLost({ name: 'q-live', getJob: jest.fn(async () => j) } as never, 'id-1', add)).toBe(false);
    expect(add).not.toHaveBeenCalled();
    expect(j.remove).not.toHaveBeenCalled();
    expect(await requeued('q-live')).toBe(before);
  });

  it('queues a missing job again and counts it', async () => {
    const add = jest.fn(async () => undefined);
    const getJob = jest.fn(async () => undefined);
    const before = await requeued('q-missing');
    expect(await requeueIfLost({ name: 'q-missing', getJob } as never, 'id-2', add)).toBe(true);
    expect(getJob).toHaveBeenCalledWith('id-2');
    expect(add).toHaveBeenCalledTimes(1);
    expect(await requeued('q-missing')).toBe(before + 1);
  });

  it.each(['completed', 'failed', 'unknown'])('removes a finished job (%s) before queuing its id again', async (state) => {
    const order: string[] = [];
    const j = { getState: async () => state, remove: jest.fn(async () => void order.push('remove')) };
    const add = jest.fn(async () => void order.push('add'));
    expect(await requeueIfLost({ name: 'q-done', getJob: async () => j } as never, 'id-3', add)).toBe(true);
    expect(order).toEqual(['remove', 'add']);
  });

  it('a failed add is the sweep\'s error (logged by Sweep), not counted', async () => {
    const before = await requeued('q-fail');
    await expect(requeueIfLost({ name: 'q-fail', getJob: async () => undefined } as never, 'id-4', async () => {
      throw new Error('redis down');
    })).rejects.toThrow('redis down');
    expect(await requeued('q-fail')).toBe(before);
  });
});
