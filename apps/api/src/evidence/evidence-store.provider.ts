import { resolve } from 'node:path';
import { EvidenceStore, LocalDiskStore } from '@caselink/storage';
import { API_CONFIG, ApiConfig } from '../config/config';

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

/** Local disk by default; an S3-compatible EvidenceStore would be chosen here by configuration. */
export const evidenceStoreProvider = {
  provide: EVIDENCE_STORE,
  inject: [API_CONFIG],
  useFactory: (config: ApiConfig): EvidenceStore => new LocalDiskStore(resolve(config.EVIDENCE_DIR)),
};
