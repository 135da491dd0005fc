'use client';

import { CLUE_IMPORT_LIMITS } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../../components/Alert';
import { FilePicker } from '../../../components/FilePicker';
import { may } from '../../../lib/access';
import { useAuth, type User } from '../../../lib/auth';
import { useAuthedDownload } from '../../../lib/download';
import { useErrorMessage, useInLanguage } from '../../../lib/errors';
import { useFormatBytes } from '../../../lib/files';
import { useAgencyName } from '../../../lib/format';
import { GqlError } from '../../../lib/graphql';
import { apiPath } from '../../../lib/rest';
import type { CaseDetail } from '../../../lib/cases';
import { graphql } from '../../../gql';
import type { ClueImportFormat, ClueImportItemFieldsFragment, PreviewClueImportMutation } from '../../../gql/graphql';
import type { Identifier } from './Identifiers';
import styles from './clue-exchange.module.css';

graphql(`fragment ClueImportItemFields on ClueImportItem { key kind canonical value sources documentTypes heldAs }`);
const PREVIEW_CLUE_IMPORT = graphql(`mutation PreviewClueImport($input: ClueImportInput!) {
  previewClueImport(input: $input) {
    format documentId title producer tlp handling { ...HandlingFields } caseNumbers
    toAdd { ...ClueImportItemFields } alreadyThere { ...ClueImportItemFields }
    refused { source type value reason message } ignored { type count why }
  }
}`);
const IMPORT_CLUES = graphql(`mutation ImportClues($input: ImportCluesInput!) {
  importClues(input: $input) { added { ...IdentifierFields } alreadyThere { key } }
}`);

type Preview = PreviewClueImportMutation['previewClueImport'];
type Item = ClueImportItemFieldsFragment;
type FormatChoice = 'AUTO' | ClueImportFormat;
/** A document problem as the api lists it in extensions.problems of BAD_USER_INPUT on input.document. */
interface Problem {
  code: string;
  pointer: string;
  objectId: string | null;
  property: string | null;
  message: string;
}

const PROBLEM_CODES = [
  'TOO_LARGE', 'NOT_JSON', 'TOO_DEEP', 'FORBIDDEN_KEY', 'UNKNOWN_FORMAT', 'FORMAT_MISMATCH', 'TOO_MANY_OBJECTS', 'TOO_MANY_CLUES',
  'NOT_A_BUNDLE', 'NOT_A_MISP_EVENT', 'WRONG_SPEC_VERSION', 'BAD_TYPE', 'BAD_ID', 'MISSING_PROPERTY', 'BAD_PROPERTY',
];
const TLP_CLASS: Record<string, string> = {
  'TLP:CLEAR': styles.tlpClear, 'TLP:WHITE': styles.tlpClear, 'TLP:GREEN': styles.tlpGreen, 'TLP:AMBER': styles.tlpAmber,
  'TLP:AMBER+STRICT': styles.tlpAmber, 'TLP:RED': styles.tlpRed,
};

/** The message key of each TLP level's meaning. */
const TLP_MEANING: Record<string, string> = {
  'TLP:CLEAR': 'CLEAR', 'TLP:WHITE': 'CLEAR', 'TLP:GREEN': 'GREEN', 'TLP:AMBER': 'AMBER', 'TLP:AMBER+STRICT': 'AMBER_STRICT', 'TLP:RED': 'RED',
};

/** The English half of the api's "English · 中文" text. */
const englishHalf = (text: string) => text.split(' · ')[0].trim();

/**
 * What the api found, from the English half of a problem's message ("<where>: <what> (<found>) · <中文>"): only the
 * English portal shows it, the api's Chinese half has no such detail.
 */
function detailOf(message: string): string | null {
  const english = englishHalf(message);
  const open = english.indexOf(' (');
  return open >= 0 && english.endsWith(')') ? english.slice(open + 2, -1) : null;
}

/** The problems of a refused document, when the error is one. */
function problemsOf(error: unknown): { problems: Problem[]; count: number } | null {
  if (!(error instanceof GqlError)) return null;
  const item = error.first;
  if (item?.code !== 'BAD_USER_INPUT' || item.field !== 'input.document' || !Array.isArray(item.details?.problems)) return null;
  const problems = item.details.problems as Problem[];
  return { problems, count: Number(item.details.problemCount ?? problems.length) };
}

/** The TLP marking in its colours (FIRST TLP 2.0: coloured text on black). */
function TlpLabel({ tlp }: { tlp: string }) {
  return <span className={`${styles.tlp} ${TLP_CLASS[tlp] ?? ''}`} data-testid="clue-import-tlp">{tlp}</span>;
}

