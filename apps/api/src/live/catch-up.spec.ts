import { compareLiveSequence } from '@caselink/jobs';
import { catchUpThenLive, checkAfter } from './catch-up';

type P = { u: { sequence?: string; n: string } };
const p = (sequence: string | undefined, n: string): P => ({ u: { sequence, n } });

async function* source(items: P[]): AsyncGenerator<P> {
  for (const i of items) yield i;
}

async function drain(it: AsyncIterable<P>): Promise<string[]> {
  const out: string[] = [];
  for await (const x of it) out.push(x.u.n);
  return out;
}

describe('catchUpThenLive', () => {
  const seq = (x: P) => x.u.sequence;

  it('gives the missed events first, then live ones, skipping those the log already gave', async () => {
    const replayed = [p('100-0', 'a'), p('100-1', 'b'), p('205-0', 'c')];
    // Buffered while the log was read: b and c arrived live too.
    const live = source([p('100-1', 'b'), p('205-0', 'c'), p('205-1', 'd'), p('300-0', 'e')]);
    expect(await drain(catchUpThenLive(replayed, live, seq, '99-5'))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('with nothing missed, skips live events at or before after, and passes those without a sequence', async () => {
    const live = source([p('99-5', 'seen'), p('98-0', 'older'), p(undefined, 'old release'), p('99-6', 'new')]);
    expect(await drain(catchUpThenLive([], live, seq, '99-5'))).toEqual(['old release', 'new']);
  });

  it('compares sequences as numbers, not text', async () => {
    expect(compareLiveSequence('99-0', '100-0')).toBeLessThan(0);
    expect(compareLiveSequence('100-10', '100-9')).toBeGreaterThan(0);
    expect(compareLiveSequence('0100-0', '100-0')).toBe(0);
    const live = source([p('100-9', 'dup'), p('100-10', 'next')]);
    expect(await drain(catchUpThenLive([p('100-9', 'x')], live, seq, '99-0'))).toEqual(['x', 'next']);
  });

  it('refuses a malformed after naming the field, in both languages', () => {
    expect(checkAfter(undefined)).toBeUndefined();
    expect(checkAfter(null)).toBeUndefined();
    expect(checkAfter('1718000000000-3')).toBe('1718000000000-3');
    for (const bad of ['', 'abc', '1718000000000', '-1-0', '1-2-3', '1e3-0']) {
      let err: { extensions?: Record<string, unknown>; message: string } | undefined;
      try {
        checkAfter(bad);
      } catch (e) {
        err = e as typeof err;
      }
      expect(err?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(err?.message).toMatch(/after: .*·.*序号/);
    }
  });
});
