import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { ACCESS_POLICY, REPLICA_READS } from '@caselink/domain';

/** The replica may serve reads only: a mutation or subscription there would fail (read-only) or miss its own writes. */
describe('REPLICA_READS', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '../../../../schema.graphql'), 'utf8'));
  const queries = Object.keys(schema.getQueryType()?.getFields() ?? {});

  it('names only GraphQL queries of the access table', () => {
    for (const op of Object.keys(REPLICA_READS)) {
      expect(ACCESS_POLICY).toHaveProperty([op]);
      expect({ op, query: queries.includes(op) }).toEqual({ op, query: true });
    }
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).filter((m) => m in REPLICA_READS)).toEqual([]);
    expect(Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).filter((s) => s in REPLICA_READS)).toEqual([]);
  });

  it('is the list docs/access-table.md shows, and keeps inboxes, deadlines and reads that write on the primary', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/access-table.md'), 'utf8');
    const marked = [...doc.matchAll(/^\| `([^`]+)` \(replica\) \|/gm)].map((m) => m[1]);
    expect(marked.sort()).toEqual(Object.keys(REPLICA_READS).sort());
    expect(Object.keys(REPLICA_READS).sort()).toEqual(['alerts', 'bulletins', 'cases', 'outcomeAnalytics', 'riskSignals', 'seriesList', 'supervisorDashboard', 'warninglist']);
    // Inboxes and the work queue, what deadlines and freezes are decided from, and queries that write.
    for (const op of ['requests', 'request', 'inboxCounts', 'workQueue', 'deadlineRules', 'caseFreezeBatches', 'freezeBatch', 'bulletin', 'victimPersonalData', 'me', 'case']) {
      expect(REPLICA_READS).not.toHaveProperty([op]);
    }
  });
});