/** Export buttons: the file is fetched with the bearer token and saved; off, with the reason, where the case may not be passed on. */
function ExportButtons({ data, user }: { data: CaseDetail; user: User }) {
  const t = useTranslations('clueExchange');
  const agencyName = useAgencyName();
  const { download, busy, error } = useAuthedDownload();
  const [which, setWhich] = useState<'stix' | 'misp' | null>(null);
  const reasonId = useId();
  const blocked = !may(user, 'GET /cases/:id/export') ? t('exportBlocked.role')
    : data.viewerAccess !== 'OWNER' && !data.handling?.mayPassOn ? t('exportBlocked.noPassOn', { agency: agencyName(data.owner) })
      : null;

  async function run(format: 'stix' | 'misp') {
    setWhich(format);
    await download(apiPath(`/cases/${data.id}/export?format=${format}`), `${data.caseNumber}.${format === 'stix' ? 'stix2' : 'misp'}.json`);
    setWhich(null);
  }

  return (
    <div className={styles.block}>
      <h3 className="subhead">{t('exportTitle')}</h3>
      <p className="muted small">{t('exportHint')}</p>
      <div className={styles.buttons}>
        {(['stix', 'misp'] as const).map((format) => (
          <button key={format} type="button" className="btn" disabled={busy || blocked !== null} aria-describedby={blocked ? reasonId : undefined}
            onClick={() => void run(format)} data-testid={`clue-export-${format}`}>
            ⤓ {busy && which === format ? t('exporting') : t(format === 'stix' ? 'exportStix' : 'exportMisp')}
          </button>
        ))}
      </div>
      {blocked && <p className={`muted small ${styles.reason}`} id={reasonId} data-testid="clue-export-blocked">{blocked}</p>}
      {error && <Alert tone="error" testId="clue-export-error">{error}</Alert>}
    </div>
  );
}

/** A refused document: each problem in the page's language, where it is (JSON pointer, object, property). */
function DocumentProblems({ problems, count }: { problems: Problem[]; count: number }) {
  const t = useTranslations('clueExchange');
  const en = useLocale() === 'en';
  return (
    <Alert tone="error" testId="clue-import-problems">
      <strong>{t('refusedFile')}</strong>
      <ul className={styles.problems}>
        {problems.map((p, i) => {
          const known = PROBLEM_CODES.includes(p.code);
          const sentence = known ? t(`problems.${p.code}`) : t('problems.OTHER');
          const detail = en ? detailOf(p.message) : null;
          return (
            <li key={`${p.pointer}-${i}`} data-testid="clue-import-problem" data-code={p.code}>
              <span className={styles.detail}>{detail ? `${sentence.replace(/\.$/, '')}: ${detail}.` : sentence}</span>{' '}
              <span className="muted small">
                {p.pointer ? t.rich('at', { pointer: p.pointer, code: (chunks) => <code className="mono">{chunks}</code> }) : t('wholeDocument')}
                {p.property && <> · {t('property', { property: p.property })}</>}
                {p.objectId && <> · {t('object', { id: p.objectId })}</>}
              </span>
            </li>
          );
        })}
      </ul>
      {count > problems.length && <p className="small">{t('problemsMore', { count: count - problems.length })}</p>}
    </Alert>
  );
}

