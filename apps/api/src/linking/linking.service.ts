import { Injectable } from '@nestjs/common';
import { IdentifierKind, isPersonalData, LinkTermState, maskIdentifier } from '@caselink/domain';
import {
  blindHits, CaseValueRow, casesLinkedTo, caseValues, linkableHoldings, seriesByIds, seriesMembers, seriesOfCase, seriesOfCases, seriesPage, valueHolders,
} from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor, PageArgs } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { CaseModel } from '../cases/case.model';
import { shownValue } from '../cases/masking';
import { CasesService } from '../cases/cases.service';
import {
  BlindHitModel, CaseLinksModel, LinkEdgeType, LinkedCaseModel, LinkGraphEdgeModel, LinkGraphModel, LinkGraphNodeModel, LinkNodeType, LinkValueModel,
  SeriesModel,
} from './linking.model';

const MAX_GRAPH_NODES = 300;
const MAX_LINKED_CASES = 200;

// Phones and ID numbers stay masked for a viewer who sees the case they came through masked (READ, or a role such as ANALYST).
export { shownValue } from '../cases/masking';

const linking = (state: LinkTermState) => state === LinkTermState.LINKING || state === LinkTermState.HUB_CONFIRMED;

/**
 * Links, series and graphs as the caller may see them. Every query runs under the caller's row-level
 * security, so postings of cases the caller cannot read are simply absent; the only view across the
 * wall is case_blind_hits(), which names the other agency and nothing of its case.
 */
