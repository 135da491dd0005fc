'use client';

import type { ComponentProps } from 'react';
import { Modal as BaseModal } from '../../../components/Modal';
import styles from './machine-clients.module.css';

/** The shared modal dialog (components/Modal.tsx), as wide as a one-time secret needs. */
export function Modal(props: Omit<ComponentProps<typeof BaseModal>, 'className'>) {
  return <BaseModal {...props} className={styles.dialog} />;
}
