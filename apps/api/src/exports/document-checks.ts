import type { z } from 'zod';
import { type ClueImportProblemCode, clueImportProblem, jsonPointer, type ProblemList } from '@caselink/domain';

/**
 * The error setting of a zod schema for a document field: MISSING_PROPERTY when the value is absent, `code`
 * otherwise. The codes travel as zod's issue messages and become typed problems in `check`.
 */
export const fails = (code: ClueImportProblemCode) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? 'MISSING_PROPERTY' : code) });

const PROBLEM_CODES = new Set<string>(['WRONG_SPEC_VERSION', 'BAD_ID', 'MISSING_PROPERTY', 'BAD_PROPERTY', 'BAD_TYPE']);

/** Checks `value` against `schema`; each issue becomes a problem with its JSON pointer under `base`. True when it passed. */
export function check(schema: z.ZodType, value: unknown, base: Array<string | number>, objectId: string | null, problems: ProblemList): boolean {
  const r = schema.safeParse(value);
  if (r.success) return true;
  for (const issue of r.error.issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const property = [...issue.path].reverse().find((p): p is string => typeof p === 'string') ?? null;
    const code = (PROBLEM_CODES.has(issue.message) ? issue.message : 'BAD_PROPERTY') as ClueImportProblemCode;
    const detail = issue.code === 'invalid_value' ? `expected ${issue.values.slice(0, 20).map((v) => JSON.stringify(v)).join(' or ')}`
      : issue.code === 'invalid_type' && code !== 'MISSING_PROPERTY' ? `expected ${issue.expected}`
        : issue.code === 'too_big' ? `at most ${String(issue.maximum)}` : undefined;
    problems.add(clueImportProblem(code, jsonPointer(path), objectId, property, detail));
  }
  return false;
}
