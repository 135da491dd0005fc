'use client';

import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabOption<V extends string> {
  value: V;
  label: ReactNode;
  testId?: string;
}

/** The id of a tab, for the panel's aria-labelledby. */
export const tabId = (panelId: string, value: string) => `${panelId}-tab-${value}`;

const STEP: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop (the chosen tab, a roving tabindex), the arrow keys, Home and
 * End move to another tab and choose it, and each tab controls the panel `panelId` (which the caller renders with
 * role="tabpanel" and aria-labelledby={tabId(panelId, value)}). `children` sit beside the tabs (a filter, say).
 */
export function Tabs<V extends string>({ label, value, options, onChange, panelId, children }: {
  label: string;
  value: V;
  options: readonly TabOption<V>[];
  onChange(value: V): void;
  panelId: string;
  children?: ReactNode;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = STEP[event.key];
    if (!step) return;
    event.preventDefault();
    const next = step(index, options.length);
    onChange(options[next].value);
    refs.current[next]?.focus();
  }

  return (
    <div className="tabs">
      <div className="tab-list" role="tablist" aria-label={label}>
        {options.map((o, i) => {
          const selected = o.value === value;
          return (
            <button key={o.value} ref={(el) => { refs.current[i] = el; }} type="button" role="tab" id={tabId(panelId, o.value)}
              aria-selected={selected} aria-controls={panelId} tabIndex={selected ? 0 : -1} className={selected ? 'tab active' : 'tab'}
              onClick={() => onChange(o.value)} onKeyDown={(e) => onKeyDown(e, i)} data-testid={o.testId}>
              {o.label}
            </button>
          );
        })}
      </div>
      {children}
    </div>
  );
}
