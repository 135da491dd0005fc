'use client';

import { useTranslations } from 'next-intl';

/** Shown while the graph library loads (it is fetched only on graph pages). */
export function GraphLoading({ height = 560 }: { height?: number }) {
  const t = useTranslations('linkGraph');
  return (
    <div className="cy-canvas cy-loading" style={{ height }}>
      <span className="spinner" aria-hidden="true" /> {t('loadingLibrary')}
    </div>
  );
}
