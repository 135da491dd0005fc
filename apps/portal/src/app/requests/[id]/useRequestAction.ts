'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { useErrorMessage } from '../../../lib/errors';
import { GqlError } from '../../../lib/graphql';
import type { RequestStateName } from '../../../lib/types';

/**
 * The sentence for a refused action on a request. CONFLICT means the other side (or a colleague) moved it
 * first: say to which state, and the page loads it again.
 */
export function useActionError(): (error: unknown) => { message: string; conflict: boolean } {
  const t = useTranslations('requestPage');
  const tState = useTranslations('requestStates');
  const errorMessage = useErrorMessage();
  return useCallback(
    (error) => {
      const first = error instanceof GqlError ? error.first : undefined;
      if (first?.code === 'CONFLICT') {
        const state = first.currentState && tState.has(first.currentState) ? tState(first.currentState as RequestStateName) : null;
        return { message: state ? t('conflictState', { state }) : t('conflict', { reason: errorMessage(error) }), conflict: true };
      }
      return { message: errorMessage(error), conflict: false };
    },
    [t, tState, errorMessage],
  );
}
