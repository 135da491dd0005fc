'use client';

import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface Props {
  /** Ids of the title and of the text read out when the dialog opens. */
  labelledBy: string;
  describedBy?: string;
  testId: string;
  /** The dialog's own width and spacing (a CSS module's class). */
  className?: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal <dialog>: showModal() makes the rest of the page inert, so Tab stays inside it, and Escape closes it. Focus
 * goes back to where it was (the button that opened it) when it closes.
 */
export function Modal({ labelledBy, describedBy, testId, className, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  // Layout effects: a dialog that replaces another (rotate, then its new secret) finds focus back on the opener.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog${className ? ` ${className}` : ''}`} aria-labelledby={labelledBy} aria-describedby={describedBy} data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}>
      {children}
    </dialog>
  );
}