/** What the document says about itself: id, title, maker, TLP, handling code, case numbers. */
function DocumentFacts({ preview }: { preview: Preview }) {
  const t = useTranslations('clueExchange');
  const tHandling = useTranslations('case.handling');
  const none = t('facts.none');
  const handling = preview.handling;
  return (
    <dl className={`facts ${styles.facts}`} data-testid="clue-import-facts">
      <div>
        <dt>{t('facts.format')}</dt>
        <dd data-testid="clue-import-format">{t(`formats.${preview.format}`)}</dd>
      </div>
      <div>
        <dt>{t('facts.tlp')}</dt>
        <dd>
          {preview.tlp ? (
            <>
              <TlpLabel tlp={preview.tlp} />
              {TLP_MEANING[preview.tlp] && <span className="small">{t(`tlpMeaning.${TLP_MEANING[preview.tlp]}`)}</span>}
            </>
          ) : <span className="muted">{t('facts.unmarked')}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('facts.title')}</dt>
        <dd data-testid="clue-import-title">{preview.title ?? none}</dd>
      </div>
      <div>
        <dt>{t('facts.producer')}</dt>
        <dd data-testid="clue-import-producer">{preview.producer ?? none}</dd>
      </div>
      <div>
        <dt>{t('facts.caseNumbers')}</dt>
        <dd data-testid="clue-import-case-numbers">{preview.caseNumbers.length ? preview.caseNumbers.map((n) => <span key={n} className="mono">{n}</span>) : none}</dd>
      </div>
      <div className={styles.wide}>
        <dt>{t('facts.document')}</dt>
        <dd className="mono small" data-testid="clue-import-document-id">{preview.documentId}</dd>
      </div>
      {handling && (
        <div className={styles.wide}>
          <dt>{t('facts.handling')}</dt>
          <dd data-testid="clue-import-handling">
            <span className={handling.mayPassOn ? 'status status-ok' : 'status status-bad'}>{tHandling(`mayPassOn.${handling.mayPassOn ? 'yes' : 'no'}`)}</span>
            <span className={handling.mayUseInCourt ? 'status status-ok' : 'status status-bad'}>{tHandling(`mayUseInCourt.${handling.mayUseInCourt ? 'yes' : 'no'}`)}</span>
            <span className={handling.mustAskBeforeActing ? 'status status-warn' : 'status status-ok'}>
              {tHandling(`mustAskBeforeActing.${handling.mustAskBeforeActing ? 'yes' : 'no'}`)}
            </span>
            <span className="muted small">{t('handlingNote')}</span>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The new clues with a checkbox each (all chosen at first), and the "choose all" box. */
function ToAddTable({ items, chosen, onChange }: { items: Item[]; chosen: ReadonlySet<string>; onChange(next: Set<string>): void }) {
  const t = useTranslations('clueExchange');
  const tKind = useTranslations('identifierKinds');
  const all = useRef<HTMLInputElement>(null);
  const some = chosen.size > 0 && chosen.size < items.length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = some;
  }, [some]);
  function toggle(key: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  }
  return (
    <div className="table-scroll">
      <table className="table table-compact" data-testid="clue-import-to-add">
        <thead>
          <tr>
            <th className={styles.check}>
              <input ref={all} type="checkbox" checked={chosen.size === items.length} aria-label={t('chooseAll')} data-testid="clue-import-choose-all"
                onChange={(e) => onChange(e.target.checked ? new Set(items.map((i) => i.key)) : new Set())} />
            </th>
            <th>{t('kind')}</th>
            <th>{t('value')}</th>
            <th>{t('canonical')}</th>
            <th>{t('readFrom')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.key} data-testid="clue-import-new" data-key={i.key}>
              <td className={styles.check}>
                <input type="checkbox" checked={chosen.has(i.key)} onChange={(e) => toggle(i.key, e.target.checked)}
                  aria-label={t('chooseOne', { value: `${tKind(i.kind)} ${i.canonical}` })} data-testid="clue-import-choose" />
              </td>
              <td className="nowrap"><span className="kind-tag">{tKind(i.kind)}</span></td>
              <td className="mono">{i.value}</td>
              <td className="mono" data-testid="clue-import-canonical">{i.canonical}</td>
              <td className="mono small">{i.documentTypes.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A list of the preview under its heading and count. */
function PreviewTable({ title, count, testId, headers, children }: { title: string; count: number; testId: string; headers: string[]; children: ReactNode }) {
  return (
    <>
      <h4 className="subhead">{title} <span className="count">{count}</span></h4>
      <div className="table-scroll">
        <table className="table table-compact" data-testid={testId}>
          <thead>
            <tr>{headers.map((h) => <th key={h}>{h}</th>)}</tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </>
  );
}

/** The clues the case already holds, the objects refused with the reason, and those that are no observables. */
function PreviewRest({ preview }: { preview: Preview }) {
  const t = useTranslations('clueExchange');
  const tKind = useTranslations('identifierKinds');
  const tSource = useTranslations('identifierSources');
  const inLanguage = useInLanguage();
  const en = useLocale() === 'en';
  const ignored = preview.ignored.reduce((n, i) => n + i.count, 0);
  return (
    <>
      {preview.alreadyThere.length > 0 && (
        <PreviewTable title={t('alreadyTitle')} count={preview.alreadyThere.length} testId="clue-import-already" headers={[t('kind'), t('canonical'), t('heldAs')]}>
          {preview.alreadyThere.map((i) => (
            <tr key={i.key} data-testid="clue-import-held" data-key={i.key}>
              <td className="nowrap"><span className="kind-tag">{tKind(i.kind)}</span></td>
              <td className="mono">{i.canonical}</td>
              <td>{i.heldAs.map((s) => tSource(s)).join(', ')}</td>
            </tr>
          ))}
        </PreviewTable>
      )}
      {preview.refused.length > 0 && (
        <PreviewTable title={t('refusedTitle')} count={preview.refused.length} testId="clue-import-refused" headers={[t('type'), t('value'), t('reason')]}>
          {preview.refused.map((r, i) => (
            <tr key={`${r.source}-${i}`} data-testid="clue-import-refusal" data-reason={r.reason}>
              <td className="mono small">{r.type}</td>
              <td className="mono">{r.value ?? '—'}</td>
              {/* The api's English sentence names the check that failed; the Chinese portal says it by its code. */}
              <td>{en ? englishHalf(r.message) : t(`refusals.${r.reason}`)}</td>
            </tr>
          ))}
        </PreviewTable>
      )}
      {ignored > 0 && (
        <details className={styles.ignored} data-testid="clue-import-ignored">
          <summary>{t('ignoredTitle', { count: ignored })}</summary>
          <ul>
            {preview.ignored.map((i) => (
              <li key={i.type}>
                <span className="mono">{t('ignoredItem', { type: i.type, count: i.count })}</span> <span className="muted small">{inLanguage(i.why)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/**
 * Import: a .json file chosen or dropped, read in the browser, previewed (nothing written), then the chosen clues
 * added in one call; the case page adds them to its clue list.
 */
function ImportClues({ caseId, onAdded }: { caseId: string; onAdded(identifier: Identifier): void }) {
  const t = useTranslations('clueExchange');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const formatBytes = useFormatBytes();
  const formatId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [format, setFormat] = useState<FormatChoice>('AUTO');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [phase, setPhase] = useState<'idle' | 'reading' | 'importing'>('idle');
  const [failure, setFailure] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<{ added: number; already: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Answers to an earlier file or format are dropped when a later one was asked for.
  const asked = useRef(0);
  const max = formatBytes(CLUE_IMPORT_LIMITS.maxBytes);

  async function readPreview(document: string, choice: FormatChoice) {
    const call = ++asked.current;
    setPhase('reading');
    setFailure(null);
    setPreview(null);
    try {
      const data = await request(PREVIEW_CLUE_IMPORT, { input: { caseId, document, format: choice === 'AUTO' ? null : choice } });
      if (call !== asked.current) return;
      setPreview(data.previewClueImport);
      setChosen(new Set(data.previewClueImport.toAdd.map((i) => i.key)));
    } catch (e) {
      if (call === asked.current) setFailure(e);
    } finally {
      if (call === asked.current) setPhase('idle');
    }
  }

  async function choose(next: File | null) {
    asked.current++;
    setFile(next);
    setText(null);
    setPreview(null);
    setFailure(null);
    setLocalError(null);
    setDone(null);
    setPhase('idle');
    if (!next) return;
    if (!/\.json$/i.test(next.name) && next.type !== 'application/json') return setLocalError(t('notJsonFile'));
    if (next.size > CLUE_IMPORT_LIMITS.maxBytes) return setLocalError(t('tooLarge', { max }));
    if (next.size === 0) return setLocalError(t('emptyFile'));
    const content = await next.text();
    setText(content);
    await readPreview(content, format);
  }

  function changeFormat(choice: FormatChoice) {
    setFormat(choice);
    if (text !== null) void readPreview(text, choice);
  }

  function reset() {
    asked.current++;
    setFile(null);
    setText(null);
    setPreview(null);
    setFailure(null);
    setLocalError(null);
    setPhase('idle');
    if (input.current) input.current.value = '';
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!preview || text === null) return;
    if (chosen.size === 0) return setLocalError(t('chooseNone'));
    setLocalError(null);
    setFailure(null);
    setPhase('importing');
    try {
      const data = await request(IMPORT_CLUES, {
        input: { caseId, document: text, format: preview.format, keys: preview.toAdd.filter((i) => chosen.has(i.key)).map((i) => i.key) },
      });
      data.importClues.added.forEach(onAdded);
      reset();
      setDone({ added: data.importClues.added.length, already: data.importClues.alreadyThere.length });
    } catch (e) {
      setFailure(e);
      setPhase('idle');
    }
  }

  const problems = problemsOf(failure);
  const tooLarge = failure instanceof GqlError && failure.code === 'PAYLOAD_TOO_LARGE';
  const ignored = preview?.ignored.reduce((n, i) => n + i.count, 0) ?? 0;
  const status = phase === 'reading' ? t('reading')
    : preview ? t('previewSummary', { toAdd: preview.toAdd.length, already: preview.alreadyThere.length, refused: preview.refused.length, ignored })
      : done ? t('added', done)
        : '';

  return (
    <form className={styles.block} onSubmit={submit} noValidate data-testid="clue-import-form">
      <h3 className="subhead">{t('importTitle')}</h3>
      <p className="muted small">{t('importHint', { max })}</p>
      <div className={styles.pickRow}>
        <FilePicker ref={input} label={t('file')} file={file} accept=".json,application/json" disabled={phase !== 'idle'} testId="clue-import-file"
          error={!!localError || !!failure} dropzone onChange={(chosenFile) => void choose(chosenFile)} />
        <div className="field">
          <label htmlFor={formatId}>{t('format')}</label>
          <select id={formatId} value={format} disabled={phase !== 'idle'} onChange={(e) => changeFormat(e.target.value as FormatChoice)}
            data-testid="clue-import-format-choice">
            {(['AUTO', 'STIX', 'MISP'] as const).map((f) => <option key={f} value={f}>{t(`formats.${f}`)}</option>)}
          </select>
        </div>
      </div>
      {/* Read out when the preview (or the import) is done; the tables below are for reading at one's pace. */}
      <p role="status" aria-live="polite" className={status ? styles.status : 'visually-hidden'} data-testid="clue-import-status">{status}</p>
      {localError && <Alert tone="error" testId="clue-import-error">{localError}</Alert>}
      {problems ? <DocumentProblems problems={problems.problems} count={problems.count} />
        : tooLarge ? <Alert tone="error" testId="clue-import-error">{t('tooLarge', { max: formatBytes((failure as GqlError).first?.maxBytes ?? CLUE_IMPORT_LIMITS.maxBytes) })}</Alert>
          : failure ? <Alert tone="error" testId="clue-import-error">{errorMessage(failure)}</Alert> : null}
      {preview && (
        <section className={styles.preview} aria-labelledby={`${formatId}-preview`} data-testid="clue-import-preview">
          <h4 className="subhead" id={`${formatId}-preview`}>{t('previewTitle')}</h4>
          <DocumentFacts preview={preview} />
          <h4 className="subhead">{t('toAddTitle')} <span className="count">{preview.toAdd.length}</span></h4>
          {preview.toAdd.length > 0 ? <ToAddTable items={preview.toAdd} chosen={chosen} onChange={setChosen} />
            : <p className="muted" data-testid="clue-import-nothing-new">{t('toAddEmpty')}</p>}
          <PreviewRest preview={preview} />
          <div className={styles.buttons}>
            <button type="submit" className="btn btn-primary" disabled={phase !== 'idle' || preview.toAdd.length === 0} data-testid="clue-import-submit">
              {phase === 'importing' ? t('adding') : t('add', { count: chosen.size })}
            </button>
            <button type="button" className="btn" disabled={phase === 'importing'} onClick={reset} data-testid="clue-import-discard">{t('discard')}</button>
            {preview.toAdd.length > 0 && <span className="muted small">{t('chosen', { chosen: chosen.size, total: preview.toAdd.length })}</span>}
          </div>
        </section>
      )}
    </form>
  );
}

/**
 * The case's exchange with other tools (issue 16, part 4): export as STIX 2.1 or MISP as the caller may pass the case
 * on, and import the clues of a STIX bundle or MISP event for those who may add clues (owner or CONTRIBUTE share).
 */
export function ClueExchange({ data, user, onAdded }: { data: CaseDetail; user: User; onAdded(identifier: Identifier): void }) {
  const t = useTranslations('clueExchange');
  const importBlocked = !may(user, 'importClues') ? t('importBlocked.role')
    : data.viewerAccess !== 'OWNER' && data.viewerAccess !== 'CONTRIBUTE' ? t('importBlocked.read') : null;
  return (
    <section className="card" data-testid="clue-exchange" aria-labelledby="clue-exchange-title">
      <div className="section-head">
        <h2 id="clue-exchange-title">{t('title')}</h2>
        <span className="muted small">{t('intro')}</span>
      </div>
      <ExportButtons data={data} user={user} />
      {importBlocked ? (
        <div className={styles.block}>
          <h3 className="subhead">{t('importTitle')}</h3>
          <p className="muted small" data-testid="clue-import-blocked">{importBlocked}</p>
        </div>
      ) : (
        <ImportClues caseId={data.id} onAdded={onAdded} />
      )}
    </section>
  );
}
