'use client';

import { IdentifierKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '../../../../components/Alert';
import type { CytoEdge, CytoHandle, CytoNode } from '../../../../components/graph/CytoCanvas';
import { GraphLoading } from '../../../../components/graph/GraphLoading';
import { AGENCY_PALETTE, CASE_SHAPE, HIDDEN_LOOK, KIND_LOOK, ROOT_BORDER, SERIES_LOOK } from '../../../../components/graph/link-style';
import { ShapeIcon } from '../../../../components/graph/ShapeIcon';
import { LinkStateBadge } from '../../../../components/LinkBadges';
import { useAuth } from '../../../../lib/auth';
import { useLoadReason } from '../../../../lib/errors';
import { GqlError } from '../../../../lib/graphql';
import { useAgencyName } from '../../../../lib/format';
import { graphql } from '../../../../gql';
import type { CaseSummaryFragment as CaseSummary, LinkGraphQuery } from '../../../../gql/graphql';
import type { AgencyRef } from '../../../../components/AgencyBadge';
import { CASE_HEAD } from '../../../../lib/cases';
import { ActionsHeader } from '../../../../components/ListParts';

type LinkGraph = LinkGraphQuery['linkGraph'];
type LinkGraphNode = LinkGraph['nodes'][number];
type LinkGraphEdge = LinkGraph['edges'][number];

const LINK_GRAPH = graphql(`query LinkGraph($caseId: ID!, $expand: [ID!]) {
  linkGraph(caseId: $caseId, expand: $expand) {
    nodes { id type label caseId caseNumber seriesId agency { ...AgencyRefFields } kind state count root }
    edges { id source target type }
    truncated
  }
}`);

const CytoCanvas = dynamic(() => import('../../../../components/graph/CytoCanvas').then((m) => m.CytoCanvas), {
  ssr: false,
  loading: () => <GraphLoading />,
});

type LayoutName = 'cose' | 'concentric';

const LAYOUTS = {
  cose: { name: 'cose', animate: false, padding: 40, fit: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, componentSpacing: 90, nodeDimensionsIncludeLabels: true },
  concentric: {
    name: 'concentric', animate: true, animationDuration: 400, padding: 40, fit: true, minNodeSpacing: 36, nodeDimensionsIncludeLabels: true,
    concentric: (n: { data(key: string): unknown }) => (n.data('root') ? 10 : n.data('type') === 'SERIES' ? 8 : n.data('type') === 'CASE' ? 6 : 3),
    levelWidth: () => 1,
  },
} as const;

/**
 * Nodes that a click expands: values and cases (series and hidden groups have nothing more to show). A masked
 * value (a phone or ID number seen through a read-only share) names no value, so it cannot be expanded.
 */
const expandable = (n: LinkGraphNode) => n.type === 'CASE' || (n.type === 'IDENTIFIER' && !n.id.includes(':masked:'));
/** The api takes at most this many node ids to expand at once; older expansions stay merged on the graph. */
const MAX_EXPAND = 50;

function mergeById<T extends { id: string }>(into: Map<string, T>, items: T[]): Map<string, T> {
  const next = new Map(into);
  for (const item of items) next.set(item.id, { ...next.get(item.id), ...item });
  return next;
}

export function GraphPage({ caseId }: { caseId: string }) {
  const t = useTranslations('linkGraph');
  const tc = useTranslations('common');
  const tKind = useTranslations('identifierKinds');
  const { request } = useAuth();
  const router = useRouter();
  const loadReason = useLoadReason();
  const agencyName = useAgencyName();
  const rootId = `case:${caseId}`;
  const [head, setHead] = useState<CaseSummary | null>(null);
  const [nodes, setNodes] = useState<Map<string, LinkGraphNode>>(new Map());
  const [edges, setEdges] = useState<Map<string, LinkGraphEdge>>(new Map());
  const [expanded, setExpanded] = useState<string[]>([]);
  const [pending, setPending] = useState<string | null>(null);
  const [anchor, setAnchor] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [expandError, setExpandError] = useState<string | null>(null);
  const [layoutName, setLayoutName] = useState<LayoutName>('cose');
  const handle = useRef<CytoHandle | null>(null);
  // Colours by first appearance: an agency keeps its colour as the graph grows.
  const colours = useRef(new Map<string, string>());

  const apply = useCallback((graph: LinkGraph) => {
    setNodes((prev) => mergeById(prev, graph.nodes));
    setEdges((prev) => mergeById(prev, graph.edges));
    setTruncated((prev) => prev || graph.truncated);
  }, []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    request(CASE_HEAD, { id: caseId })
      .then((d) => live && setHead(d.case))
      .catch(() => undefined);
    request(LINK_GRAPH, { caseId, expand: null })
      .then((d) => {
        if (!live) return;
        apply(d.linkGraph);
        setExpanded([rootId]);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [caseId, rootId, request, apply]);

  const expand = useCallback(
    async (id: string) => {
      if (expanded.includes(id) || pending) return;
      setPending(id);
      setExpandError(null);
      const ids = [...expanded.filter((x) => x !== rootId).slice(-(MAX_EXPAND - 1)), id];
      try {
        const d = await request(LINK_GRAPH, { caseId, expand: ids });
        setAnchor(id);
        apply(d.linkGraph);
        setExpanded((prev) => [...prev, id]);
      } catch (e) {
        setExpandError(t('expandFailed', { reason: loadReason(e) }));
      } finally {
        setPending(null);
      }
    },
    [expanded, pending, rootId, request, caseId, apply, t, loadReason],
  );

  const colourOf = useCallback((agency: AgencyRef | null) => {
    if (!agency) return AGENCY_PALETTE[0];
    let c = colours.current.get(agency.id);
    if (!c) {
      c = AGENCY_PALETTE[colours.current.size % AGENCY_PALETTE.length];
      colours.current.set(agency.id, c);
    }
    return c;
  }, []);

  const nodeList = useMemo(() => {
    // The root case first, so its agency takes the first colour.
    const list = [...nodes.values()];
    return list.sort((a, b) => Number(b.id === rootId) - Number(a.id === rootId));
  }, [nodes, rootId]);

  const labelOf = useCallback(
    (n: LinkGraphNode) => {
      switch (n.type) {
        case 'CASE':
          return n.caseNumber ?? n.label;
        case 'SERIES':
          return n.count != null ? t('seriesNode', { count: n.count }) : t('seriesNodeLabel', { label: n.label });
        case 'HIDDEN_CASES':
          return t('hiddenNode', { agency: n.agency ? agencyName(n.agency) : n.label, count: n.count ?? 0 });
        default:
          return n.label;
      }
    },
    [t, agencyName],
  );

  const cyNodes = useMemo<CytoNode[]>(
    () =>
      nodeList.map((n) => {
        const isExpanded = expanded.includes(n.id);
        const base = { id: n.id, label: labelOf(n), type: n.type, root: n.root || n.id === rootId, opacity: 1, borderStyle: 'solid' as const };
        switch (n.type) {
          case 'CASE':
            return { ...base, color: colourOf(n.agency), shape: CASE_SHAPE, width: 58, height: 34,
              borderColor: base.root ? ROOT_BORDER : isExpanded ? '#0f2a4a' : '#ffffff', borderWidth: base.root ? 5 : isExpanded ? 3 : 1.5 };
          case 'SERIES':
            return { ...base, color: SERIES_LOOK.color, shape: SERIES_LOOK.shape, width: 46, height: 46, borderColor: SERIES_LOOK.border, borderWidth: 1.5 };
          case 'HIDDEN_CASES':
            return { ...base, color: HIDDEN_LOOK.color, shape: HIDDEN_LOOK.shape, width: 40, height: 40, borderColor: HIDDEN_LOOK.border,
              borderWidth: 2, borderStyle: 'dashed' as const };
          default: {
            const look = n.kind ? KIND_LOOK[n.kind] : KIND_LOOK.PHONE;
            const warn = n.state === 'WARNINGLISTED';
            const hub = n.state === 'HUB_REVIEW';
            return { ...base, color: look.color, shape: look.shape, width: 30, height: 30, opacity: warn ? 0.4 : 1,
              borderColor: hub ? '#d98b06' : warn ? '#6b7280' : isExpanded ? '#0f2a4a' : '#ffffff',
              borderWidth: hub || isExpanded ? 3 : warn ? 2 : 1.5, borderStyle: hub || warn ? ('dashed' as const) : ('solid' as const) };
          }
        }
      }),
    [nodeList, expanded, labelOf, colourOf, rootId],
  );

  const cyEdges = useMemo<CytoEdge[]>(
    () =>
      [...edges.values()]
        .filter((e) => nodes.has(e.source) && nodes.has(e.target))
        .map((e) => ({
          id: e.id, source: e.source, target: e.target, label: '', arrow: 'none' as const, width: 1.5,
          color: e.type === 'MEMBER_OF' ? '#d9a406' : '#94a3b8', lineStyle: e.type === 'MEMBER_OF' ? ('dashed' as const) : ('solid' as const),
        })),
    [edges, nodes],
  );

  useEffect(() => {
    handle.current?.relayout();
  }, [layoutName]);

  const openCase = useCallback(
    (id: string) => {
      const n = nodes.get(id);
      if (n?.type === 'CASE' && n.caseId) router.push(`/cases/${n.caseId}`);
    },
    [nodes, router],
  );

  const tapped = useCallback(
    (id: string) => {
      setSelected(id);
      const n = nodes.get(id);
      if (n && expandable(n)) void expand(id);
    },
    [nodes, expand],
  );

  if (loading && nodes.size === 0) return <p className="muted page-status">{tc('loading')}</p>;
  if (error && nodes.size === 0) {
    const notFound = error instanceof GqlError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN');
    return (
      <section className="card" data-testid="graph-unavailable">
        <h1>{notFound ? t('notFoundTitle') : t('loadFailedTitle')}</h1>
        <p>{notFound ? t('notFoundText') : loadReason(error)}</p>
        <Link href="/cases">{t('backToList')}</Link>
      </section>
    );
  }

  const sel = selected ? nodes.get(selected) : undefined;
  const agenciesShown = [...new Map(nodeList.flatMap((n) => (n.type === 'CASE' && n.agency ? [[n.agency.id, n.agency] as const] : []))).values()];
  const kindsPresent = new Set(nodeList.flatMap((n) => (n.type === 'IDENTIFIER' && n.kind ? [n.kind] : [])));
  const kindsShown = Object.values(IdentifierKind).filter((k) => kindsPresent.has(k));
  const hasHidden = nodeList.some((n) => n.type === 'HIDDEN_CASES');
  const hasSeries = nodeList.some((n) => n.type === 'SERIES');

  return (
    <div className="wide-page graph-page" data-testid="graph-page">
      <Link href={`/cases/${caseId}`} className="back-link">
        ← {t('backToCase')}
      </Link>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">
            {head ? (
              <>
                <span className="mono">{head.caseNumber}</span> · {head.title}
              </>
            ) : (
              t('intro')
            )}
          </p>
        </div>
        <div className="graph-toolbar" role="toolbar" aria-label={t('toolbar')}>
          <button type="button" className="btn btn-small" onClick={() => handle.current?.fit()} data-testid="graph-fit">
            {t('fit')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => handle.current?.zoomBy(1.25)} aria-label={t('zoomIn')}
            title={t('zoomIn')}>
            +
          </button>
          <button type="button" className="btn btn-small" onClick={() => handle.current?.zoomBy(0.8)} aria-label={t('zoomOut')}
            title={t('zoomOut')}>
            −
          </button>
          <label className="graph-layout">
            <span className="muted small">{t('layout')}</span>
            <select value={layoutName} onChange={(e) => setLayoutName(e.target.value as LayoutName)} data-testid="graph-layout">
              <option value="cose">{t('layouts.cose')}</option>
              <option value="concentric">{t('layouts.concentric')}</option>
            </select>
          </label>
          <button type="button" className="btn btn-small" onClick={() => handle.current?.relayout()}>
            {t('relayout')}
          </button>
        </div>
      </div>
      {truncated && <Alert tone="warning" testId="graph-truncated">{t('truncated')}</Alert>}
      {expandError && <Alert tone="error" testId="graph-expand-error">{expandError}</Alert>}
      <div className="graph-layout-grid">
        <div className="card graph-card">
          <CytoCanvas nodes={cyNodes} edges={cyEdges} layout={LAYOUTS[layoutName] as never} anchorId={anchor} selectedId={selected}
            onTap={tapped} onDoubleTap={openCase} onBackgroundTap={() => setSelected(null)}
            onReady={(h) => (handle.current = h)} label={t('canvasLabel', { nodes: cyNodes.length, edges: cyEdges.length })}
            testId="link-graph" height={620} />
          <div className="graph-status muted small" data-testid="graph-counts">
            {t('counts', { nodes: cyNodes.length, edges: cyEdges.length })}
            {pending && <span className="graph-pending"> · {t('expanding')}</span>}
          </div>
        </div>
        <aside className="graph-side">
          <section className="card graph-details" data-testid="graph-details">
            {sel ? (
              <NodeDetails node={sel} label={labelOf(sel)} expanded={expanded.includes(sel.id)} pending={pending === sel.id}
                onExpand={() => void expand(sel.id)} />
            ) : (
              <p className="muted small">{t('help')}</p>
            )}
          </section>
          <section className="card graph-legend" data-testid="graph-legend">
            <h2>{t('legend')}</h2>
            <ul className="legend-list">
              {agenciesShown.map((a) => (
                <li key={a.id}>
                  <ShapeIcon shape={CASE_SHAPE} fill={colourOf(a)} /> {t('legendCase', { agency: agencyName(a) })}
                </li>
              ))}
              <li>
                <ShapeIcon shape={CASE_SHAPE} fill="#ffffff" stroke={ROOT_BORDER} /> {t('legendRoot')}
              </li>
              {hasSeries && (
                <li>
                  <ShapeIcon shape={SERIES_LOOK.shape} fill={SERIES_LOOK.color} stroke={SERIES_LOOK.border} /> {t('legendSeries')}
                </li>
              )}
              {hasHidden && (
                <li>
                  <ShapeIcon shape={HIDDEN_LOOK.shape} fill={HIDDEN_LOOK.color} stroke={HIDDEN_LOOK.border} dashed /> {t('legendHidden')}
                </li>
              )}
              {kindsShown.map((k) => (
                <li key={k}>
                  <ShapeIcon shape={KIND_LOOK[k].shape} fill={KIND_LOOK[k].color} /> {tKind(k)}
                </li>
              ))}
              <li>
                <ShapeIcon shape="ellipse" fill="#e5e7eb" stroke="#d98b06" dashed /> {t('legendHub')}
              </li>
              <li>
                <ShapeIcon shape="ellipse" fill="#e5e7eb" stroke="#6b7280" dashed /> {t('legendWarninglisted')}
              </li>
            </ul>
          </section>
        </aside>
      </div>
      <details className="card graph-node-list">
        <summary>{t('nodeList', { count: nodeList.length })}</summary>
        <div className="table-scroll">
          <table className="table table-compact">
            <thead>
              <tr>
                <th>{t('nodeType')}</th>
                <th>{t('nodeLabel')}</th>
                <th>{t('nodeAgency')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {nodeList.map((n) => (
                <tr key={n.id} data-testid="graph-node-row" data-node-id={n.id} data-node-type={n.type}>
                  <td className="nowrap">{n.type === 'IDENTIFIER' && n.kind ? tKind(n.kind) : t(`types.${n.type}`)}</td>
                  <td className={n.type === 'IDENTIFIER' ? 'mono' : undefined}>{labelOf(n)}</td>
                  <td>{n.agency ? agencyName(n.agency) : ''}</td>
                  <td className="actions-cell">
                    {expandable(n) && !expanded.includes(n.id) && (
                      <button type="button" className="btn btn-small" disabled={pending !== null} onClick={() => void expand(n.id)}>
                        {t('expand')}
                      </button>
                    )}
                    {n.type === 'CASE' && n.caseId && (
                      <Link href={`/cases/${n.caseId}`} className="btn btn-small">
                        {t('openCase')}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function NodeDetails({ node, label, expanded, pending, onExpand }: { node: LinkGraphNode; label: string; expanded: boolean; pending: boolean; onExpand(): void }) {
  const t = useTranslations('linkGraph');
  const tKind = useTranslations('identifierKinds');
  const agencyName = useAgencyName();
  return (
    <div data-testid="graph-selected" data-node-id={node.id} data-node-type={node.type}>
      <div className="muted small">{node.type === 'IDENTIFIER' && node.kind ? tKind(node.kind) : t(`types.${node.type}`)}</div>
      <h2 className={node.type === 'IDENTIFIER' ? 'mono graph-node-title' : 'graph-node-title'}>{label}</h2>
      <dl className="graph-facts">
        {node.agency && (
          <>
            <dt>{t('nodeAgency')}</dt>
            <dd>{agencyName(node.agency)}</dd>
          </>
        )}
        {node.state && (
          <>
            <dt>{t('nodeState')}</dt>
            <dd>
              <LinkStateBadge state={node.state} />
            </dd>
          </>
        )}
        {node.type === 'IDENTIFIER' && node.count != null && (
          <>
            <dt>{t('nodeCases')}</dt>
            <dd>{node.count}</dd>
          </>
        )}
      </dl>
      {node.type === 'HIDDEN_CASES' && <p className="small">{t('hiddenHelp')}</p>}
      {node.state === 'WARNINGLISTED' && <p className="small muted">{t('warninglistedHelp')}</p>}
      {node.state === 'HUB_REVIEW' && <p className="small muted">{t('hubHelp')}</p>}
      <div className="actions">
        {expandable(node) &&
          (expanded ? (
            <span className="muted small" data-testid="node-expanded">{t('expanded')}</span>
          ) : (
            <button type="button" className="btn btn-small" disabled={pending} onClick={onExpand} data-testid="node-expand">
              {pending ? t('expanding') : t('expand')}
            </button>
          ))}
        {node.type === 'CASE' && node.caseId && (
          <Link href={`/cases/${node.caseId}`} className="btn btn-small btn-primary" data-testid="node-open-case">
            {t('openCase')}
          </Link>
        )}
        {node.type === 'SERIES' && node.seriesId && (
          <Link href={`/series/${node.seriesId}`} className="btn btn-small btn-primary" data-testid="node-open-series">
            {t('openSeries')}
          </Link>
        )}
      </div>
    </div>
  );
}