@Injectable()
export class LinkingService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
    private readonly directory: AgencyDirectory,
  ) {}

  async caseLinks(actor: Actor, caseId: string): Promise<CaseLinksModel> {
    const root = await this.cases.get(actor, caseId);
    const values = await caseValues(this.tx.manager, caseId);
    const shown = (v: CaseValueRow): LinkValueModel => ({ kind: v.kind, value: shownValue(v.kind, v.canonical, root.masked), state: v.state, visibleCaseCount: v.visible });
    const rows = await casesLinkedTo(this.tx.manager, caseId, MAX_LINKED_CASES);
    const linked = await this.cases.byIds(actor, rows.map((r) => r.case_id));
    const byValue = new Map(values.map((v) => [`${v.kind}:${v.canonical}`, v]));
    const linkedCases: LinkedCaseModel[] = linked.map((c) => {
      const r = rows.find((x) => x.case_id === c.id) as (typeof rows)[number];
      return { case: c, shared: r.kinds.map((k, i) => shown(byValue.get(`${k}:${r.canonicals[i]}`) ?? { kind: k, canonical: r.canonicals[i], state: LinkTermState.LINKING, visible: 0 })) };
    });
    const seriesId = await seriesOfCase(this.tx.manager, caseId);
    return {
      series: seriesId ? await this.seriesModel(actor, seriesId) : null,
      linkedCases,
      blindHits: await this.blindHits(caseId, root.masked),
      hubs: values.filter((v) => v.state === LinkTermState.HUB_REVIEW).map(shown),
      warninglisted: values.filter((v) => v.state === LinkTermState.WARNINGLISTED).map(shown),
    };
  }

  async series(actor: Actor, id: string): Promise<SeriesModel> {
    return this.seriesModel(actor, id);
  }

  /** Series with at least one case the caller may read, most recently changed first. */
  async seriesList(actor: Actor, page: PageArgs): Promise<Connection<SeriesModel>> {
    const ids = await seriesPage(this.tx.manager, { afterId: page.after ? decodeCursor(page.after) : null, limit: page.first + 1 });
    const nodes = await this.seriesModels(actor, ids.slice(0, page.first));
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return { edges, pageInfo: { hasNextPage: ids.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: -1 };
  }

  private async seriesModel(actor: Actor, id: string): Promise<SeriesModel> {
    const [model] = await this.seriesModels(actor, [id]);
    if (!model) throw notFound('Series', id);
    return model;
  }

  /** Series the caller may see among `ids`, in that order: three queries however many (a list page is one batch). */
  private async seriesModels(actor: Actor, ids: readonly string[]): Promise<SeriesModel[]> {
    if (ids.length === 0) return [];
    const rows = await seriesByIds(this.tx.manager, ids);
    const members = await seriesMembers(this.tx.manager, ids);
    const cases = new Map((await this.cases.byIds(actor, members.map((m) => m.case_id))).map((c) => [c.id, c]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const own = members.filter((m) => m.series_id === id).map((m) => cases.get(m.case_id)).filter((c): c is CaseModel => c !== undefined)
        .sort((a, b) => compareMoney(b.totalLoss, a.totalLoss) || a.caseNumber.localeCompare(b.caseNumber));
      return [{
        id: row.id, caseCount: row.case_count, hiddenCaseCount: row.hidden ?? 0, cases: own,
        totalLoss: sumMoney(own.map((c) => c.totalLoss)), victimCount: own.reduce((n, c) => n + c.victimCount, 0),
        provinces: [...new Set(own.flatMap((c) => c.provinces))].sort(), agencies: [...new Map(own.map((c) => [c.owner.id, c.owner])).values()],
        createdAt: row.created_at, updatedAt: row.updated_at,
      }];
    });
  }

  /**
   * The graph around a case: its values, the cases holding them that the caller may read, agencies
   * holding ones it may not (one node per agency), and the series. `expand` adds the neighbours of
   * value and case nodes already reachable.
   */
  async linkGraph(actor: Actor, caseId: string, expand: readonly string[] = []): Promise<LinkGraphModel> {
    const root = await this.cases.get(actor, caseId);
    const nodes = new Map<string, LinkGraphNodeModel>();
    const edges = new Map<string, LinkGraphEdgeModel>();
    let truncated = false;
    const addNode = (n: LinkGraphNodeModel): boolean => {
      if (nodes.has(n.id)) return true;
      if (nodes.size >= MAX_GRAPH_NODES) {
        truncated = true;
        return false;
      }
      nodes.set(n.id, n);
      return true;
    };
    const addEdge = (source: string, target: string, type: LinkEdgeType) => {
      if (nodes.has(source) && nodes.has(target)) edges.set(`${source}->${target}`, { id: `${source}->${target}`, source, target, type });
    };
    const caseNode = (c: CaseModel, isRoot: boolean): LinkGraphNodeModel => ({
      id: `case:${c.id}`, type: LinkNodeType.CASE, label: c.caseNumber, caseId: c.id, caseNumber: c.caseNumber, agency: c.owner, root: isRoot,
    });
    const expanded = new Set(expand);
    const seen = new Map<string, CaseModel>([[root.id, root]]);
    addNode(caseNode(root, true));

    // Which cases to open up: the root, and expanded case nodes the caller may read.
    const openCases = [root.id];
    const askedCases = expand.filter((e) => e.startsWith('case:')).map((e) => e.slice(5));
    for (const c of await this.cases.byIds(actor, askedCases.filter(isUuid))) {
      seen.set(c.id, c);
      openCases.push(c.id);
    }
    const openValues: Array<{ kind: string; canonical: string; masked: boolean }> = [];
    // Distinct hidden cases per agency (one case may share several values).
    const hiddenCases = new Map<string, Set<string>>();
    for (const id of openCases) {
      const c = seen.get(id) as CaseModel;
      addNode(caseNode(c, id === root.id || expanded.has(`case:${id}`)));
      for (const v of await caseValues(this.tx.manager, id)) {
        const nodeId = valueNodeId(v.kind, v.canonical, c.masked);
        if (!addNode({ id: nodeId, type: LinkNodeType.IDENTIFIER, label: shownValue(v.kind, v.canonical, c.masked), kind: v.kind, state: v.state, count: v.visible, root: expanded.has(nodeId) })) break;
        addEdge(`case:${id}`, nodeId, LinkEdgeType.HOLDS);
        if (linking(v.state) && (id === root.id || expanded.has(`case:${id}`))) openValues.push({ kind: v.kind, canonical: v.canonical, masked: c.masked });
      }
      for (const hit of await this.blindHits(id, c.masked)) {
        const hidden = `hidden:${hit.agency.id}`;
        const refs = hiddenCases.get(hidden) ?? new Set<string>();
        refs.add(hit.caseRef);
        hiddenCases.set(hidden, refs);
        if (!nodes.has(hidden)) addNode({ id: hidden, type: LinkNodeType.HIDDEN_CASES, label: hit.agency.name, agency: hit.agency, count: 0, root: false });
        const node = nodes.get(hidden);
        if (node) node.count = refs.size;
        addEdge(hidden, valueNodeId(hit.kind, hit.canonical, c.masked), LinkEdgeType.HOLDS);
      }
    }
    // Expanded value nodes (unmasked ids only: a masked value's id names no value). A phone or ID number is
    // opened only for a viewer who may see it unmasked on a case holding it, else expand would confirm
    // guesses of masked values.
    for (const e of expand) {
      const m = /^value:([A-Z_]+):(.+)$/.exec(e);
      if (!m || m[2].startsWith('masked:')) continue;
      const kind = m[1] as IdentifierKind;
      if (isPersonalData(kind)) {
        const holders = await valueHolders(this.tx.manager, kind, m[2], 200);
        if ((await this.cases.byIds(actor, holders)).every((c) => c.masked)) continue;
      }
      openValues.push({ kind, canonical: m[2], masked: false });
    }
    if (openValues.length > 0) {
      const holders = await linkableHoldings(this.tx.manager, openValues, MAX_GRAPH_NODES * 2);
      const fresh = [...new Set(holders.map((h) => h.case_id))].filter((id) => !seen.has(id));
      for (const c of await this.cases.byIds(actor, fresh)) seen.set(c.id, c);
      for (const h of holders) {
        const c = seen.get(h.case_id);
        if (!c) continue;
        const masked = openValues.find((v) => v.kind === h.kind && v.canonical === h.canonical)?.masked ?? true;
        const valueId = valueNodeId(h.kind, h.canonical, masked);
        if (!nodes.has(valueId)) {
          if (!addNode({ id: valueId, type: LinkNodeType.IDENTIFIER, label: shownValue(h.kind, h.canonical, masked), kind: h.kind, state: LinkTermState.LINKING, root: expanded.has(valueId) })) break;
        }
        if (!addNode(caseNode(c, false))) break;
        addEdge(`case:${c.id}`, valueId, LinkEdgeType.HOLDS);
      }
    }
    // Series of every case on the graph.
    const caseIds = [...nodes.values()].filter((n) => n.type === LinkNodeType.CASE).map((n) => n.caseId as string);
    const memberships = await seriesOfCases(this.tx.manager, caseIds);
    for (const m of memberships) {
      if (m.series_id === null) continue;
      const sid = `series:${m.series_id}`;
      if (!nodes.has(sid) && !addNode({ id: sid, type: LinkNodeType.SERIES, label: `#${m.series_id.slice(0, 8)}`, seriesId: m.series_id, count: m.case_count ?? 0, root: false })) break;
      addEdge(`case:${m.case_id}`, sid, LinkEdgeType.MEMBER_OF);
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
  }

  private async blindHits(caseId: string, masked: boolean): Promise<Array<BlindHitModel & { canonical: string }>> {
    return Promise.all(
      (await blindHits(this.tx.manager, caseId)).map(async (r) => ({
        kind: r.kind, canonical: r.canonical, value: shownValue(r.kind, r.canonical, masked), agency: await this.directory.get(r.agency_id),
        caseRef: r.case_id, requested: r.pending_request,
      })),
    );
  }
}

function valueNodeId(kind: string, canonical: string, masked: boolean): string {
  return masked && isPersonalData(kind as IdentifierKind)
    ? `value:${kind}:masked:${maskIdentifier(kind as IdentifierKind, canonical)}`
    : `value:${kind}:${canonical}`;
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);

/** Exact decimal sums of CNY amounts (numeric(18,2) strings) in integer cents. */
export function sumMoney(amounts: readonly string[]): string {
  const cents = amounts.reduce((s, a) => s + toCents(a), 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

export function toCents(a: string): bigint {
  const [whole, frac = ''] = a.split('.');
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
}

const compareMoney = (a: string, b: string) => {
  const d = toCents(a) - toCents(b);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
};

export function assertExpandIds(expand: readonly string[]): void {
  if (expand.length > 50) throw badInput('expand', 'at most 50 node ids at once');
  for (const [i, e] of expand.entries()) {
    if (e.length > 300 || !/^(case:[0-9a-f-]{36}|value:[A-Z_]+:.+)$/.test(e)) throw badInput(`expand.${i}`, 'is not a case:… or value:… node id of this graph');
  }
}
