import {
  type ClueImportFormat, ClueImportDocumentError, type ClueImportPlan, detectFormat, parseDocumentText, planClueImport, clueImportProblem,
} from '@caselink/domain';
import { readMispEvent } from './misp-document';
import { readStixBundle } from './stix-document';

/**
 * A clue import document, from its text to the normalised clues it brings: parsed and checked for size and hostile
 * shapes, its format detected (or checked against the one chosen), read by the STIX 2.1 or MISP reader, normalised and
 * merged. Throws ClueImportDocumentError, naming what is wrong and where, when the document is refused as a whole.
 */
export function readClueImport(text: string, format: ClueImportFormat | null = null): ClueImportPlan {
  const doc = parseDocumentText(text);
  const detected = detectFormat(doc);
  if (format && detected && format !== detected) {
    const looks = detected === 'STIX' ? 'a STIX bundle' : 'a MISP event';
    throw new ClueImportDocumentError([clueImportProblem('FORMAT_MISMATCH', '', null, null, `${format} was chosen, the document is ${looks}`)], 1);
  }
  const chosen = format ?? detected;
  if (!chosen) throw new ClueImportDocumentError([clueImportProblem('UNKNOWN_FORMAT', '', null, null, 'expected {"type": "bundle", ...} or {"Event": {...}}')], 1);
  return planClueImport(chosen === 'STIX' ? readStixBundle(doc) : readMispEvent(doc));
}
