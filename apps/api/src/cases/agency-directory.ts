import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyKind } from '@caselink/domain';
import { agencyDirectory } from '@caselink/db';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyRef } from './case.model';

const TTL_MS = 60_000;

/**
 * Names, kinds and regions of all agencies (agency_directory(), the one directory fact that crosses
 * the wall), cached briefly: agencies are created rarely and every case page names several.
 * A reload runs on the caller's own connection when there is one: asking the pool for a second
 * connection from inside a transaction deadlocks once every pooled connection does the same.
 */
@Injectable()
export class AgencyDirectory implements OnApplicationBootstrap {
  private cache: { at: number; byId: Map<string, AgencyRef> } | undefined;
  private loading: Promise<Map<string, AgencyRef>> | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: RequestTransaction,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.all();
  }

  async all(manager?: EntityManager): Promise<Map<string, AgencyRef>> {
    if (this.cache && Date.now() - this.cache.at < TTL_MS) return this.cache.byId;
    this.loading ??= this.load(manager ?? this.tx.current ?? this.ds.manager).finally(() => (this.loading = undefined));
    return this.loading;
  }

  async get(id: string, manager?: EntityManager): Promise<AgencyRef> {
    let ref = (await this.all(manager)).get(id);
    if (!ref) {
      this.cache = undefined; // created since the last load
      ref = (await this.all(manager)).get(id);
    }
    if (!ref) throw new Error(`Agency ${id} is not in the directory`);
    return ref;
  }

  async police(): Promise<AgencyRef[]> {
    return [...(await this.all()).values()].filter((a) => a.kind === AgencyKind.POLICE);
  }

  private async load(m: EntityManager): Promise<Map<string, AgencyRef>> {
    const rows = await agencyDirectory(m);
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, nameEn: r.name_en, kind: r.kind, region: r.region }]));
    this.cache = { at: Date.now(), byId };
    return byId;
  }
}
