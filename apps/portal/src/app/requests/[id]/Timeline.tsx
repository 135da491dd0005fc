'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { RequestStateBadge } from '../../../components/RequestBadges';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useAgencyName, useFormatDateTime } from '../../../lib/format';
import { graphql } from '../../../gql';
import type { RequestEventFieldsFragment } from '../../../gql/graphql';
import type { AgencyRequest } from './RequestPage';

export type RequestEvent = RequestEventFieldsFragment;

graphql(`fragment RequestEventFields on RequestEvent { id kind fromState toState body agency { ...AgencyRefFields } authorName createdAt }`);
const POST_REQUEST_MESSAGE = graphql(`mutation PostRequestMessage($id: ID!, $body: String!) { postRequestMessage(id: $id, body: $body) { ...RequestEventFields } }`);

const MESSAGE_MAX = 8000;

function MessageBox({ id, onPosted }: { id: string; onPosted(event: RequestEvent): void }) {
  const t = useTranslations('requestPage.timeline');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function post(event?: FormEvent) {
    event?.preventDefault();
    const text = body.trim();
    if (!text) {
      setError(t('emptyMessage'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await request(POST_REQUEST_MESSAGE, { id, body: text });
      onPosted(data.postRequestMessage);
      setBody('');
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setError(fields.body ?? errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function onKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void post();
  }

  return (
    <form className="message-box" onSubmit={(e) => void post(e)} noValidate data-testid="message-form">
      <label htmlFor="request-message" className="visually-hidden">
        {t('message')}
      </label>
      <textarea id="request-message" name="body" value={body} rows={3} maxLength={MESSAGE_MAX} placeholder={t('placeholder')}
        onChange={(e) => setBody(e.target.value)} onKeyDown={onKey} aria-invalid={error ? true : undefined} data-testid="message-body" />
      <div className="message-foot">
        <span className="muted small">{t('hint')}</span>
        <button type="submit" className="btn btn-primary btn-small" disabled={busy} data-testid="message-send">
          {busy ? t('sending') : t('send')}
        </button>
      </div>
      {error && (
        <div className="field-error" role="alert" data-testid="error-body">
          {error}
        </div>
      )}
    </form>
  );
}

/**
 * Everything that happened to the request, oldest first: state changes (with the note given), messages of both
 * sides, the deadline passing and a hold about to lapse; a message box at the end.
 */
export function Timeline({ data, ownAgencyId, onPosted }: { data: AgencyRequest; ownAgencyId: string; onPosted(event: RequestEvent): void }) {
  const t = useTranslations('requestPage.timeline');
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const events = useMemo(() => [...data.events].sort((a, b) => a.createdAt.localeCompare(b.createdAt)), [data.events]);

  return (
    <section className="card" data-testid="timeline">
      <div className="section-head">
        <h2>
          {t('title')} <span className="count" data-testid="timeline-count">{events.length}</span>
        </h2>
        <span className="muted small">{t('intro')}</span>
      </div>
      {events.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ol className="timeline">
          {events.map((e) => {
            const own = e.agency.id === ownAgencyId;
            const who = e.authorName ? t('who', { agency: agencyName(e.agency), name: e.authorName }) : agencyName(e.agency);
            return (
              <li key={e.id} className={`tl-item tl-${e.kind}${own ? ' tl-own' : ''}`} data-testid="timeline-event" data-kind={e.kind}
                data-to-state={e.toState ?? undefined}>
                <span className="tl-marker" aria-hidden="true" />
                <div className="tl-body">
                  <div className="tl-head">
                    {e.kind === 'STATE' && (
                      <span className="tl-what">
                        {e.fromState ? (
                          <>
                            <RequestStateBadge state={e.fromState} testId="tl-from" /> <span aria-hidden="true">→</span>{' '}
                          </>
                        ) : null}
                        {e.toState && <RequestStateBadge state={e.toState} testId="tl-to" />}
                      </span>
                    )}
                    {e.kind === 'MESSAGE' && <span className="tl-what">{t('messageFrom')}</span>}
                    {e.kind === 'OVERDUE' && <strong className="overdue-tag">{t('overdue')}</strong>}
                    {e.kind === 'EXPIRY_WARNING' && <strong className="expiry-tag">{t('expiryWarning')}</strong>}
                    <span className="tl-who">{e.kind === 'OVERDUE' || (e.kind === 'EXPIRY_WARNING' && !e.authorName) ? t('system') : who}</span>
                    <time className="tl-time muted small" dateTime={e.createdAt}>
                      {formatDateTime(e.createdAt)}
                    </time>
                  </div>
                  {e.body && (
                    <p className={e.kind === 'MESSAGE' ? 'tl-message' : 'tl-note'} data-testid="timeline-body">
                      {e.body}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {data.state !== 'DRAFT' && <MessageBox id={data.id} onPosted={onPosted} />}
    </section>
  );
}
