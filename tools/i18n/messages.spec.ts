import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AuditAction } from '@caselink/domain';

// Every message the portal shows in English exists in Chinese too, and the other way round.
const DIR = join(__dirname, '../../apps/portal/messages');

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

const pairs: [string, string, string][] = [['base', join(DIR, 'en.json'), join(DIR, 'zh-CN.json')]];
for (const f of readdirSync(DIR)) {
  if (statSync(join(DIR, f)).isDirectory()) pairs.push([f, join(DIR, f, 'en.json'), join(DIR, f, 'zh-CN.json')]);
}

describe('portal messages', () => {
  it.each(pairs)('%s: English and Chinese hold the same keys', (_name, en, zh) => {
    expect(keys(read(zh)).sort()).toEqual(keys(read(en)).sort());
  });

  it('feature files do not redefine a namespace of the base file', () => {
    const base = Object.keys(read(pairs[0][1]) as object);
    for (const [name, en] of pairs.slice(1)) {
      for (const ns of Object.keys(read(en) as object)) expect(`${name}:${base.includes(ns) ? ns : ''}`).toBe(`${name}:`);
    }
  });
});

describe('audit action labels', () => {
  it('name every action of the audit trail in both languages', () => {
    for (const locale of ['en', 'zh-CN']) {
      const labels = (read(join(DIR, 'audit-actions', `${locale}.json`)) as { auditAction: Record<string, string> }).auditAction;
      expect(Object.keys(labels).sort()).toEqual(Object.values(AuditAction).sort());
    }
  });
});
