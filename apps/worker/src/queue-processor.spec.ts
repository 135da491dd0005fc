import { assertOneProcessorPerQueue } from './queue-processor';

describe('worker start-up check', () => {
  const queues = ['notifications', 'imports'];

  it('passes when every queue has exactly one processor', () => {
    expect(() => assertOneProcessorPerQueue([{ queue: 'notifications' }, { queue: 'imports' }] as never, queues)).not.toThrow();
  });

  it('refuses a queue with no processor', () => {
    expect(() => assertOneProcessorPerQueue([{ queue: 'notifications' }] as never, queues)).toThrow(/queue "imports" has no processor/);
  });

  it('refuses a queue with two processors', () => {
    expect(() => assertOneProcessorPerQueue([{ queue: 'notifications' }, { queue: 'notifications' }, { queue: 'imports' }] as never, queues)).toThrow(
      /queue "notifications" has 2 processors/,
    );
  });
});
