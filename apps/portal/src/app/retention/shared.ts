'use client';

import { RETENTION_CLASSES, RetentionClass, type RetentionClassInfo } from '@caselink/domain';
import { useLocale } from 'next-intl';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type {
  RetentionRuleFieldsFragment, RetentionRunFieldsFragment, RetentionRunStatus, RetentionTrigger,
} from '../../gql/graphql';

/* Retention and purge (issue 13): the national centre's rules per data class, the `retention` queue's runs, legal holds. */

export type RetentionClassName = `${RetentionClass}`;
export type RetentionRunStatusName = RetentionRunStatus;
export type RetentionTriggerName = RetentionTrigger;

graphql(`fragment RetentionRuleFields on RetentionRule { dataClass periodDays minDays caseBound purged updatedAt updatedByEmail }`);
graphql(`fragment RetentionRunFields on RetentionRun {
  id trigger status queuedAt startedAt finishedAt failure requestedByEmail purgedTotal counts { dataClass agencyId agencyName purged ruleDays }
}`);
export type RetentionRule = RetentionRuleFieldsFragment;
export type RetentionRun = RetentionRunFieldsFragment;
export type RetentionRunCount = RetentionRun['counts'][number];

export const RETENTION_RULES = graphql(`query RetentionRules { retentionRules { ...RetentionRuleFields } }`);
export const RETENTION_RUNS = graphql(`query RetentionRuns($limit: Int) { retentionRuns(limit: $limit) { ...RetentionRunFields } }`);
export const SET_RETENTION_RULE = graphql(`mutation SetRetentionRule($input: SetRetentionRuleInput!) { setRetentionRule(input: $input) { ...RetentionRuleFields } }`);
export const RUN_RETENTION = graphql(`mutation RunRetention { runRetention { ...RetentionRunFields } }`);

/** How many runs the page lists. */
export const RUNS_SHOWN = 10;
/** How often a queued or running run is polled. */
export const POLL_MS = 2000;

export const runActive = (r: Pick<RetentionRun, 'status'> | null | undefined) => r?.status === 'QUEUED' || r?.status === 'RUNNING';

/** The classes in the order the vocabulary declares them (libs/domain/src/retention.ts). */
export const CLASS_ORDER = Object.keys(RETENTION_CLASSES) as RetentionClassName[];

export function classInfo(c: string): RetentionClassInfo | undefined {
  return (RETENTION_CLASSES as Record<string, RetentionClassInfo | undefined>)[c];
}

/** A class's name and "from when the period counts" in the page's language, from the one vocabulary in @caselink/domain. */
export function useClassText(): (c: string) => { name: string; from: string } {
  const locale = useLocale();
  return useCallback(
    (c: string) => {
      const info = classInfo(c);
      if (!info) return { name: c, from: '' };
      return locale === 'en' ? { name: info.en, from: info.fromEn } : { name: info.zh, from: info.fromZh };
    },
    [locale],
  );
}
