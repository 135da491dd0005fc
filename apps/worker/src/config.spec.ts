import { loadWorkerConfig } from './config';

describe('worker configuration: a Redis Cluster (REDIS_CLUSTER_NODES)', () => {
  const valid = { DATABASE_URL: 'postgres://caselink_app:x@127.0.0.1:5432/caselink', LINKER_DATABASE_URL: 'postgres://caselink_linker:x@127.0.0.1:5432/caselink', REDIS_URL: 'redis://127.0.0.1:6379' };
  const nodes = '127.0.0.1:7401,127.0.0.1:7402';

  it('is unset by default (one Redis, any prefix), and read as nodes with a hash-tag prefix', () => {
    expect(loadWorkerConfig(valid)).toMatchObject({ QUEUE_PREFIX: 'caselink' });
    expect(loadWorkerConfig(valid).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(loadWorkerConfig({ ...valid, REDIS_CLUSTER_NODES: nodes, QUEUE_PREFIX: '{caselink}' }).REDIS_CLUSTER_NODES)
      .toEqual([{ host: '127.0.0.1', port: 7401 }, { host: '127.0.0.1', port: 7402 }]);
  });

  it('refuses a QUEUE_PREFIX without a hash tag, and entries that are not host:port', () => {
    for (const QUEUE_PREFIX of [undefined, 'caselink', '{}caselink']) {
      expect(() => loadWorkerConfig({ ...valid, REDIS_CLUSTER_NODES: nodes, QUEUE_PREFIX })).toThrow(/QUEUE_PREFIX: must be a Redis hash tag such as \{caselink\}/);
    }
    expect(() => loadWorkerConfig({ ...valid, REDIS_CLUSTER_NODES: '127.0.0.1', QUEUE_PREFIX: '{caselink}' })).toThrow(/REDIS_CLUSTER_NODES: must be a comma-separated list of host:port/);
  });
});
